package io.lethe.purge.runner;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import io.lethe.purge.engine.PermanentPurgeFailure;
import io.lethe.purge.engine.PurgeEngine;
import io.lethe.purge.engine.RunOutcome;
import io.lethe.purge.job.Lease;
import io.lethe.purge.job.LeaseLostException;
import io.lethe.purge.job.LostDeletionSweeps;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.job.PurgeJobs;
import io.lethe.purge.job.RunningJobs;
import io.lethe.purge.metrics.PurgeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * One run of the purge worker: publishes outcomes still owed, sweeps expired datasets,
 * deleted assets and deleted items that have no job (their events were lost), then claims
 * due jobs one at a time (under a lease it heartbeats) and runs each through the engine.
 * A failed attempt is retried later with a growing wait, until the job runs out of
 * attempts and fails.
 */
@Service
public class PurgeRunner {

	private static final Logger logger = LoggerFactory.getLogger(PurgeRunner.class);

	private static final int MAX_ERROR_LENGTH = 2000;

	/** Deleted items the sweep gives jobs per run; the rest wait for the next. */
	private static final int SWEPT_ITEMS_PER_RUN = 10_000;

	private final PurgeJobs jobs;

	private final LostDeletionSweeps sweeps;

	private final RunningJobs running;

	private final PurgeEngine engine;

	private final Heartbeats heartbeats;

	private final OutcomeEvents outcomes;

	private final RunnerProperties properties;

	private final PurgeMetrics metrics;

	private final String workerId;

