package io.lethe.command.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the command service's copy of the purge worker's reconciliation runs
 * ({@code catalog.reconcile_status}, kept from the worker's snapshots on
 * {@code lethe.purge-events}). A run asked for here but not yet reported by the worker
 * exists only as its audited request: it reads as {@code requested}.
 */
@Repository
public class ReconcileRuns {

	private static final String COLUMNS = "run_id as id, state, dry_run, requested_via, org_id, safety_age, requested_by, "
			+ "requested_at, started_at, completed_at, error, report::text as report";

	private final JdbcClient jdbc;

	ReconcileRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Run> find(UUID id) {
		Optional<Run> run = this.jdbc.sql("select " + COLUMNS + " from catalog.reconcile_status where run_id = :id")
			.param("id", id)
			.query(ReconcileRuns::run)
			.optional();
		if (run.isPresent()) {
			return run;
		}
		return this.jdbc.sql("""
				select at, actor, detail->>'dry_run' as dry_run, detail->>'org_id' as org_id,
				       detail->>'safety_age' as safety_age
				from catalog.audit where action = 'reconcile.request' and target_id = :id and outcome = 'ok'
				""").param("id", id).query((rs, row) -> {
			String org = rs.getString("org_id");
			return new Run(id, "requested", Boolean.parseBoolean(rs.getString("dry_run")), "operator",
					(org != null) ? UUID.fromString(org) : null, rs.getString("safety_age"), rs.getString("actor"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), null, null, null, null);
		}).optional();
	}

	/** The runs the worker has reported, newest first. */
	public List<Run> page(int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from catalog.reconcile_status order by requested_at desc, run_id desc "
					+ "limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(ReconcileRuns::run)
			.list();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from catalog.reconcile_status").query(Long.class).single();
	}

	public boolean orgExists(UUID org) {
		return this.jdbc.sql("select exists (select 1 from catalog.orgs where id = :id)")
			.param("id", org)
			.query(Boolean.class)
			.single();
	}

	private static Run run(ResultSet rs, int row) throws SQLException {
		return new Run(rs.getObject("id", UUID.class), rs.getString("state"), rs.getBoolean("dry_run"),
				rs.getString("requested_via"), rs.getObject("org_id", UUID.class), rs.getString("safety_age"),
				rs.getString("requested_by"), instant(rs, "requested_at"), instant(rs, "started_at"),
				instant(rs, "completed_at"), rs.getString("error"), rs.getString("report"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** A reconciliation run and, once the worker has begun it, its report (JSON). */
	public record Run(UUID id, String state, boolean dryRun, String requestedVia, UUID orgId, String safetyAge,
			String requestedBy, Instant requestedAt, Instant startedAt, Instant completedAt, String error,
			String report) {
	}

}
