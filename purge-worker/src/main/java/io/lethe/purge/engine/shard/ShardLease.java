package io.lethe.purge.engine.shard;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's claim on one shard of a job's step, and what the shard's work deleted that
 * is not recorded yet. It counts as held until the database refuses a renewal, and in any
 * case no longer than a lease after the last renewal that went through: a worker cut off
 * from the database stops before another can have claimed the shard.
 */
public final class ShardLease {

	private final UUID jobId;

	private final UUID orgId;

	private final String step;

	private final int shard;

	private final String prefix;

	private final int attempts;

	private final String owner;

	private final Duration duration;

	private final AtomicLong unrecorded = new AtomicLong();

	private volatile long heldUntilNanos;

	private volatile boolean lost;

	ShardLease(UUID jobId, UUID orgId, String step, int shard, String prefix, int attempts, String owner,
			Duration duration, long claimedAtNanos) {
		this.jobId = jobId;
		this.orgId = orgId;
		this.step = step;
		this.shard = shard;
		this.prefix = prefix;
		this.attempts = attempts;
		this.owner = owner;
		this.duration = duration;
		this.heldUntilNanos = claimedAtNanos + duration.toNanos();
	}

	public UUID jobId() {
		return this.jobId;
	}

	public UUID orgId() {
		return this.orgId;
	}

	public String step() {
		return this.step;
	}

	public int shard() {
		return this.shard;
	}

	public String prefix() {
		return this.prefix;
	}

	/** This claim's attempt at the shard, from 1. */
	public int attempts() {
		return this.attempts;
	}

	public String owner() {
		return this.owner;
	}

	public Duration duration() {
		return this.duration;
	}

	/** Object versions deleted under the shard, recorded at the next renewal. */
	void deleted(long count) {
		this.unrecorded.addAndGet(count);
	}

	/** What is to be recorded with the next guarded write; given back if it fails. */
	long takeUnrecorded() {
		return this.unrecorded.getAndSet(0);
	}

	void giveBack(long count) {
		this.unrecorded.addAndGet(count);
	}

	/** A renewal issued at {@code issuedAtNanos} went through. */
	void renewed(long issuedAtNanos) {
		this.heldUntilNanos = issuedAtNanos + this.duration.toNanos();
	}

	void markLost() {
		this.lost = true;
	}

	public boolean lost() {
		return this.lost || System.nanoTime() - this.heldUntilNanos > 0;
	}

	/** Stops the shard's work before its next write once the lease is not held. */
	public void ensureHeld() {
		if (lost()) {
			this.lost = true;
			throw new ShardLeaseLostException(this);
		}
	}

}
