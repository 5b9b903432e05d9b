package io.lethe.purge.engine;

import java.util.List;
import java.util.UUID;

import io.lethe.purge.engine.store.JobPrefixes;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.engine.store.VectorVacuum;
import io.lethe.purge.job.Counter;
import io.lethe.purge.job.PurgeJob;
import io.lethe.stores.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the vectors of the items the job's fence fixed (a batch of samples, the items a
 * cascading asset delete took along), a page of items at a time from every collection;
 * each page commits with the job's count and the last item done ({@code item:id}), where
 * a resumed run goes on. Public for the asset and samples plans, in their own packages.
 */
@Component
public class JobItemVectors implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(JobItemVectors.class);

	private static final String CHECKPOINT = "item:";

	private final VectorIndex index;

	private final JobPrefixes prefixes;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final VectorVacuum vacuum;

	JobItemVectors(VectorIndex index, JobPrefixes prefixes, TransactionTemplate transactions,
			EngineProperties properties, StoreRetry retry, VectorVacuum vacuum) {
		this.index = index;
		this.prefixes = prefixes;
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
		PurgeJob job = run.job();
		if (job.vectorsTotal() == null) {
			long left = this.retry.call("count vectors", () -> left(job));
			run.total(Counter.VECTORS, job.vectorsDeleted() + left);
		}
		String checkpoint = run.checkpoint();
		UUID after = (checkpoint != null && checkpoint.startsWith(CHECKPOINT))
				? UUID.fromString(checkpoint.substring(CHECKPOINT.length())) : JobPrefixes.BEFORE_ALL;
		long deleted = 0;
		List<UUID> items;
		while (!(items = this.prefixes.itemIds(job.id(), after, pageSize())).isEmpty()) {
			run.lease().ensureHeld();
			List<UUID> page = items;
			String done = CHECKPOINT + page.get(page.size() - 1);
			deleted += this.retry.call("delete vectors of " + page.size() + " items",
					() -> this.transactions.execute((status) -> {
						int n = this.index.deleteItems(page);
						run.progress(Counter.VECTORS, n, done);
						return n;
					}));
			after = page.get(page.size() - 1);
		}
		logger.info("Purge job {} for {} {}: {} vectors of its items deleted", job.id(), job.rootType(), job.rootId(),
				deleted);
		this.vacuum.afterPurge(job.vectorsDeleted() + deleted, this.index.collections());
		return StepResult.NEXT;
	}

	/** Vectors of the job's items left in every collection. */
	long left(PurgeJob job) {
		long left = 0;
		UUID after = JobPrefixes.BEFORE_ALL;
		List<UUID> items;
		while (!(items = this.prefixes.itemIds(job.id(), after, pageSize())).isEmpty()) {
			left += this.index.countItems(items);
			after = items.get(items.size() - 1);
		}
		return left;
	}

	/** Items are keys like rows: as many per page as a rows chunk. */
	private int pageSize() {
		return this.properties.rowChunk();
	}

}
