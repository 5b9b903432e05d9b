package io.lethe.purge.reconcile;

import java.util.List;
import java.util.UUID;

import io.lethe.catalog.contract.ReconcilerStatements;
import io.lethe.catalog.contract.ReconcilerStatements.OrphanVector;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.stores.vector.VectorIndex;
import io.lethe.stores.vector.VectorMaintenance;

import org.springframework.stereotype.Component;

/**
 * Finds vectors whose item row is gone, collection by collection in key order, a chunk at
 * a time, and deletes them in a real run. The delete asks the catalog again, in the same
 * statement, so an item that appeared since the chunk was read keeps its vectors. Vectors
 * written after the safety cutoff are left alone, and so are the vectors of a dataset
 * under legal hold, whatever became of their items. Works on the pgvector index only.
 */
@Component
class VectorScan {

	private final VectorIndex index;

	private final ReconcilerStatements catalog;

	private final StoreRetry retry;

	private final ReconcileProperties properties;

	VectorScan(VectorIndex index, ReconcilerStatements catalog, StoreRetry retry, ReconcileProperties properties) {
		this.index = index;
		this.catalog = catalog;
		this.retry = retry;
		this.properties = properties;
	}

	void scan(ReconcileRun run) {
		VectorMaintenance pgvector = this.index.maintenance().orElse(null);
		if (pgvector == null) {
			return;
		}
		for (String collection : this.index.collections()) {
			scan(run, collection, pgvector.table(collection));
		}
	}

	private void scan(ReconcileRun run, String collection, String table) {
		OrphanVector after = new OrphanVector(new UUID(0, 0), "", 0);
		List<OrphanVector> chunk;
		while (!(chunk = page(run, table, after)).isEmpty()) {
			for (OrphanVector orphan : chunk) {
				run.report()
					.found(Kind.ORPHAN_VECTOR, orphan.bytes(),
							collection + ":" + orphan.item() + ":" + orphan.embedding());
			}
			if (!run.dryRun()) {
				List<OrphanVector> doomed = chunk;
				List<Long> deleted = this.retry.call("delete orphan vectors of " + collection,
						() -> this.catalog.deleteOrphanVectors(table, doomed));
				run.report()
					.removed(Kind.ORPHAN_VECTOR, deleted.size(), deleted.stream().mapToLong(Long::longValue).sum());
				run.vectorsRemoved(collection, deleted.size());
			}
			after = chunk.get(chunk.size() - 1);
			run.checkpoint();
		}
	}

	private List<OrphanVector> page(ReconcileRun run, String table, OrphanVector after) {
		return this.retry.call("find orphan vectors in " + table,
				() -> this.catalog.orphanVectors(table, after, run.cutoff(), run.org(), this.properties.vectorChunk()));
	}

}
