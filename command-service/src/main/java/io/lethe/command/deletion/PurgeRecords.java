package io.lethe.command.deletion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the command service's copy of the purge worker's jobs and receipts
 * ({@code catalog.purge_status}, {@code catalog.purge_receipts}), which the worker's
 * snapshots on {@code lethe.purge-events} keep (see
 * {@code io.lethe.command.purgestatus}). The copy trails the worker by the time a
 * snapshot takes to arrive, typically well under a second; a job the worker has not yet
 * reported is not shown.
 */
@Repository
public class PurgeRecords {

	private static final String COLUMNS = "job_id as id, root_type, root_id, org_id, state, step, attempts, "
			+ "last_error, run_at, requested_at, requested_by, started_at, completed_at, vectors_deleted, "
			+ "vectors_total, objects_deleted, objects_total, rows_deleted, rows_total";

	private final JdbcClient jdbc;

	PurgeRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PurgeJobView> job(String rootType, UUID rootId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.purge_status where root_type = :type and root_id = :id "
					+ "order by created_at desc limit 1")
			.param("type", rootType)
			.param("id", rootId)
			.query(PurgeRecords::job)
			.optional();
	}

	/**
	 * The org's job that purges the asset: its own after a force delete, else that of the
	 * samples batch that deleted it as a source.
	 */
	public Optional<PurgeJobView> jobPurgingAsset(UUID orgId, UUID assetId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from catalog.purge_status
				where org_id = :org and ((root_type = 'asset' and root_id = :asset)
				   or (root_type = 'samples' and asset_targets @> array[cast(:asset as uuid)]))
				order by (root_type = 'asset') desc, created_at desc limit 1
				""").param("org", orgId).param("asset", assetId).query(PurgeRecords::job).optional();
	}

	/** Any org's job by its id, for operators. */
	public Optional<PurgeJobView> job(UUID jobId) {
		return this.jdbc.sql("select " + COLUMNS + " from catalog.purge_status where job_id = :id")
			.param("id", jobId)
			.query(PurgeRecords::job)
			.optional();
	}

	/** Jobs of every org in the given states, most recently changed first. */
	public List<PurgeJobView> page(Collection<String> states, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.purge_status where state = any(:states) "
					+ "order by updated_at desc, job_id limit :limit offset :offset")
			.param("states", states.toArray(String[]::new))
			.param("limit", limit)
			.param("offset", offset)
			.query(PurgeRecords::job)
			.list();
	}

	public long count(Collection<String> states) {
		return this.jdbc.sql("select count(*) from catalog.purge_status where state = any(:states)")
			.param("states", states.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	public Optional<ReceiptView> receipt(UUID jobId) {
		return this.jdbc
			.sql("select body, signature, algorithm, key_id, jws from catalog.purge_receipts where job_id = :job")
			.param("job", jobId)
			.query((rs, row) -> new ReceiptView(rs.getString("body"), rs.getString("signature"),
					rs.getString("algorithm"), rs.getString("key_id"), rs.getString("jws")))
			.optional();
	}

	private static PurgeJobView job(ResultSet rs, int row) throws SQLException {
		return new PurgeJobView(rs.getObject("id", UUID.class), rs.getString("root_type"),
				rs.getObject("root_id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("state"),
				rs.getString("step"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "run_at"),
				instant(rs, "requested_at"), rs.getString("requested_by"), instant(rs, "started_at"),
				instant(rs, "completed_at"), rs.getLong("vectors_deleted"), rs.getObject("vectors_total", Long.class),
				rs.getLong("objects_deleted"), rs.getObject("objects_total", Long.class), rs.getLong("rows_deleted"),
				rs.getObject("rows_total", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
