package io.lethe.stores.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How Lethe tries again, the one policy of every retry in both services: store calls
 * inside a purge step, the outbox relay, a purge job's attempts and the worker's intake
 * of an event. Waits grow exponentially from {@code initialBackoff} by
 * {@code multiplier}, up to {@code maxBackoff}; {@code attempts} counts every try, the
 * first included, and 0 means no limit (the failure is one that passes, and giving up
 * would lose work). The AWS SDK's own retries are set apart, explicitly
 * ({@code S3Settings.sdkAttempts}), so that tries never multiply unseen.
 *
 * @param attempts tries in all, the first included; 0 for no limit
 * @param initialBackoff the wait before the second try
 * @param maxBackoff the longest wait
 * @param multiplier how the wait grows from one try to the next (2 when not given)
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

	/** {@code attempts} for a policy that tries for as long as the failure lasts. */
	public static final int UNBOUNDED = 0;

	public RetryPolicy {
		multiplier = (multiplier <= 0) ? 2.0 : multiplier;
		if (attempts < 0 || initialBackoff == null || maxBackoff == null || initialBackoff.isNegative()
				|| maxBackoff.compareTo(initialBackoff) < 0 || multiplier < 1) {
			throw new IllegalArgumentException("A retry policy needs attempts >= 0 (0: no limit), "
					+ "0 <= initial-backoff <= max-backoff and a multiplier of at least 1");
		}
	}

	/**
	 * Exponential (doubling) waits between {@code initial} and {@code max}, no limit in
	 * tries.
	 */
	public static RetryPolicy unbounded(Duration initial, Duration max) {
		return new RetryPolicy(UNBOUNDED, initial, max, 2.0);
	}

	/** Whether a failure after {@code tries} tries is final. */
	public boolean exhausted(int tries) {
		return this.attempts != UNBOUNDED && tries >= this.attempts;
	}

	/**
	 * The wait before try {@code tries + 1}, after {@code tries} failed ones, without
	 * jitter.
	 */
	public Duration ceiling(int tries) {
		double wait = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, tries - 1));
		return Duration.ofMillis((long) Math.min(wait, this.maxBackoff.toMillis()));
	}

	/**
	 * The wait before try {@code tries + 1} with full jitter: a random wait between half
	 * and all of {@link #ceiling}, so that many callers failing at once do not retry in
	 * step.
	 */
	public Duration backoff(int tries) {
		long ceiling = ceiling(tries).toMillis();
		long half = Math.max(1, ceiling / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	/** The same policy as Spring's {@link BackOff}, for Kafka's error handler. */
	public BackOff toBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.initialBackoff.toMillis(), this.multiplier);
		backOff.setMaxInterval(this.maxBackoff.toMillis());
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		backOff.setMaxAttempts((this.attempts == UNBOUNDED) ? Long.MAX_VALUE : Math.max(0, this.attempts - 1));
		return backOff;
	}

}
