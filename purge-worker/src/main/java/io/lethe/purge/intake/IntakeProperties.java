package io.lethe.purge.intake;

import java.time.Duration;

import io.lethe.stores.retry.RetryPolicy;
import io.lethe.stores.retry.TransientFailures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a deletion record that fails is tried again ({@code lethe.purge.intake.*}). A
 * failure of the infrastructure that passes ({@link TransientFailures}) is retried with a
 * growing wait for as long as it lasts, since the event is valid and its delete accepted;
 * any other failure is tried {@code attempts} times before the record is dead-lettered.
 *
 * @param attempts tries of a record that fails for another reason, the first included
 * @param backoff the wait between two of those tries
 * @param transientBackoff the waits while the infrastructure fails ({@code attempts} 0:
 * no limit)
 */
@ConfigurationProperties("lethe.purge.intake")
record IntakeProperties(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff,
		RetryPolicy transientBackoff) {

	IntakeProperties {
		if (transientBackoff == null) {
			transientBackoff = RetryPolicy.unbounded(Duration.ofMillis(500), Duration.ofSeconds(10));
		}
		if (transientBackoff.attempts() != RetryPolicy.UNBOUNDED) {
			throw new IllegalArgumentException("lethe.purge.intake.transient-backoff.attempts must be 0: an event that "
					+ "meets a passing failure is retried for as long as it lasts");
		}
	}

	/**
	 * The policy of failures that do not pass: a fixed wait, a bounded number of tries.
	 */
	RetryPolicy permanent() {
		return new RetryPolicy(this.attempts, this.backoff, this.backoff, 1.0);
	}

}
