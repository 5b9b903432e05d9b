package io.lethe.example.cache;

import io.lethe.consumer.Deletion;
import io.lethe.consumer.DeletionHandler;
import io.lethe.consumer.Erasure;
import io.lethe.consumer.Root;

import org.springframework.stereotype.Component;

/**
 * All the deletion code a downstream team writes with {@code lethe-consumer}: the library
 * reads {@code lethe.deletions}, calls these, and acknowledges the erasure to Lethe.
 */
@Component
class CacheDeletions implements DeletionHandler {

	private final CachedDatasets datasets;

	CacheDeletions(CachedDatasets datasets) {
		this.datasets = datasets;
	}

	@Override
	public Erasure erase(Deletion deletion) {
		long rows = this.datasets.erase(deletion.root().id());
		return (rows > 0) ? Erasure.deleted(rows) : Erasure.nothingHeld();
	}

	@Override
	public void hide(Root root) {
		this.datasets.hide(root.id());
	}

	@Override
	public void show(Root root) {
		this.datasets.evict(root.id());
	}

}
