package io.lethe.purge.status;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the snapshots of the jobs and runs whose status changed since Kafka last
 * acknowledged one, and records which version went out. Each snapshot is one statement,
 * so it is one consistent state of the job, its targets and its receipt.
 */
@Repository
class StatusRows {

	private final JdbcClient jdbc;

	StatusRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether this transaction may publish: one publisher at a time across workers, so
	 * that two never send the same snapshots. Not a row lock, which would hold a running
	 * purge's checkpoint writes for as long as the broker takes to acknowledge.
	 */
	boolean takeTurn() {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext('lethe.purge.status'))")
			.query(Boolean.class)
			.single();
	}

	List<PurgeJobUpdated> changedJobs(int limit) {
		return this.jdbc.sql("""
				select j.id, j.root_type, j.root_id, j.org_id, j.state, j.step, j.attempts, j.last_error, j.run_at,
				       j.requested_at, j.requested_by, j.created_at, j.updated_at, j.started_at, j.completed_at,
				       j.vectors_deleted, j.vectors_total, j.objects_total, j.rows_deleted,
				       -- while an org sweep runs, what its shard tasks deleted so far (the job's
				       -- count takes it in when the sweep ends, checkpoint 'swept')
				       j.objects_deleted + case when coalesce(j.checkpoint, '') <> 'swept' then
				         (select coalesce(sum(s.objects_deleted), 0) from purge.job_shards s
				          where s.job_id = j.id and s.step = j.step) else 0 end as objects_deleted,
				       j.rows_total, j.status_version,
				       array(select t.target_id::text from purge.job_targets t
				             where t.job_id = j.id and t.kind = 'asset' order by t.target_id) as asset_targets,
				       r.body, r.signature, r.algorithm, r.key_id, r.jws, r.public_key
				from purge.jobs j left join purge.receipts r on r.job_id = j.id
				where j.status_version > j.status_published
				order by j.updated_at limit :limit
				""").param("limit", limit).query(StatusRows::job).list();
	}

	List<ReconcileRunUpdated> changedRuns(int limit) {
		return this.jdbc.sql("""
				select id, state, dry_run, requested_via, org_id, safety_age, requested_by, requested_at, started_at,
				       completed_at, error, report::text as report, status_version
				from purge.reconcile_runs where status_version > status_published
				order by requested_at limit :limit
				""").param("limit", limit).query(StatusRows::run).list();
	}

	void jobPublished(UUID job, long version) {
		this.jdbc.sql("update purge.jobs set status_published = greatest(status_published, :v) where id = :id")
			.param("v", version)
			.param("id", job)
			.update();
	}

	void runPublished(UUID run, long version) {
		this.jdbc
			.sql("update purge.reconcile_runs set status_published = greatest(status_published, :v) where id = :id")
			.param("v", version)
			.param("id", run)
			.update();
	}

	private static PurgeJobUpdated job(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		long version = rs.getLong("status_version");
		return PurgeJobUpdated.newBuilder()
			.setEventId(eventId("job", id, version))
			.setOrgId(rs.getString("org_id"))
			.setOccurredAt(instant(rs, "updated_at"))
			.setJobId(id.toString())
			.setRootType(rs.getString("root_type"))
			.setRootId(rs.getString("root_id"))
			.setVersion(version)
			.setState(rs.getString("state"))
			.setStep(rs.getString("step"))
			.setAttempts(rs.getInt("attempts"))
			.setLastError(rs.getString("last_error"))
			.setRunAt(instant(rs, "run_at"))
			.setRequestedAt(instant(rs, "requested_at"))
			.setRequestedBy(rs.getString("requested_by"))
			.setCreatedAt(instant(rs, "created_at"))
			.setStartedAt(instant(rs, "started_at"))
			.setCompletedAt(instant(rs, "completed_at"))
			.setVectorsDeleted(rs.getLong("vectors_deleted"))
			.setVectorsTotal(rs.getObject("vectors_total", Long.class))
			.setObjectsDeleted(rs.getLong("objects_deleted"))
			.setObjectsTotal(rs.getObject("objects_total", Long.class))
			.setRowsDeleted(rs.getLong("rows_deleted"))
			.setRowsTotal(rs.getObject("rows_total", Long.class))
			.setAssetTargets(Arrays.asList((String[]) rs.getArray("asset_targets").getArray()))
			.setReceipt(rs.getString("body"))
			.setReceiptSignature(rs.getString("signature"))
			.setReceiptAlgorithm(rs.getString("algorithm"))
			.setReceiptKeyId(rs.getString("key_id"))
			.setReceiptJws(rs.getString("jws"))
			.setReceiptPublicKey(rs.getString("public_key"))
			.build();
	}

	private static ReconcileRunUpdated run(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		long version = rs.getLong("status_version");
		Instant completed = instant(rs, "completed_at");
		Instant started = instant(rs, "started_at");
		Instant requested = instant(rs, "requested_at");
		Instant at = (completed != null) ? completed : (started != null) ? started : requested;
		return ReconcileRunUpdated.newBuilder()
			.setEventId(eventId("reconcile-run", id, version))
			.setOccurredAt(at)
			.setRunId(id.toString())
			.setVersion(version)
			.setState(rs.getString("state"))
			.setDryRun(rs.getBoolean("dry_run"))
			.setRequestedVia(rs.getString("requested_via"))
			.setScopeOrgId(rs.getString("org_id"))
			.setSafetyAge(rs.getString("safety_age"))
			.setRequestedBy(rs.getString("requested_by"))
			.setRequestedAt(requested)
			.setStartedAt(started)
			.setCompletedAt(completed)
			.setError(rs.getString("error"))
			.setReport(rs.getString("report"))
			.build();
	}

	/**
	 * The same snapshot always has the same id, whichever worker sends it and how often.
	 */
	private static String eventId(String kind, UUID id, long version) {
		return UUID.nameUUIDFromBytes((kind + ":" + id + ":" + version).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
