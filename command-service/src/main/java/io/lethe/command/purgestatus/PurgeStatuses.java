package io.lethe.command.purgestatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.lethe.events.PurgeJobUpdated;
import io.lethe.events.ReconcileRunUpdated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the worker's snapshots into the command service's copy
 * ({@code catalog.purge_status}, {@code catalog.purge_receipts} with the public keys of
 * receipts in {@code catalog.receipt_keys}, {@code catalog.reconcile_status}). A row
 * changes only for a higher version than it holds: a redelivered or older snapshot is a
 * no-op.
 */
@Repository
class PurgeStatuses {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PurgeStatuses(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	void apply(PurgeJobUpdated job) {
		UUID jobId = UUID.fromString(job.getJobId());
		this.jdbc.sql("""
				insert into catalog.purge_status as current (job_id, root_type, root_id, org_id, version, state, step,
				        attempts, last_error, run_at, requested_at, requested_by, created_at, updated_at, started_at,
				        completed_at, vectors_deleted, vectors_total, objects_deleted, objects_total, rows_deleted,
				        rows_total, asset_targets)
				values (:job, :rootType, :root, :org, :version, :state, :step, :attempts, :lastError, :runAt,
				        :requestedAt, :requestedBy, :createdAt, :updatedAt, :startedAt, :completedAt, :vectorsDeleted,
				        :vectorsTotal, :objectsDeleted, :objectsTotal, :rowsDeleted, :rowsTotal,
				        cast(:targets as uuid[]))
				on conflict (job_id) do update set root_type = excluded.root_type, root_id = excluded.root_id,
				        org_id = excluded.org_id, version = excluded.version, state = excluded.state,
				        step = excluded.step, attempts = excluded.attempts, last_error = excluded.last_error,
				        run_at = excluded.run_at, requested_at = excluded.requested_at,
				        requested_by = excluded.requested_by, created_at = excluded.created_at,
				        updated_at = excluded.updated_at, started_at = excluded.started_at,
				        completed_at = excluded.completed_at, vectors_deleted = excluded.vectors_deleted,
				        vectors_total = excluded.vectors_total, objects_deleted = excluded.objects_deleted,
				        objects_total = excluded.objects_total, rows_deleted = excluded.rows_deleted,
				        rows_total = excluded.rows_total, asset_targets = excluded.asset_targets
				where excluded.version > current.version
				""")
			.param("job", jobId)
			.param("rootType", job.getRootType())
			.param("root", UUID.fromString(job.getRootId()))
			.param("org", UUID.fromString(job.getOrgId()))
			.param("version", job.getVersion())
			.param("state", job.getState())
			.param("step", job.getStep())
			.param("attempts", job.getAttempts())
			.param("lastError", job.getLastError())
			.param("runAt", timestamp(job.getRunAt()))
			.param("requestedAt", timestamp(job.getRequestedAt()))
			.param("requestedBy", job.getRequestedBy())
			.param("createdAt", timestamp(job.getCreatedAt()))
			.param("updatedAt", timestamp(job.getOccurredAt()))
			.param("startedAt", timestamp(job.getStartedAt()))
			.param("completedAt", timestamp(job.getCompletedAt()))
			.param("vectorsDeleted", job.getVectorsDeleted())
			.param("vectorsTotal", job.getVectorsTotal())
			.param("objectsDeleted", job.getObjectsDeleted())
			.param("objectsTotal", job.getObjectsTotal())
			.param("rowsDeleted", job.getRowsDeleted())
			.param("rowsTotal", job.getRowsTotal())
			.param("targets", job.getAssetTargets().toArray(String[]::new))
			.update();
		if (job.getReceipt() != null) {
			this.jdbc.sql("""
					insert into catalog.purge_receipts (job_id, body, signature, algorithm, key_id, jws)
					values (:job, :body, :signature, :algorithm, :keyId, :jws) on conflict (job_id) do nothing
					""")
				.param("job", jobId)
				.param("body", job.getReceipt())
				.param("signature", job.getReceiptSignature())
				.param("algorithm", job.getReceiptAlgorithm())
				.param("keyId", job.getReceiptKeyId())
				.param("jws", job.getReceiptJws())
				.update();
		}
		if (job.getReceiptPublicKey() != null) {
			// the key arrives with the receipt it signed, so the JWKS never lacks a
			// receipt's
			// key; a private member, should one ever be sent, is dropped before it is
			// kept
			this.jdbc.sql("""
					insert into catalog.receipt_keys (key_id, jwk)
					values (:keyId, cast(:jwk as jsonb) - array['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'])
					on conflict (key_id) do nothing
					""").param("keyId", job.getReceiptKeyId()).param("jwk", job.getReceiptPublicKey()).update();
		}
		boolean receipted = this.jdbc.sql("select exists (select from catalog.purge_receipts where job_id = :job)")
			.param("job", jobId)
			.query(Boolean.class)
			.single();
		this.events.publishEvent(new PurgeJobReported(jobId, UUID.fromString(job.getOrgId()), job.getRootType(),
				UUID.fromString(job.getRootId()), job.getState(), job.getStartedAt(), receipted));
	}

	@Transactional
	void apply(ReconcileRunUpdated run) {
		this.jdbc.sql("""
				insert into catalog.reconcile_status as current (run_id, version, state, dry_run, requested_via, org_id,
				        safety_age, requested_by, requested_at, started_at, completed_at, error, report)
				values (:run, :version, :state, :dryRun, :via, :org, :safetyAge, :requestedBy, :requestedAt,
				        :startedAt, :completedAt, :error, cast(:report as jsonb))
				on conflict (run_id) do update set version = excluded.version, state = excluded.state,
				        dry_run = excluded.dry_run, requested_via = excluded.requested_via, org_id = excluded.org_id,
				        safety_age = excluded.safety_age, requested_by = excluded.requested_by,
				        requested_at = excluded.requested_at, started_at = excluded.started_at,
				        completed_at = excluded.completed_at, error = excluded.error, report = excluded.report
				where excluded.version > current.version
				""")
			.param("run", UUID.fromString(run.getRunId()))
			.param("version", run.getVersion())
			.param("state", run.getState())
			.param("dryRun", run.getDryRun())
			.param("via", run.getRequestedVia())
			.param("org", (run.getScopeOrgId() != null) ? UUID.fromString(run.getScopeOrgId()) : null)
			.param("safetyAge", run.getSafetyAge())
			.param("requestedBy", run.getRequestedBy())
			.param("requestedAt", timestamp(run.getRequestedAt()))
			.param("startedAt", timestamp(run.getStartedAt()))
			.param("completedAt", timestamp(run.getCompletedAt()))
			.param("error", run.getError())
			.param("report", run.getReport())
			.update();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
