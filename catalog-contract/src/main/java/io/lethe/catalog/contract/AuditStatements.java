package io.lethe.catalog.contract;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker's records in the catalog's audit trail ({@code catalog.audit}), beside the
 * operators' actions, each written in the transaction that ends what it records.
 */
public class AuditStatements {

	private final JdbcClient jdbc;

	public AuditStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A purge ended, completed or failed: who (the worker {@code owner}), what (the
	 * root), the outcome and the counts per store, read from its job
	 * ({@code purge.jobs}).
	 */
	public void purgeEnded(String owner, UUID job) {
		this.jdbc.sql("""
				insert into catalog.audit (actor, actor_org, action, target_type, target_id, outcome, detail)
				select 'purge-worker:' || :owner, null, 'purge.' || state, root_type, root_id,
				       case state when 'completed' then 'ok' else 'failed' end,
				       jsonb_strip_nulls(jsonb_build_object('job_id', id, 'org_id', org_id, 'attempts', attempts,
				           'requested_by', requested_by, 'requested_via', requested_via,
				           'vectors_deleted', vectors_deleted, 'objects_deleted', objects_deleted,
				           'rows_deleted', rows_deleted, 'started_at', started_at, 'error', last_error))
				from purge.jobs where id = :id
				""").param("owner", owner).param("id", job).update();
	}

	/** A reconcile run ended: its outcome ({@code ok}, {@code failed}) and its detail. */
	public void reconcileRunEnded(String actor, UUID run, String outcome, String detailJson) {
		this.jdbc.sql("""
				insert into catalog.audit (actor, action, target_type, target_id, outcome, detail)
				values (?, 'reconcile.run', 'reconcile-run', ?, ?, cast(? as jsonb))
				""").params(actor, run, outcome, detailJson).update();
	}

}
