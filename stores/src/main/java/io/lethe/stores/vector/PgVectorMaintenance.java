package io.lethe.stores.vector;

import java.sql.Statement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link VectorMaintenance} of {@link PgVectorIndex}'s tables: VACUUM reclaims the space
 * of dead rows for reuse and refreshes the planner's statistics (it runs outside any
 * transaction, as VACUUM must); a rebuild gives back what only a rebuild can.
 */
final class PgVectorMaintenance implements VectorMaintenance {

	private final JdbcTemplate jdbc;

	PgVectorMaintenance(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void vacuum(String collection) {
		this.jdbc.execute("vacuum (analyze) " + PgVectorIndex.qualified(collection));
	}

	/**
	 * Rebuilds the collection's HNSW index without blocking reads or writes: it keeps the
	 * entries of deleted rows (VACUUM only marks them), so only a rebuild gives their
	 * space back. The B-tree indexes are left alone: VACUUM keeps them compact, and the
	 * primary key is the arbiter of every upsert, which must not meet it half rebuilt.
	 * Waits at most {@code lockTimeoutSeconds} for the locks it needs.
	 */
	@Override
	public void reindex(String collection, int lockTimeoutSeconds) {
		String table = PgVectorIndex.qualified(collection);
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set lock_timeout = '" + Math.max(1, lockTimeoutSeconds) + "s'");
				try {
					statement.execute("reindex index concurrently " + table + "_hnsw");
				}
				finally {
					statement.execute("reset lock_timeout");
				}
			}
			return null;
		});
	}

	/** The collection's size on disk and the tuple counts behind it. */
	@Override
	public CollectionSpace space(String collection) {
		PgVectorIndex.qualified(collection);
		return this.jdbc.queryForObject("""
				select pg_table_size(c.oid) as table_bytes, pg_indexes_size(c.oid) as index_bytes,
				       coalesce(s.n_live_tup, 0) as live, coalesce(s.n_dead_tup, 0) as dead,
				       coalesce(s.n_tup_del + s.n_tup_upd - s.n_tup_hot_upd, 0) as retired
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				left join pg_stat_user_tables s on s.relid = c.oid
				where n.nspname = ? and c.relname = ?
				""",
				(rs, row) -> new CollectionSpace(collection, rs.getLong("table_bytes"), rs.getLong("index_bytes"),
						rs.getLong("live"), rs.getLong("dead"), rs.getLong("retired")),
				PgVectorIndex.SCHEMA, collection);
	}

	/**
	 * The qualified table of a collection, for SQL that works on it directly.
	 * @throws IllegalArgumentException when the name cannot be a collection
	 */
	@Override
	public String table(String collection) {
		return PgVectorIndex.qualified(collection);
	}

}
