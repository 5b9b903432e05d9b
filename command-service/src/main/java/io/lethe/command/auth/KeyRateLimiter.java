package io.lethe.command.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.lethe.command.api.RequestLimits;

/**
 * A token bucket per API key: each key may make {@code burst} requests at once and
 * {@code requestsPerSecond} on average, so that one client cannot starve the others.
 * Buckets live in memory, one per key seen, in each instance.
 */
final class KeyRateLimiter {

	private final double ratePerNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

	KeyRateLimiter(RequestLimits limits, LongSupplier nanoTime) {
		this.ratePerNano = limits.requestsPerSecond() / 1e9;
		this.burst = limits.burst();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one request's token for the key.
	 * @return 0 when the request may go ahead, else the seconds until it may be retried
	 */
	long acquire(UUID key) {
		Bucket bucket = this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.burst, this.nanoTime.getAsLong()));
		synchronized (bucket) {
			long now = this.nanoTime.getAsLong();
			bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.refilledAt) * this.ratePerNano);
			bucket.refilledAt = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			double waitNanos = (1 - bucket.tokens) / this.ratePerNano;
			return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
		}
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long refilledAt) {
			this.tokens = tokens;
			this.refilledAt = refilledAt;
		}

	}

}
