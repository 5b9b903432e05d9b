package io.lethe.purge.reconcile;

import io.lethe.purge.reconcile.ReconcileReport.VectorSpaceOutcome;
import io.lethe.stores.vector.CollectionSpace;
import io.lethe.stores.vector.VectorMaintenance;
import io.lethe.stores.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the vector collections' disk space back after purges, on a policy, and reports
 * each collection's size before and after.
 * <ul>
 * <li>VACUUM (ANALYZE) when the run deleted vectors from the collection, or when dead
 * tuples make up {@code vacuum-dead-fraction} of it. It frees dead rows for reuse but
 * shrinks nothing, and an HNSW index keeps the entries of deleted rows.</li>
 * <li>REINDEX CONCURRENTLY (reads and writes go on) when the rows retired since the last
 * rebuild make up {@code reindex-dead-fraction} of the collection: that gives the index
 * space back. The retired count is cumulative ({@code n_tup_del} and non-HOT updates), so
 * purges count even when they vacuumed; its value at each rebuild is kept in
 * {@code purge.vector_space}.</li>
 * </ul>
 * A dry run only says what it would do. A failed VACUUM or REINDEX (a lock not granted in
 * time, say) is reported and left to the next run; it never fails the run.
 */
@Component
class VectorSpace {

	private static final Logger logger = LoggerFactory.getLogger(VectorSpace.class);

	private final VectorIndex index;

	private final JdbcClient jdbc;

	private final ReconcileProperties.VectorSpacePolicy policy;

	VectorSpace(VectorIndex index, JdbcClient jdbc, ReconcileProperties properties) {
		this.index = index;
		this.jdbc = jdbc;
		this.policy = properties.vectorSpace();
	}

	void reclaim(ReconcileRun run) {
		VectorMaintenance pgvector = this.index.maintenance().orElse(null);
		if (pgvector == null) {
			return;
		}
		for (String collection : this.index.collections()) {
			run.report().vectorSpace(reclaim(run, pgvector, collection));
			run.checkpoint();
		}
	}

	private VectorSpaceOutcome reclaim(ReconcileRun run, VectorMaintenance pgvector, String collection) {
		CollectionSpace before = pgvector.space(collection);
		long deletedNow = run.vectorsRemoved(collection);
		double dead = fraction(before.deadTuples(), before.liveTuples() + before.deadTuples());
		boolean vacuum = deletedNow > 0 || (before.deadTuples() > 0 && dead >= this.policy.vacuumDeadFraction());
		String error = null;
		CollectionSpace settled = before;
		if (vacuum && !run.dryRun()) {
			try {
				pgvector.vacuum(collection);
				settled = pgvector.space(collection);
			}
			catch (RuntimeException ex) {
				error = "vacuum: " + ex.getMessage();
				logger.warn("VACUUM of vector collection {} failed: {}", collection, ex.getMessage());
			}
		}
		long baseline = baseline(collection);
		// Statistics trail the latest deletes by a few seconds; what this run deleted
		// itself counts at once.
		long retired = Math.max(
				(settled.retiredTuples() >= baseline) ? settled.retiredTuples() - baseline : settled.retiredTuples(),
				deletedNow);
		double retiredFraction = fraction(retired, settled.liveTuples() + retired);
		boolean reindex = retired > 0 && retiredFraction >= this.policy.reindexDeadFraction();
		if (reindex && !run.dryRun() && error == null) {
			try {
				pgvector.reindex(collection, this.policy.lockTimeoutSeconds());
				rebuilt(collection, Math.max(pgvector.space(collection).retiredTuples(), baseline + retired));
			}
			catch (RuntimeException ex) {
				error = "reindex: " + ex.getMessage();
				logger.warn("REINDEX of vector collection {} failed: {}", collection, ex.getMessage());
			}
		}
		CollectionSpace after = run.dryRun() ? before : pgvector.space(collection);
		if (!run.dryRun() && (vacuum || reindex)) {
			logger.info("Vector collection {}: {} bytes before, {} after (vacuum {}, reindex {})", collection,
					before.totalBytes(), after.totalBytes(), vacuum, reindex);
		}
		return new VectorSpaceOutcome(collection, before.tableBytes(), before.indexBytes(), after.tableBytes(),
				after.indexBytes(), dead, retiredFraction, vacuum, reindex, !run.dryRun() && error == null, error);
	}

	private long baseline(String collection) {
		return this.jdbc.sql("select retired_at_reindex from purge.vector_space where collection = ?")
			.param(collection)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private void rebuilt(String collection, long retired) {
		this.jdbc.sql("""
				insert into purge.vector_space (collection, retired_at_reindex, reindexed_at) values (?, ?, now())
				on conflict (collection) do update
				  set retired_at_reindex = excluded.retired_at_reindex, reindexed_at = excluded.reindexed_at
				""").params(collection, retired).update();
	}

	private static double fraction(long part, long whole) {
		return (whole <= 0) ? 0 : (double) part / whole;
	}

}
