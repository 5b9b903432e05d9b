package io.lethe.command.api;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (an API key, an address): each may take {@code burst} tokens
 * at once and {@code perSecond} on average. Buckets live in memory, in each instance, at
 * most {@code maxBuckets} of them: a bucket that has refilled is the same as none, so
 * full ones are dropped first; should a flood of distinct clients leave none full, the
 * oldest-looking tenth go too (a client dropped so starts afresh, which costs less than
 * memory without bound).
 *
 * @param <K> what a client is known by
 */
public final class TokenBuckets<K> {

	private final double ratePerNano;

	private final double burst;

	private final int maxBuckets;

	private final LongSupplier nanoTime;

	private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

	public TokenBuckets(double perSecond, int burst, int maxBuckets, LongSupplier nanoTime) {
		if (perSecond <= 0 || burst < 1 || maxBuckets < 1) {
			throw new IllegalArgumentException("rate, burst and bucket count must be positive");
		}
		this.ratePerNano = perSecond / 1e9;
		this.burst = burst;
		this.maxBuckets = maxBuckets;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one token of the client's.
	 * @return 0 when there was one, else the seconds until there is
	 */
	public long acquire(K client) {
		Bucket bucket = bucket(client);
		synchronized (bucket) {
			bucket.refill(this.nanoTime.getAsLong());
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return bucket.secondsToNextToken();
		}
	}

	/**
	 * The seconds until the client has a token, without taking it: 0 when it has one now.
	 */
	public long waitFor(K client) {
		Bucket bucket = this.buckets.get(client);
		if (bucket == null) {
			return 0;
		}
		synchronized (bucket) {
			bucket.refill(this.nanoTime.getAsLong());
			return (bucket.tokens >= 1) ? 0 : bucket.secondsToNextToken();
		}
	}

	/** How many clients have a bucket now. */
	public int size() {
		return this.buckets.size();
	}

	private Bucket bucket(K client) {
		Bucket bucket = this.buckets.get(client);
		if (bucket != null) {
			return bucket;
		}
		if (this.buckets.size() >= this.maxBuckets) {
			evict();
		}
		return this.buckets.computeIfAbsent(client, (k) -> new Bucket(this.burst, this.nanoTime.getAsLong()));
	}

	/**
	 * Drops the full buckets; if that leaves too many, drops more until a tenth of the
	 * room is free, so that a flood does not sweep on every new client.
	 */
	private synchronized void evict() {
		if (this.buckets.size() < this.maxBuckets) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		this.buckets.values().removeIf((bucket) -> bucket.fullAt(now));
		int target = this.maxBuckets - Math.max(1, this.maxBuckets / 10);
		long oldest = Long.MAX_VALUE;
		for (Bucket bucket : this.buckets.values()) {
			oldest = Math.min(oldest, bucket.refilledAt);
		}
		// the buckets used least lately first: those refilled before the midpoint
		// between the oldest and now, then any
		long midpoint = oldest + (now - oldest) / 2;
		this.buckets.values().removeIf((bucket) -> this.buckets.size() > target && bucket.refilledAt <= midpoint);
		Iterator<Bucket> rest = this.buckets.values().iterator();
		while (this.buckets.size() > target && rest.hasNext()) {
			rest.next();
			rest.remove();
		}
	}

	private final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long refilledAt) {
			this.tokens = tokens;
			this.refilledAt = refilledAt;
		}

		void refill(long now) {
			this.tokens = Math.min(TokenBuckets.this.burst,
					this.tokens + (now - this.refilledAt) * TokenBuckets.this.ratePerNano);
			this.refilledAt = now;
		}

		boolean fullAt(long now) {
			synchronized (this) {
				return this.tokens + (now - this.refilledAt) * TokenBuckets.this.ratePerNano >= TokenBuckets.this.burst;
			}
		}

		long secondsToNextToken() {
			double waitNanos = (1 - this.tokens) / TokenBuckets.this.ratePerNano;
			return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
		}

	}

}
