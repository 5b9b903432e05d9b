package io.lethe.purge.engine.dataset;

import java.time.Instant;
import java.util.UUID;

import io.lethe.catalog.contract.DatasetPurgeStatements;
import io.lethe.catalog.contract.DatasetPurgeStatements.DatasetRow;
import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.FenceStep;
import io.lethe.purge.engine.PermanentPurgeFailure;
import io.lethe.purge.engine.PurgeRun;
import io.lethe.purge.engine.StepResult;
import io.lethe.purge.engine.store.JobPrefixes;
import io.lethe.purge.job.PurgeJob;
import io.lethe.purge.receipt.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fence: in one transaction with the dataset row locked, moves a due
 * {@code pending_deletion} dataset to {@code purging} (the command service then refuses
 * its writes and its restore), keeps the owned assets another dataset still uses, and
 * fixes the prefixes the purge will empty. A restored dataset cancels the job; one
 * already {@code purging} resumes; one already {@code purged} only finishes the job. A
 * dataset under legal hold is never fenced: its job waits until the hold is released. Nor
 * is one whose grace period the catalog says is not over, whatever asked for the purge.
 */
@Component
class DatasetFence extends FenceStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetFence.class);

	private final DatasetPurgeStatements catalog;

	private final JobPrefixes prefixes;

	private final Receipts receipts;

	private final EngineProperties properties;

	DatasetFence(DatasetPurgeStatements catalog, JobPrefixes prefixes, Receipts receipts,
			TransactionTemplate transactions, EngineProperties properties) {
		super(transactions);
		this.catalog = catalog;
		this.prefixes = prefixes;
		this.receipts = receipts;
		this.properties = properties;
	}

	@Override
	protected StepResult fence(PurgeRun run) {
		PurgeJob job = run.job();
		UUID dataset = job.rootId();
		DatasetRow row = this.catalog.lock(dataset)
			.orElseThrow(() -> new PermanentPurgeFailure("Dataset " + dataset + " does not exist in the catalog"));
		if (!row.orgId().equals(job.orgId())) {
			throw new PermanentPurgeFailure("Dataset " + dataset + " belongs to org " + row.orgId() + ", not to org "
					+ job.orgId() + " named by the request");
		}
		switch (row.status()) {
			case "active":
				return new StepResult.Cancel("dataset " + dataset + " is active again (restored)");
			case "pending_deletion":
				if (row.held()) {
					// A legal hold outranks every request, an operator's purge-now
					// included. Its
					// release asks for the purge again; the re-check is only a safety
					// net.
					return new StepResult.Defer(Instant.now().plus(this.properties.holdRecheck()),
							"legal hold on dataset " + dataset + ": " + row.legalHold());
				}
				// The catalog's expires_at is the only truth about the grace period:
				// purge-now sets it, so no request (whoever can write to the topic)
				// purges a restorable dataset early.
				if (!row.due()) {
					return new StepResult.Defer(row.expiresAt(),
							"grace period of dataset " + dataset + " ends at " + row.expiresAt());
				}
				this.catalog.markPurging(dataset);
				return fenced(run, row, "fenced");
			case "purging":
				return fenced(run, row, "already purging, resumed");
			case "purged":
				if (this.receipts.findByJob(job.id()).isPresent()) {
					return new StepResult.JumpTo("tombstone");
				}
				fenced(run, row, "already purged, verifying");
				return new StepResult.JumpTo("verify");
			default:
				throw new PermanentPurgeFailure("Dataset " + dataset + " has unknown status " + row.status());
		}
	}

	private StepResult fenced(PurgeRun run, DatasetRow row, String how) {
		UUID dataset = run.rootId();
		int kept = this.catalog.releaseSharedAssets(dataset);
		int added = this.prefixes.snapshotDataset(run.job().id(), row.orgId(), dataset);
		run.markStarted();
		logger.info("Purge job {} for dataset {}: {}; {} prefixes added, {} shared assets kept", run.job().id(),
				dataset, how, added, kept);
		return StepResult.NEXT;
	}

}
