package io.lethe.purge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation runs ({@code purge.reconcile_runs}): requested, claimed by one
 * worker at a time, heartbeated with the report so far, and ended. Requests are
 * idempotent by run id (and a scheduled run by its slot), so a replayed request changes
 * nothing.
 */
@Repository
public class ReconcileRuns {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileRuns.class);

	/** Serialises claims, so that two workers never both start a run. */
	private static final long CLAIM_LOCK = 0x6c65746865L;

	private final JdbcClient jdbc;

	ReconcileRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an operator's request, in the transaction that records its event. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(ReconcileRequest request) {
		int created = this.jdbc.sql("""
				insert into purge.reconcile_runs (id, requested_via, dry_run, org_id, safety_age, requested_by,
				        requested_at, state)
				values (?, 'operator', ?, ?, ?, ?, ?, 'requested') on conflict do nothing
				""")
			.params(request.runId(), request.dryRun(), request.orgId(),
					(request.safetyAge() != null) ? request.safetyAge().toString() : null, request.requestedBy(),
					Timestamps.of(request.requestedAt()))
			.update();
		logger.info("Reconcile run {} ({}, org {}) requested by {}{}", request.runId(),
				request.dryRun() ? "dry run" : "real run", (request.orgId() != null) ? request.orgId() : "all",
				request.requestedBy(), (created > 0) ? "" : " again; already recorded");
	}

	/** A run of the schedule's slot, unless a worker sharing the schedule asked first. */
	boolean requestScheduled(Instant slot, boolean dryRun) {
		return this.jdbc.sql("""
				insert into purge.reconcile_runs (id, requested_via, schedule_slot, dry_run, requested_by, requested_at,
				        state)
				values (gen_random_uuid(), 'schedule', ?, ?, 'schedule', now(), 'requested') on conflict do nothing
				""").params(Timestamps.of(slot), dryRun).update() > 0;
	}

	/**
	 * Claims the oldest requested run, unless a run is under way; a run whose worker
	 * stopped heartbeating is failed first (runs are cheap to ask for again, and a new
	 * run finds whatever the dead one left).
	 */
	@Transactional
	Optional<Claimed> claim(String worker, Duration lease) {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) as locked")
			.param(CLAIM_LOCK)
			.query(Integer.class)
			.single();
		int abandoned = this.jdbc.sql("""
				update purge.reconcile_runs set state = 'failed', completed_at = now(),
				       error = 'abandoned: worker ' || coalesce(worker, '?') || ' stopped reporting'
				where state = 'running' and heartbeat_at < now() - ? * interval '1 millisecond'
				""").param(lease.toMillis()).update();
		if (abandoned > 0) {
			logger.warn("{} reconcile run(s) abandoned by their worker were failed", abandoned);
		}
		boolean busy = this.jdbc.sql("select exists (select 1 from purge.reconcile_runs where state = 'running')")
			.query(Boolean.class)
			.single();
		if (busy) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update purge.reconcile_runs set state = 'running', worker = ?, started_at = now(), heartbeat_at = now()
				where id = (select id from purge.reconcile_runs where state = 'requested'
				            order by requested_at, id limit 1)
				returning id, dry_run, org_id, safety_age, requested_via, requested_by
				""")
			.param(worker)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getBoolean("dry_run"),
					rs.getObject("org_id", UUID.class),
					(rs.getString("safety_age") != null) ? Duration.parse(rs.getString("safety_age")) : null,
					rs.getString("requested_via"), rs.getString("requested_by")))
			.optional();
	}

	/**
	 * @return false when the run is no longer this worker's
	 */
	boolean heartbeat(UUID run, String worker, String report) {
		return this.jdbc
			.sql("update purge.reconcile_runs set heartbeat_at = now(), report = cast(? as jsonb) "
					+ "where id = ? and state = 'running' and worker = ?")
			.params(report, run, worker)
			.update() > 0;
	}

	/**
	 * @return false when the run is no longer this worker's
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean end(UUID run, String worker, String state, String error, String report) {
		return this.jdbc.sql("""
				update purge.reconcile_runs set state = ?, error = ?, report = cast(? as jsonb), completed_at = now(),
				       heartbeat_at = now()
				where id = ? and state = 'running' and worker = ?
				""").params(state, error, report, run, worker).update() > 0;
	}

	/** A run this worker claimed, with what was asked of it. */
	record Claimed(UUID id, boolean dryRun, UUID orgId, Duration safetyAge, String requestedVia, String requestedBy) {
	}

}
