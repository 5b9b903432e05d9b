package io.lethe.purge.job;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the audit record of every purge that ends, completed or failed, into the
 * catalog's audit trail beside the operators' actions, in the transaction that ends the
 * job: who (this worker), what (the root), when, the outcome and the counts per store.
 */
@Component
class JobAudit {

	private final JdbcClient jdbc;

	JobAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void ended(Lease lease) {
		this.jdbc.sql("""
				insert into catalog.audit (actor, actor_org, action, target_type, target_id, outcome, detail)
				select 'purge-worker:' || :owner, null, 'purge.' || state, root_type, root_id,
				       case state when 'completed' then 'ok' else 'failed' end,
				       jsonb_strip_nulls(jsonb_build_object('job_id', id, 'org_id', org_id, 'attempts', attempts,
				           'requested_by', requested_by, 'requested_via', requested_via,
				           'vectors_deleted', vectors_deleted, 'objects_deleted', objects_deleted,
				           'rows_deleted', rows_deleted, 'started_at', started_at, 'error', last_error))
				from purge.jobs where id = :id
				""").param("owner", lease.owner()).param("id", lease.jobId()).update();
	}

}