	PurgeRunner(PurgeJobs jobs, LostDeletionSweeps sweeps, RunningJobs running, PurgeEngine engine,
			Heartbeats heartbeats, OutcomeEvents outcomes, RunnerProperties properties, PurgeMetrics metrics) {
		this.metrics = metrics;
		this.jobs = jobs;
		this.sweeps = sweeps;
		this.running = running;
		this.engine = engine;
		this.heartbeats = heartbeats;
		this.outcomes = outcomes;
		this.properties = properties;
		this.workerId = (properties.workerId() != null && !properties.workerId().isBlank()) ? properties.workerId()
				: ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The id this worker holds leases under, unique per process. */
	public String workerId() {
		return this.workerId;
	}

	/**
	 * Runs every job that is due now, then returns. Safe to call from several threads and
	 * workers at once: a job is claimed by one of them only. The jobs already due run
	 * first and the sweeps for lost events after them, then what the sweeps found: a job
	 * whose event just arrived starts without waiting for scans of the catalog that are
	 * only a safety net. Each job's outcome event goes out as the job ends, not after the
	 * jobs queued behind it.
	 * @return how many jobs were run
	 */
	public int runDueJobs() {
		int ran = runClaimed();
		publishOutcomes();
		List<UUID> swept = this.jobs.sweepExpiredDatasets(this.properties.sweepDelay());
		swept.forEach((dataset) -> logger.warn("Dataset {} expired without a purge job (no event seen); job scheduled",
				dataset));
		sweepLostAssetsAndSamples();
		return ran + runClaimed();
	}

	private int runClaimed() {
		int ran = 0;
		Optional<PurgeJob> claimed;
		while ((claimed = this.running.claimNext(this.workerId, this.properties.lease())).isPresent()) {
			run(claimed.get());
			publishOutcomes();
			ran++;
		}
		return ran;
	}

	/**
	 * Deleted assets and items whose events were lost get their jobs; a failure here only
	 * delays the sweep to the next run, never the due jobs.
	 */
	private void sweepLostAssetsAndSamples() {
		try {
			this.sweeps.sweepDeletedAssets(this.properties.sweepDelay())
				.forEach((asset) -> logger.warn("Asset {} deleted without a purge job (no event seen); job scheduled",
						asset));
			this.sweeps.sweepDeletedItems(this.properties.sweepDelay(), SWEPT_ITEMS_PER_RUN)
				.forEach((batch) -> logger.warn(
						"{} deleted items of dataset {} had no purge job (no event seen); samples job {} scheduled",
						batch.items(), batch.dataset(), batch.batch()));
		}
		catch (RuntimeException ex) {
			logger.warn("Sweeping deleted assets and items failed, next run tries again: {}", describe(ex));
		}
	}

	private void run(PurgeJob job) {
		// every log line of the job, from any class, carries its ids as JSON fields
		try (MDC.MDCCloseable jobId = MDC.putCloseable("job_id", job.id().toString());
				MDC.MDCCloseable rootType = MDC.putCloseable("root_type", job.rootType());
				MDC.MDCCloseable rootId = MDC.putCloseable("root_id", job.rootId().toString());
				MDC.MDCCloseable org = MDC.putCloseable("org_id", job.orgId().toString())) {
			runLogged(job);
		}
	}

	private void runLogged(PurgeJob job) {
		Lease lease = new Lease(job.id(), this.workerId, this.properties.lease());
		if (this.properties.jobRetry().exhausted(job.attempts())) {
			// Taken over once too often: every run of it dies with its worker.
			logger.error("Purge job {} for {} {} failed after {} attempts: {}", job.id(), job.rootType(), job.rootId(),
					job.attempts(), job.lastError());
			settle(job, () -> this.running.fail(lease, job.lastError(), false));
			this.metrics.jobEnded(job.rootType(), "failed", null);
			return;
		}
		ScheduledFuture<?> heartbeat = this.heartbeats.start(lease);
		try {
			RunOutcome outcome = this.engine.run(job, lease);
			if (outcome == RunOutcome.COMPLETED) {
				PurgeJob ended = this.jobs.find(job.id()).orElse(job);
				this.metrics.jobEnded(job.rootType(), "completed",
						(ended.startedAt() != null && ended.completedAt() != null)
								? Duration.between(ended.startedAt(), ended.completedAt()) : null);
			}
			else if (outcome == RunOutcome.CANCELLED) {
				this.metrics.jobEnded(job.rootType(), "cancelled", null);
			}
		}
		catch (LeaseLostException ex) {
			logger.warn("Purge job {} for {} {} stopped: {}", job.id(), job.rootType(), job.rootId(), ex.getMessage());
		}
		catch (PermanentPurgeFailure ex) {
			logger.error("Purge job {} for {} {} failed for good: {}", job.id(), job.rootType(), job.rootId(),
					ex.getMessage());
			settle(job, () -> this.running.fail(lease, describe(ex), true));
			this.metrics.jobEnded(job.rootType(), "failed", null);
		}
		catch (RuntimeException ex) {
			int attempts = job.attempts() + 1;
			if (this.properties.jobRetry().exhausted(attempts)) {
				logger.error("Purge job {} for {} {} failed after {} attempts", job.id(), job.rootType(), job.rootId(),
						attempts, ex);
				settle(job, () -> this.running.fail(lease, describe(ex), true));
				this.metrics.jobEnded(job.rootType(), "failed", null);
			}
			else {
				Duration wait = this.properties.jobRetry().ceiling(attempts);
				logger.warn("Purge job {} for {} {}: attempt {} failed, retrying in {}: {}", job.id(), job.rootType(),
						job.rootId(), attempts, wait, describe(ex));
				settle(job, () -> this.running.retryLater(lease, describe(ex), wait));
				this.metrics.attemptRetried();
			}
		}
		finally {
			heartbeat.cancel(false);
		}
	}

	private void settle(PurgeJob job, Runnable update) {
		try {
			update.run();
		}
		catch (LeaseLostException ex) {
			logger.warn("Purge job {} was taken over before its failure could be recorded", job.id());
		}
	}

	private void publishOutcomes() {
		try {
			this.outcomes.publishPending();
		}
		catch (RuntimeException ex) {
			// Owed outcomes stay marked unpublished; the next run publishes them.
			logger.warn("Publishing purge outcomes failed: {}", ex.getMessage());
		}
	}

	static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName()).append(": ").append(ex.getMessage());
		Throwable cause = ex.getCause();
		while (cause != null && cause != cause.getCause()) {
			if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
				text.append(" (caused by ")
					.append(cause.getClass().getSimpleName())
					.append(": ")
					.append(cause.getMessage())
					.append(')');
			}
			cause = cause.getCause();
		}
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
	}

}
