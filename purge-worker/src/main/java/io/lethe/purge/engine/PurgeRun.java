package io.lethe.purge.engine;

import java.util.UUID;

import io.lethe.purge.job.Counter;
import io.lethe.purge.job.Lease;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.RunningJobs;

/**
 * A step's view of the job it works on: the job as the step began, and the writes a step
 * makes to it, each guarded by the lease.
 */
final class PurgeRun {

	private final PurgeJob job;

	private final Lease lease;

	private final RunningJobs jobs;

	PurgeRun(PurgeJob job, Lease lease, RunningJobs jobs) {
		this.job = job;
		this.lease = lease;
		this.jobs = jobs;
	}

	PurgeJob job() {
		return this.job;
	}

	UUID rootId() {
		return this.job.rootId();
	}

	Lease lease() {
		return this.lease;
	}

	/** The step's resume point, null when the step starts afresh. */
	String checkpoint() {
		return this.job.checkpoint();
	}

	void progress(Counter counter, long deleted) {
		this.jobs.progress(this.lease, counter, deleted, null);
	}

	void progress(Counter counter, long deleted, String checkpoint) {
		this.jobs.progress(this.lease, counter, deleted, checkpoint);
	}

	void total(Counter counter, long total) {
		this.jobs.total(this.lease, counter, total);
	}

	void checkpoint(String checkpoint) {
		this.jobs.checkpoint(this.lease, checkpoint);
	}

	void rewind(String step) {
		this.jobs.rewind(this.lease, step);
	}

	void markStarted() {
		this.jobs.markStarted(this.lease);
	}

	void verified(String verification) {
		this.jobs.verified(this.lease, verification);
	}

}
