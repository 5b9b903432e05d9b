package io.lethe.purge.engine;

import java.util.Locale;
import java.util.UUID;

import io.lethe.purge.job.Counter;
import io.lethe.purge.job.Lease;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RunningJobs;
import io.lethe.purge.metrics.PurgeMetrics;

/**
 * A step's view of the job it works on: the job as the step began, and the writes a step
 * makes to it, each guarded by the lease.
 */
public final class PurgeRun {

	private final PurgeJob job;

	private final Lease lease;

	private final RunningJobs jobs;

	private final PurgeMetrics metrics;

	private final boolean ownsCheckpoint;

	PurgeRun(PurgeJob job, Lease lease, RunningJobs jobs, PurgeMetrics metrics) {
		this(job, lease, jobs, metrics, true);
	}

	private PurgeRun(PurgeJob job, Lease lease, RunningJobs jobs, PurgeMetrics metrics, boolean ownsCheckpoint) {
		this.job = job;
		this.lease = lease;
		this.jobs = jobs;
		this.metrics = metrics;
		this.ownsCheckpoint = ownsCheckpoint;
	}

	/**
	 * The view of a step run {@link Overlapped alongside} another, which owns the job's
	 * checkpoint: it starts afresh and its counts leave the checkpoint alone.
	 */
	PurgeRun withoutCheckpoint() {
		return new PurgeRun(this.job, this.lease, this.jobs, this.metrics, false);
	}

	public PurgeJob job() {
		return this.job;
	}

	public UUID rootId() {
		return this.job.rootId();
	}

	public Lease lease() {
		return this.lease;
	}

	/** The step's resume point, null when the step starts afresh. */
	String checkpoint() {
		return this.ownsCheckpoint ? this.job.checkpoint() : null;
	}

	void progress(Counter counter, long deleted) {
		progress(counter, deleted, null);
	}

	public void progress(Counter counter, long deleted, String checkpoint) {
		this.jobs.progress(this.lease, counter, deleted, this.ownsCheckpoint ? checkpoint : null);
		this.metrics.deleted(counter.name().toLowerCase(Locale.ROOT), deleted);
	}

	public void total(Counter counter, long total) {
		this.jobs.total(this.lease, counter, total);
	}

	void checkpoint(String checkpoint) {
		if (!this.ownsCheckpoint) {
			throw new IllegalStateException("A step run alongside another has no checkpoint of its own");
		}
		this.jobs.checkpoint(this.lease, checkpoint);
	}

	void rewind(String step) {
		this.jobs.rewind(this.lease, step);
	}

	public void markStarted() {
		this.jobs.markStarted(this.lease);
	}

	/**
	 * What a verify step found left, for the residue meters; the step fails the attempt.
	 */
	void residue(long rows, long vectors, long objects) {
		this.metrics.residue("rows", rows);
		this.metrics.residue("vectors", vectors);
		this.metrics.residue("objects", objects);
	}

	void verified(String verification) {
		this.jobs.verified(this.lease, verification);
	}

}
