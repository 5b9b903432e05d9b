package io.lethe.purge.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.lethe.purge.job.Counter;
import io.lethe.stores.vector.PgVectorIndex;
import io.lethe.stores.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the dataset's vectors from every collection in chunks; each chunk commits with
 * the job's count, so progress shows while it runs and a restart loses nothing.
 * <p>
 * Space: deleted rows are dead tuples that autovacuum reclaims in its own time. A purge
 * that deleted more than {@code vacuum-after-vectors} vectors runs
 * {@code VACUUM (ANALYZE)} on the collections it touched at once (outside any
 * transaction), so the space and the planner's statistics follow the purge. The HNSW
 * indexes are not rebuilt here: a REINDEX is left to the reconciler.
 */
@Component
class DatasetVectors implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetVectors.class);

	private final VectorIndex index;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	DatasetVectors(VectorIndex index, TransactionTemplate transactions, EngineProperties properties, StoreRetry retry) {
		this.index = index;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
	}

	@Override
	public String name() {
		return "vectors";
	}

	@Override
	public StepResult run(PurgeRun run) {
		UUID dataset = run.rootId();
		if (run.job().vectorsTotal() == null) {
			long left = this.retry.call("count vectors", () -> this.index.countDataset(dataset));
			run.total(Counter.VECTORS, run.job().vectorsDeleted() + left);
		}
		Set<String> touched = new LinkedHashSet<>();
		long deleted = 0;
		for (String collection : this.index.collections()) {
			while (true) {
				run.lease().ensureHeld();
				int chunk = this.retry.call("delete vectors of " + collection,
						() -> this.transactions.execute((status) -> {
							int n = this.index.deleteDatasetChunk(collection, dataset, this.properties.vectorChunk());
							if (n > 0) {
								run.progress(Counter.VECTORS, n, "collection:" + collection);
							}
							return n;
						}));
				if (chunk == 0) {
					break;
				}
				touched.add(collection);
				deleted += chunk;
			}
		}
		logger.info("Purge job {} for dataset {}: {} vectors deleted in {} collections", run.job().id(), dataset,
				deleted, touched.size());
		if (run.job().vectorsDeleted() + deleted > this.properties.vacuumAfterVectors()) {
			vacuum(touched);
		}
		return StepResult.NEXT;
	}

	private void vacuum(Set<String> collections) {
		if (!(this.index instanceof PgVectorIndex pgvector)) {
			return;
		}
		for (String collection : collections) {
			try {
				pgvector.vacuum(collection);
			}
			catch (RuntimeException ex) {
				// Space comes back with autovacuum anyway; a failed VACUUM must not fail
				// a purge.
				logger.warn("VACUUM of {} after a purge failed: {}", collection, ex.getMessage());
			}
		}
	}

}
