package io.lethe.purge.reconcile;

import java.util.List;
import java.util.UUID;

import io.lethe.purge.engine.StoreRetry;
import io.lethe.stores.vector.VectorMaintenance;
import io.lethe.stores.vector.VectorIndex;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final String NO_ITEM = "not exists (select 1 from catalog.items i where i.id = v.item_id) "
			+ "and not exists (select 1 from catalog.datasets d where d.id = v.dataset_id and d.legal_hold_at is not null)";

	private final VectorIndex index;

	private final JdbcClient jdbc;

	private final StoreRetry retry;

	private final ReconcileProperties properties;

	VectorScan(VectorIndex index, JdbcClient jdbc, StoreRetry retry, ReconcileProperties properties) {
		this.index = index;
		this.jdbc = jdbc;
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
		Orphan after = new Orphan(new UUID(0, 0), "", 0);
		List<Orphan> chunk;
		while (!(chunk = page(run, table, after)).isEmpty()) {
			for (Orphan orphan : chunk) {
				run.report()
					.found(Kind.ORPHAN_VECTOR, orphan.bytes(),
							collection + ":" + orphan.item() + ":" + orphan.embedding());
			}
			if (!run.dryRun()) {
				List<Orphan> doomed = chunk;
				List<Long> deleted = this.retry.call("delete orphan vectors of " + collection,
						() -> this.jdbc
							.sql("delete from " + table + " v where (v.item_id, v.embedding_name) in "
									+ "(select * from unnest(cast(? as uuid[]), cast(? as text[]))) and " + NO_ITEM
									+ " returning pg_column_size(v.embedding)")
							.params(doomed.stream().map(Orphan::item).toArray(UUID[]::new),
									doomed.stream().map(Orphan::embedding).toArray(String[]::new))
							.query(Long.class)
							.list());
				run.report()
					.removed(Kind.ORPHAN_VECTOR, deleted.size(), deleted.stream().mapToLong(Long::longValue).sum());
				run.vectorsRemoved(collection, deleted.size());
			}
			after = chunk.get(chunk.size() - 1);
			run.checkpoint();
		}
	}

	private List<Orphan> page(ReconcileRun run, String table, Orphan after) {
		return this.retry.call("find orphan vectors in " + table,
				() -> this.jdbc
					.sql("select v.item_id, v.embedding_name, pg_column_size(v.embedding) as bytes from " + table
							+ " v " + "where (v.item_id, v.embedding_name) > (?, ?) and v.created_at < ? "
							+ "and (cast(? as uuid) is null or v.org_id = ?) and " + NO_ITEM
							+ " order by v.item_id, v.embedding_name limit ?")
					.params(after.item(), after.embedding(), Timestamps.of(run.cutoff()), run.org(), run.org(),
							this.properties.vectorChunk())
					.query((rs, row) -> new Orphan(rs.getObject("item_id", UUID.class), rs.getString("embedding_name"),
							rs.getLong("bytes")))
					.list());
	}

	/** A vector without an item, by its key, with the bytes its embedding takes. */
	private record Orphan(UUID item, String embedding, long bytes) {
	}

}
