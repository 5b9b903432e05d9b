package io.lethe.purge.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.lethe.purge.reconcile.ReconcileRun.RunTakenOver;
import io.lethe.purge.reconcile.ReconcileRuns.Claimed;
import io.lethe.purge.runner.PurgeRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs requested reconciliations, one at a time across all workers: objects (every
 * version under the run's prefix), multipart uploads, leftover intents, vectors, then the
 * vector collections' space. Everything a run may touch is older than its safety cutoff,
 * fixed when it starts. The report is kept as the run goes; a real run's end is audited.
 */
@Service
class ReconcileRunner {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileRunner.class);

	private static final int MAX_ERROR_LENGTH = 2000;

	private final ReconcileRuns runs;

	private final ObjectScan objects;

	private final UploadScan uploads;

	private final IntentScan intents;

	private final VectorScan vectors;

	private final VectorSpace space;

	private final ReconcileMetrics metrics;

	private final ReconcileAudit audit;

	private final TransactionTemplate transactions;

	private final ReconcileProperties properties;

	private final Clock clock;

	private final String worker;

	ReconcileRunner(ReconcileRuns runs, ObjectScan objects, UploadScan uploads, IntentScan intents, VectorScan vectors,
			VectorSpace space, ReconcileMetrics metrics, ReconcileAudit audit, TransactionTemplate transactions,
			ReconcileProperties properties, Clock clock, PurgeRunner purgeRunner) {
		this.runs = runs;
		this.objects = objects;
		this.uploads = uploads;
		this.intents = intents;
		this.vectors = vectors;
		this.space = space;
		this.metrics = metrics;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.worker = purgeRunner.workerId();
	}

	/**
	 * Runs the requested runs, oldest first, until none is left or another worker has one
	 * under way.
	 * @return how many ran
	 */
	int runRequested() {
		int ran = 0;
		Optional<Claimed> claimed;
		while ((claimed = this.runs.claim(this.worker, this.properties.lease())).isPresent()) {
			run(claimed.get());
			ran++;
		}
		return ran;
	}

	/** The schedule's run: one per cron slot, however many workers share the schedule. */
	void requestScheduled() {
		Instant slot = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		if (this.runs.requestScheduled(slot, this.properties.schedule().dryRun())) {
			logger.info("Scheduled reconcile run requested for {}", slot);
		}
	}

	private void run(Claimed claimed) {
		Instant now = this.clock.instant();
		Duration age = this.properties.safetyAgeFor(claimed.safetyAge());
		Duration uploadAge = (this.properties.uploadMaxAge().compareTo(age) < 0) ? age : this.properties.uploadMaxAge();
		Instant cutoff = now.minus(age);
		Instant uploadCutoff = now.minus(uploadAge);
		String prefix = ReconcileRun.prefixOf(claimed.orgId());
		ReconcileReport report = new ReconcileReport(
				new ReconcileReport.Header(claimed.id().toString(), claimed.dryRun(),
						(claimed.orgId() != null) ? claimed.orgId().toString() : null, prefix, age.toString(),
						cutoff.toString(), uploadAge.toString(), uploadCutoff.toString()),
				this.properties.samplesPerKind());
		ReconcileRun run = new ReconcileRun(claimed.id(), claimed.dryRun(), claimed.orgId(), cutoff, uploadCutoff,
				report, new Heartbeat());
		logger.info("Reconcile run {} starts ({}, under {}, nothing younger than {})", claimed.id(),
				claimed.dryRun() ? "dry run" : "real run", run.prefix(), run.cutoff());
		try {
			this.objects.scan(run);
			this.uploads.scan(run);
			this.intents.scan(run);
			this.vectors.scan(run);
			this.space.reclaim(run);
			end(claimed, report, null);
		}
		catch (RunTakenOver ex) {
			logger.warn("Reconcile run {} stopped: {}", claimed.id(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Reconcile run {} failed", claimed.id(), ex);
			end(claimed, report, describe(ex));
		}
	}

	private void end(Claimed claimed, ReconcileReport report, String error) {
		boolean ended = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.runs.end(claimed.id(), this.worker, (error == null) ? "completed" : "failed", error,
					report.toJson())) {
				return false;
			}
			if (!claimed.dryRun()) {
				this.audit.ended(claimed, report, error);
			}
			return true;
		}));
		if (!ended) {
			logger.warn("Reconcile run {} was taken over before it ended", claimed.id());
			return;
		}
		this.metrics.ended(report, claimed.dryRun(), error == null);
		logger.info("Reconcile run {} {}: {}", claimed.id(), (error == null) ? "completed" : "failed",
				report.summary());
	}

	private static String describe(Throwable ex) {
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

	/**
	 * Between chunks: stores the report so far and renews the claim, at most every tenth
	 * of the lease; stops the run once the claim is lost or the worker shuts down.
	 */
	private final class Heartbeat implements ReconcileRun.Checkpoint {

		private Instant last = Instant.MIN;

		@Override
		public void reached(ReconcileRun run) {
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("Interrupted: the worker is shutting down");
			}
			Instant now = ReconcileRunner.this.clock.instant();
			if (this.last.plus(ReconcileRunner.this.properties.lease().dividedBy(10)).isAfter(now)) {
				return;
			}
			this.last = now;
			if (!ReconcileRunner.this.runs.heartbeat(run.id(), ReconcileRunner.this.worker, run.report().toJson())) {
				throw new RunTakenOver(run.id());
			}
		}

	}

}
