package io.lethe.stores.vector;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.lethe.stores.retry.RetryPolicy;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link VectorIndex} on pgvector, in its own schema {@code vectors}: a table per
 * collection with a {@code vector(dimension)} column and an HNSW index for cosine
 * distance. It joins the caller's transaction when there is one, so a vector write can
 * commit together with the catalog row it belongs to.
 */
public final class PgVectorIndex implements VectorIndex {

	public static final String SCHEMA = "vectors";

	private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,50}");

	/**
	 * How many candidates are fetched per live item wanted, so that deleted items rarely
	 * cost a second round.
	 */
	private static final int OVERFETCH = 2;

	/**
	 * Four tries of an upsert that meets pgvector's race with its own index maintenance,
	 * 10, 20 and 40 ms apart: tried again at once, all four once met the same VACUUM pass
	 * (a clean-clone run of the test of it).
	 */
	private static final RetryPolicy UPSERT_RETRY = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40),
			2.0);

	private final JdbcTemplate jdbc;

	private final PgVectorMaintenance maintenance;

	public PgVectorIndex(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.maintenance = new PgVectorMaintenance(this.jdbc);
	}

	/**
	 * The table name of a collection; encoder names such as {@code multimodal-tx-large}
	 * become identifiers.
	 */
	public static String collectionFor(String encoderName) {
		String name = "e_" + encoderName.toLowerCase().replaceAll("[^a-z0-9]", "_");
		if (!COLLECTION.matcher(name).matches()) {
			throw new IllegalArgumentException("Encoder name cannot be a collection: " + encoderName);
		}
		return name;
	}

	/**
	 * Creates the collection's table and indexes where they are missing. The schema and
	 * the extension are created only where they are missing too: a service's own role may
	 * not create either (scripts/db/schemas.sql does, as the superuser). A new table is
	 * handed to the schema's owner (role {@code lethe_vectors}, of which both services
	 * are members), so that the other service may vacuum and rebuild it.
	 */
	@Override
	public void ensureCollection(String collection, int dimension) {
		String table = qualified(collection);
		if (!exists("select 1 from pg_namespace where nspname = ?", SCHEMA)) {
			this.jdbc.execute("create schema if not exists " + SCHEMA);
		}
		if (!exists("select 1 from pg_extension where extname = ?", "vector")) {
			this.jdbc.execute("create extension if not exists vector");
		}
		this.jdbc.execute("create table if not exists " + table + " (item_id uuid not null, "
				+ "embedding_name text not null, org_id uuid not null, dataset_id uuid not null, " + "embedding vector("
				+ dimension + ") not null, created_at timestamptz not null default now(), "
				+ "primary key (item_id, embedding_name))");
		this.jdbc.execute("create index if not exists " + collection + "_by_dataset on " + table + " (dataset_id)");
		this.jdbc.execute("create index if not exists " + collection + "_hnsw on " + table
				+ " using hnsw (embedding vector_cosine_ops)");
		List<String> newOwner = this.jdbc.queryForList("""
				select n.nspowner::regrole::text from pg_namespace n
				join pg_class c on c.relnamespace = n.oid and c.relname = ?
				where n.nspname = ? and c.relowner <> n.nspowner and pg_has_role(n.nspowner, 'member')
				""", String.class, collection, SCHEMA);
		for (String owner : newOwner) {
			this.jdbc.execute("alter table " + table + " owner to " + owner);
		}
	}

	private boolean exists(String sql, String name) {
		return !this.jdbc.queryForList(sql, Integer.class, name).isEmpty();
	}

	@Override
	public List<String> collections() {
		return this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = ? order by table_name",
				String.class, SCHEMA);
	}

	/**
	 * Writes the entry, replacing the item's vector for that embedding. The write is
	 * tried again (behind a savepoint, so that the caller's transaction survives) when it
	 * meets a VACUUM of the HNSW index: pgvector before 0.8.3 (Debian's is 0.8.0) lets
	 * VACUUM zero a graph element that a concurrent insert has already queued, and the
	 * insert then fails with "different vector dimensions 512 and 0" (22000) or an
	 * internal error (XX000) (pgvector issue 990); an upsert that meets an index being
	 * rebuilt may see a duplicate key (23505) where it should take its conflict path.
	 * Each leaves nothing written, and writing the same vector again is harmless; a
	 * vector that is really wrong fails every attempt and is refused as before.
	 */
	@Override
	public void upsert(String collection, VectorEntry entry) {
		String sql = "insert into " + qualified(collection)
				+ " (item_id, embedding_name, org_id, dataset_id, embedding) values (?, ?, ?, ?, cast(? as vector)) "
				+ "on conflict (item_id, embedding_name) do update set embedding = excluded.embedding, "
				+ "created_at = now()";
		String vector = literal(entry.values());
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			for (int attempt = 1;; attempt++) {
				Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					statement.setObject(1, entry.item());
					statement.setString(2, entry.embeddingName());
					statement.setObject(3, entry.org());
					statement.setObject(4, entry.dataset());
					statement.setString(5, vector);
					statement.executeUpdate();
					if (savepoint != null) {
						connection.releaseSavepoint(savepoint);
					}
					return null;
				}
				catch (SQLException ex) {
					if (savepoint != null) {
						connection.rollback(savepoint);
					}
					if (UPSERT_RETRY.exhausted(attempt) || !raceWithIndexMaintenance(ex)) {
						throw ex;
					}
					pause(UPSERT_RETRY.ceiling(attempt).toMillis());
				}
			}
		});
	}

	private static void pause(long millis) throws SQLException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted between attempts of a vector upsert", ex);
		}
	}

	/** Unique violation (23505), pgvector's data (22000) or internal (XX000) error. */
	private static boolean raceWithIndexMaintenance(SQLException ex) {
		return "23505".equals(ex.getSQLState()) || "22000".equals(ex.getSQLState()) || "XX000".equals(ex.getSQLState());
	}

	@Override
	public List<Neighbor> search(String collection, UUID dataset, String embeddingName, float[] query, int k,
			LiveItems live) {
		String vector = literal(query);
		List<Neighbor> found = new ArrayList<>();
		int window = Math.min(k * OVERFETCH, 1000);
		int offset = 0;
		// Filtered HNSW scans stop after ef_search candidates; an iterative scan keeps
		// going until the filter is
		// satisfied. Both settings are transaction-local: they hold when the caller
		// searches in a transaction.
		this.jdbc.queryForList("select set_config('hnsw.iterative_scan', 'strict_order', true), "
				+ "set_config('hnsw.ef_search', ?, true)", String.valueOf(Math.max(40, window)));
		while (found.size() < k) {
			List<Neighbor> candidates = this.jdbc.query(
					"select item_id, embedding_name, embedding <=> cast(? as vector) as distance from "
							+ qualified(collection) + " where dataset_id = ? and embedding_name = ? "
							+ "order by embedding <=> cast(? as vector) limit ? offset ?",
					(rs, row) -> new Neighbor(rs.getObject("item_id", UUID.class), rs.getString("embedding_name"),
							rs.getDouble("distance")),
					vector, dataset, embeddingName, vector, window, offset);
			if (candidates.isEmpty()) {
				break;
			}
			Set<UUID> alive = live.filter(candidates.stream().map(Neighbor::item).toList());
			for (Neighbor candidate : candidates) {
				if (alive.contains(candidate.item()) && found.size() < k) {
					found.add(candidate);
				}
			}
			if (candidates.size() < window) {
				break;
			}
			offset += window;
		}
		return found;
	}

	@Override
	public Map<UUID, List<String>> embeddingNames(Collection<UUID> items) {
		Map<UUID, List<String>> names = new HashMap<>();
		if (items.isEmpty()) {
			return names;
		}
		UUID[] ids = items.toArray(UUID[]::new);
		for (String collection : collections()) {
			this.jdbc.query("select item_id, embedding_name from " + qualified(collection)
					+ " where item_id = any(?) order by embedding_name", (rs) -> {
						names.computeIfAbsent(rs.getObject("item_id", UUID.class), (id) -> new ArrayList<>())
							.add(rs.getString("embedding_name"));
					}, (Object) ids);
		}
		return names;
	}

	@Override
	public int deleteDatasetChunk(String collection, UUID dataset, int limit) {
		return this.jdbc.update("delete from " + qualified(collection) + " where ctid in (select ctid from "
				+ qualified(collection) + " where dataset_id = ? limit ?)", dataset, limit);
	}

	@Override
	public int deleteItems(Collection<UUID> items) {
		if (items.isEmpty()) {
			return 0;
		}
		UUID[] ids = new LinkedHashSet<>(items).toArray(UUID[]::new);
		int deleted = 0;
		for (String collection : collections()) {
			deleted += this.jdbc.update("delete from " + qualified(collection) + " where item_id = any(?)",
					(Object) ids);
		}
		return deleted;
	}

	@Override
	public long countDataset(UUID dataset) {
		long count = 0;
		for (String collection : collections()) {
			count += this.jdbc.queryForObject("select count(*) from " + qualified(collection) + " where dataset_id = ?",
					Long.class, dataset);
		}
		return count;
	}

	@Override
	public long countItems(Collection<UUID> items) {
		if (items.isEmpty()) {
			return 0;
		}
		UUID[] ids = items.toArray(UUID[]::new);
		long count = 0;
		for (String collection : collections()) {
			count += this.jdbc.queryForObject(
					"select count(*) from " + qualified(collection) + " where item_id = any(?)", Long.class,
					(Object) ids);
		}
		return count;
	}

	/** VACUUM, REINDEX and space figures of the collections' tables. */
	@Override
	public Optional<VectorMaintenance> maintenance() {
		return Optional.of(this.maintenance);
	}

	/**
	 * The qualified table of a collection.
	 * @throws IllegalArgumentException when the name cannot be a collection
	 */
	static String qualified(String collection) {
		if (!COLLECTION.matcher(collection).matches()) {
			throw new IllegalArgumentException("Not a collection name: " + collection);
		}
		return SCHEMA + "." + collection;
	}

	/** pgvector's text form; every component must be finite. */
	static String literal(float[] values) {
		StringBuilder text = new StringBuilder(values.length * 10).append('[');
		for (int i = 0; i < values.length; i++) {
			if (!Float.isFinite(values[i])) {
				throw new IllegalArgumentException("Vector component " + i + " is not a finite number");
			}
			if (i > 0) {
				text.append(',');
			}
			text.append(values[i]);
		}
		return text.append(']').toString();
	}

}
