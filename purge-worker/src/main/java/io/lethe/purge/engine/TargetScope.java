package io.lethe.purge.engine;

import java.util.List;

import io.lethe.purge.engine.store.CatalogChunks;
import io.lethe.purge.job.PurgeJob;

import org.springframework.stereotype.Component;

/**
 * What the purge of an asset or of a batch of samples covers: the items and assets its
 * fence fixed prefixes for (the assets with their entity links, uploads and parts), the
 * intents of writes under those prefixes, and the items' vectors. Nothing else of their
 * datasets is touched. Public for the asset and samples plans, in their own packages.
 */
@Component
public class TargetScope implements PurgeScope {

	private final List<RowPhase> phases;

	private final JobItemVectors vectors;

	TargetScope(CatalogChunks chunks, JobItemVectors vectors) {
		this.phases = List.of(new RowPhase("items", chunks::jobItems, chunks::jobItemsLeft, true),
				new RowPhase("assets", chunks::jobAssets, chunks::jobAssetsLeft, true), chunks.intentsPhase());
		this.vectors = vectors;
	}

	@Override
	public List<RowPhase> rowPhases() {
		return this.phases;
	}

	@Override
	public long vectorsLeft(PurgeJob job) {
		return this.vectors.left(job);
	}

}
