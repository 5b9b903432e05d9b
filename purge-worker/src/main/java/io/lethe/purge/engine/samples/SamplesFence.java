package io.lethe.purge.engine.samples;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fence of a samples purge: checks the batch's dataset against the org, then fixes
 * the prefixes the purge empties from what the event named, as far as the catalog agrees:
 * an item only when it is deleted and of that dataset, a source only when it is deleted
 * (the command service deleted only the sources no other live item uses, unless forced).
 * What the catalog does not agree to is kept and logged; a batch of which nothing may go
 * fails, for an operator to look at. While the dataset is under legal hold the batch
 * waits.
 */
@Component
class SamplesFence extends FenceStep {

	private static final Logger logger = LoggerFactory.getLogger(SamplesFence.class);

	private final DatasetPurgeStatements catalog;

	private final JobPrefixes prefixes;

	private final EngineProperties properties;

	SamplesFence(DatasetPurgeStatements catalog, JobPrefixes prefixes, TransactionTemplate transactions,
			EngineProperties properties) {
		super(transactions);
		this.catalog = catalog;
		this.prefixes = prefixes;
		this.properties = properties;
	}

	@Override
	protected StepResult fence(PurgeRun run) {
		PurgeJob job = run.job();
		UUID dataset = this.prefixes.target(job.id(), "dataset")
			.orElseThrow(() -> new PermanentPurgeFailure("Samples batch " + job.rootId() + " names no dataset"));
		DatasetRow row = this.catalog.lock(dataset)
			.orElseThrow(() -> new PermanentPurgeFailure(
					"Dataset " + dataset + " of samples batch " + job.rootId() + " does not exist in the catalog"));
		if (!row.orgId().equals(job.orgId())) {
			throw new PermanentPurgeFailure("Dataset " + dataset + " belongs to org " + row.orgId() + ", not to org "
					+ job.orgId() + " named by the request");
		}
		if (row.held()) {
			// a hold keeps the whole dataset as it is, its deleted samples included
			return new StepResult.Defer(Instant.now().plus(this.properties.holdRecheck()),
					"legal hold on dataset " + dataset + ": " + row.legalHold());
		}
		int added = this.prefixes.snapshotSamples(job.id(), job.orgId(), dataset, this.properties.rowChunk());
		if (this.prefixes.page(job.id(), -1, 1).isEmpty()) {
			throw new PermanentPurgeFailure("Nothing of samples batch " + job.rootId()
					+ " may be purged: every item it names is live or not of dataset " + dataset);
		}
		long kept = this.prefixes.unfixedTargets(job.id());
		if (kept > 0) {
			logger.warn("Purge job {} for samples batch {}: {} items or sources it names are live or not the org's "
					+ "and are kept", job.id(), job.rootId(), kept);
		}
		run.markStarted();
		logger.info("Purge job {} for samples batch {} of dataset {}: fenced; {} prefixes added", job.id(),
				job.rootId(), dataset, added);
		return StepResult.NEXT;
	}

}
