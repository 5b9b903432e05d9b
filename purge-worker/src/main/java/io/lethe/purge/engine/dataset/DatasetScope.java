package io.lethe.purge.engine.dataset;

import java.util.List;

import io.lethe.purge.engine.PurgeScope;
import io.lethe.purge.engine.store.CatalogChunks;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.stereotype.Component;

/**
 * What a dataset's purge covers: every item and share link of the dataset, the assets it
 * owns with their entity links, uploads and parts (and any it came to own after its
 * fence), the intents of writes under its prefixes, and every vector of the dataset. The
 * dataset row stays: it becomes the tombstone.
 */
@Component
class DatasetScope implements PurgeScope {

	private final List<RowPhase> phases;

	private final VectorIndex index;

	DatasetScope(CatalogChunks chunks, VectorIndex index) {
		this.phases = List.of(new RowPhase("items", chunks::datasetItems, chunks::datasetItemsLeft, true),
				new RowPhase("share_links", chunks::shareLinks, chunks::shareLinksLeft, true),
				new RowPhase("assets", chunks::jobAssets, chunks::datasetAssetsLeft, true), chunks.intentsPhase());
		this.index = index;
	}

	@Override
	public List<RowPhase> rowPhases() {
		return this.phases;
	}

	@Override
	public long vectorsLeft(PurgeJob job) {
		return this.index.countDataset(job.rootId());
	}

}
