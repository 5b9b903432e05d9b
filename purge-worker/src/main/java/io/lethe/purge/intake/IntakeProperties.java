package io.lethe.purge.intake;

import java.time.Duration;

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
 * @param transientBackoff the wait while the infrastructure fails
 */
@ConfigurationProperties("lethe.purge.intake")
record IntakeProperties(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff,
		@DefaultValue TransientBackoff transientBackoff) {

	/**
	 * @param initial the wait before the second try
	 * @param multiplier how the wait grows from one try to the next
	 * @param max the longest wait; tries go on without a limit in number
	 */
	record TransientBackoff(@DefaultValue("500ms") Duration initial, @DefaultValue("2.0") double multiplier,
			@DefaultValue("10s") Duration max) {

		TransientBackoff {
			if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
				throw new IllegalArgumentException("lethe.purge.intake.transient-backoff needs 0 < initial <= max "
						+ "and a multiplier of at least 1");
			}
		}

	}

}
