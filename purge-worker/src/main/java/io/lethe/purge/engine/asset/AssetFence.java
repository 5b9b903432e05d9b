package io.lethe.purge.engine.asset;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.lethe.catalog.contract.AssetPurgeStatements;
import io.lethe.catalog.contract.AssetPurgeStatements.AssetRow;
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
 * The fence of an asset purge: with the asset row locked, checks that the asset is the
 * org's and deleted (a live asset is never purged, whatever an event says), then fixes
 * the prefixes the purge empties: the asset's own and, when its deletion cascaded, those
 * of the deleted items that referenced it. An asset whose row is already gone (a
 * dataset's purge took it along) still has its prefix emptied and verified. While a
 * dataset under legal hold has a live item that still uses the asset (not flagged
 * {@code source_deleted}: the command service never deletes such an asset), or, for a
 * cascade, a deleted item that referenced it (a hold keeps a dataset's deleted content
 * too, as the samples fence does), the job waits for the release, as a held dataset's
 * does. A hold placed after the asset's deletion does not bring its binary back into the
 * dataset: items flagged {@code source_deleted} no longer use it.
 * <p>
 * An asset deletion is final when the command returns, so there is nothing to restore and
 * no grace to wait for: the command service has already unlinked its entities and flagged
 * (or, with a cascade, deleted) its referencing items.
 */
@Component
class AssetFence extends FenceStep {

	private static final Logger logger = LoggerFactory.getLogger(AssetFence.class);

	private final AssetPurgeStatements catalog;

	private final JobPrefixes prefixes;

	private final EngineProperties properties;

	AssetFence(AssetPurgeStatements catalog, JobPrefixes prefixes, TransactionTemplate transactions,
			EngineProperties properties) {
		super(transactions);
		this.catalog = catalog;
		this.prefixes = prefixes;
		this.properties = properties;
	}

	@Override
	protected StepResult fence(PurgeRun run) {
		PurgeJob job = run.job();
		UUID asset = job.rootId();
		Optional<AssetRow> row = this.catalog.lock(asset);
		if (row.isPresent() && !row.get().orgId().equals(job.orgId())) {
			throw new PermanentPurgeFailure("Asset " + asset + " belongs to org " + row.get().orgId() + ", not to org "
					+ job.orgId() + " named by the request");
		}
		if (row.isPresent() && !"deleted".equals(row.get().status())) {
			throw new PermanentPurgeFailure(
					"Asset " + asset + " is " + row.get().status() + ", not deleted: a live asset is never purged");
		}
		Optional<String> hold = heldBy(asset, this.prefixes.target(job.id(), "referencing_items").isPresent());
		if (hold.isPresent()) {
			return new StepResult.Defer(Instant.now().plus(this.properties.holdRecheck()),
					"legal hold on " + hold.get() + ", which owns or uses asset " + asset);
		}
		int added = this.prefixes.snapshotAsset(job.id(), job.orgId(), asset, this.properties.rowChunk());
		run.markStarted();
		logger.info("Purge job {} for asset {}: fenced{}; {} prefixes added", job.id(), asset,
				row.isPresent() ? "" : " (its row is already gone)", added);
		return StepResult.NEXT;
	}

	/**
	 * A dataset under legal hold whose live item still uses the asset or, for a cascade,
	 * whose deleted item referenced it, locked (as the command service's asset delete
	 * locks them) until the fence commits, so a hold placed meanwhile waits for it:
	 * "dataset {id} ({reason})".
	 */
	private Optional<String> heldBy(UUID asset, boolean cascade) {
		return this.catalog.holdOn(asset, cascade)
			.map((hold) -> "dataset " + hold.dataset() + " (" + hold.reason() + ")");
	}

}
