package io.lethe.purge.engine.dataset;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.lethe.purge.engine.EngineProperties;
import io.lethe.purge.engine.PurgeRun;
import io.lethe.purge.engine.PurgeStep;
import io.lethe.purge.engine.StepResult;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.engine.store.VectorVacuum;
import io.lethe.purge.job.Counter;
import io.lethe.stores.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the dataset's vectors from every collection in chunks; each chunk commits with
 * the job's count, so progress shows while it runs and a restart loses nothing. It keeps
 * no checkpoint (a resumed run deletes what is left of the dataset's), so it runs beside
 * the objects step. A large purge vacuums what it emptied ({@link VectorVacuum}).
 */
@Component
class DatasetVectors implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(DatasetVectors.class);

	private final VectorIndex index;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final VectorVacuum vacuum;

	DatasetVectors(VectorIndex index, TransactionTemplate transactions, EngineProperties properties, StoreRetry retry,
			VectorVacuum vacuum) {
		this.index = index;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
		this.vacuum = vacuum;
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
								run.progress(Counter.VECTORS, n, null);
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
		this.vacuum.afterPurge(run.job().vectorsDeleted() + deleted, touched);
		return StepResult.NEXT;
	}

}
