package io.lethe.purge.runner;

import java.time.Duration;

import io.lethe.stores.retry.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and how purge jobs run ({@code lethe.purge.*}).
 *
 * @param schedule when the runner looks for due jobs
 * @param lease how long a claim on a job lasts without a heartbeat; the heartbeat renews
 * it every third of that
 * @param maxAttempts attempts of a job before it fails for good
 * @param retry the wait between two attempts of a job
 * @param workerId names this worker in leases; a unique id per process when blank
 * @param sweepDelay how long a dataset must be expired, or an asset or item deleted,
 * before the sweep gives it a job when no event did
 */
@ConfigurationProperties("lethe.purge")
record RunnerProperties(@DefaultValue Schedule schedule, @DefaultValue("PT30S") Duration lease,
		@DefaultValue("5") int maxAttempts, @DefaultValue Retry retry, String workerId,
		@DefaultValue("PT10M") Duration sweepDelay) {

	RunnerProperties {
		if (lease.toMillis() < 300) {
			throw new IllegalArgumentException("lethe.purge.lease must be at least 300 ms");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("lethe.purge.max-attempts must be at least 1");
		}
	}

	/**
	 * A job's attempts: {@code max-attempts} tries, the waits of {@code retry} between
	 * them.
	 */
	RetryPolicy jobRetry() {
		return this.retry.policy(this.maxAttempts);
	}

	/**
	 * @param cron the runs, by default twice a day off-peak; {@code -} for none
	 * @param interval when set, runs at this fixed delay instead of the cron
	 * @param startOnEvent whether a job that is due when its event arrives (no grace, an
	 * asset or samples deletion, purge-now) starts at once rather than at the next run
	 */
	record Schedule(@DefaultValue("0 0 3,15 * * *") String cron, Duration interval,
			@DefaultValue("true") boolean startOnEvent) {
	}

	/**
	 * @param initialBackoff the wait after a job's first failed attempt; it doubles
	 * @param maxBackoff the longest wait between attempts
	 */
	record Retry(@DefaultValue("PT1M") Duration initialBackoff, @DefaultValue("PT1H") Duration maxBackoff) {

		/** The job's retry policy: {@code maxAttempts} tries, waits doubling. */
		RetryPolicy policy(int maxAttempts) {
			return new RetryPolicy(maxAttempts, this.initialBackoff, this.maxBackoff, 2.0);
		}

	}

}
