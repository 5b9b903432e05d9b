package io.lethe.purge.job;

import java.time.Duration;
import java.util.UUID;

/**
 * A worker's claim on a running job. Every write a running purge makes is guarded by it;
 * once the heartbeat finds it taken over, the purge stops at its next write.
 */
public final class Lease {

	private final UUID jobId;

	private final String owner;

	private final Duration duration;

	private volatile boolean lost;

	public Lease(UUID jobId, String owner, Duration duration) {
		this.jobId = jobId;
		this.owner = owner;
		this.duration = duration;
	}

	public UUID jobId() {
		return this.jobId;
	}

	public String owner() {
		return this.owner;
	}

	public Duration duration() {
		return this.duration;
	}

	public void markLost() {
		this.lost = true;
	}

	public boolean lost() {
		return this.lost;
	}

	/** Stops a purge between chunks once the lease is known to be lost. */
	public void ensureHeld() {
		if (this.lost) {
			throw new LeaseLostException(this.jobId, this.owner);
		}
	}

}
