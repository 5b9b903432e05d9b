package io.lethe.purge.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purge jobs as workers run them: claiming due jobs under a lease, heartbeats, and every
 * change a running purge makes. Each change is guarded by the lease (state
 * {@code running}, {@code lease_owner} = this worker) and raises
 * {@link LeaseLostException} when the job was taken over, so two workers never both
 * advance one job.
 */
@Repository
public class RunningJobs {

	private static final String GUARD = " where id = :id and state = 'running' and lease_owner = :owner";

	private final JdbcClient jdbc;

	private final JobAudit audit;

	private final ApplicationEventPublisher events;

	RunningJobs(JdbcClient jdbc, JobAudit audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Claims the next due job: a scheduled one whose {@code run_at} has come, or a
	 * running one whose lease lapsed (its worker died). Rows another worker is claiming
	 * are skipped, never waited for.
	 */
	@Transactional
	public Optional<PurgeJob> claimNext(String owner, Duration lease) {
		Optional<PurgeJob> claimed = this.jdbc.sql("""
				update purge.jobs set state = 'running', lease_owner = :owner,
				       lease_expires_at = now() + :lease * interval '1 millisecond', updated_at = now(),
				       attempts = attempts + case when state = 'running' then 1 else 0 end,
				       last_error = case when state = 'running'
				                         then 'the lease of ' || lease_owner || ' lapsed (worker died?); taken over'
				                         else last_error end
				where id = (select id from purge.jobs
				            where (state = 'scheduled' and run_at <= now())
				               or (state = 'running' and lease_expires_at < now())
				            order by run_at limit 1 for update skip locked)
				returning *
				""").param("owner", owner).param("lease", lease.toMillis()).query(JobRows.INSTANCE).optional();
		claimed.ifPresent((job) -> this.events.publishEvent(new JobStatusChanged(job.id())));
		return claimed;
	}

	/** Extends the lease; false when it is no longer this worker's. */
	public boolean heartbeat(Lease lease) {
		return this.jdbc
			.sql("update purge.jobs set lease_expires_at = now() + :lease * interval '1 millisecond'" + GUARD)
			.param("lease", lease.duration().toMillis())
			.param("id", lease.jobId())
			.param("owner", lease.owner())
			.update() > 0;
	}

	public PurgeJob reload(Lease lease) {
		return this.jdbc.sql("select * from purge.jobs" + GUARD)
			.param("id", lease.jobId())
			.param("owner", lease.owner())
			.query(JobRows.INSTANCE)
			.optional()
			.orElseThrow(() -> new LeaseLostException(lease.jobId(), lease.owner()));
	}

	/** The purge began: the first time only, so a resumed job keeps its start. */
	public void markStarted(Lease lease) {
		guarded(lease, "started_at = coalesce(started_at, now())", null);
	}

	/** Moves on to {@code step}, with no checkpoint yet. */
	public void advance(Lease lease, String step) {
		guarded(lease, "step = :value, checkpoint = null", step);
		changed(lease);
	}

	/**
	 * Goes back to an earlier {@code step} to delete again what verification found; the
	 * totals are counted anew on the way.
	 */
	public void rewind(Lease lease, String step) {
		guarded(lease, "step = :value, checkpoint = null, vectors_total = null, objects_total = null, "
				+ "rows_total = null, verification = null", step);
		changed(lease);
	}

	public void checkpoint(Lease lease, String checkpoint) {
		guarded(lease, "checkpoint = :value", checkpoint);
	}

	/** Adds to a counter; with a checkpoint, records it in the same update. */
	public void progress(Lease lease, Counter counter, long deleted, String checkpoint) {
		String column = counter.deletedColumn();
		if (checkpoint != null) {
			guarded(lease, column + " = " + column + " + " + deleted + ", checkpoint = :value", checkpoint);
		}
		else {
			guarded(lease, column + " = " + column + " + " + deleted, null);
		}
	}

	public void total(Lease lease, Counter counter, long total) {
		guarded(lease, counter.totalColumn() + " = " + total, null);
	}

	/** Records what verification found, for the receipt. */
	public void verified(Lease lease, String verification) {
		guarded(lease, "verification = :value", verification);
	}

	/** Not due yet (its root's grace period is not over): back to scheduled. */
	public void defer(Lease lease, Instant runAt, String reason) {
		release(lease, "state = 'scheduled', run_at = :at, last_error = :error", runAt, reason);
	}

	public void cancel(Lease lease, String reason) {
		release(lease, "state = 'cancelled', last_error = :error", null, reason);
	}

	/**
	 * Every step done: the job is completed, audited, and its outcome waits to be
	 * published.
	 */
	@Transactional
	public void complete(Lease lease) {
		release(lease,
				"state = 'completed', step = 'done', checkpoint = null, completed_at = now(), "
						+ "last_error = null, outcome_event_id = gen_random_uuid(), outcome_published = false",
				null, null);
		this.audit.ended(lease);
	}

	/** A failed attempt with attempts left: scheduled again after {@code delay}. */
	public void retryLater(Lease lease, String error, Duration delay) {
		release(lease, "state = 'scheduled', attempts = attempts + 1, last_error = :error, " + "run_at = now() + "
				+ delay.toMillis() + " * interval '1 millisecond'", null, error);
	}

	/**
	 * The job gave up: failed until an operator retries it.
	 * @param countAttempt whether the attempt that just failed is to be counted (it is
	 * not when the job was failed before it ran)
	 */
	@Transactional
	public void fail(Lease lease, String error, boolean countAttempt) {
		release(lease, "state = 'failed', attempts = attempts + " + (countAttempt ? 1 : 0) + ", last_error = :error, "
				+ "outcome_event_id = gen_random_uuid(), outcome_published = false", null, error);
		this.audit.ended(lease);
	}

	/**
	 * Ended jobs whose outcome event is not published yet, locked so that one worker
	 * publishes each; the caller's transaction holds the locks.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PurgeJob> lockUnpublishedOutcomes(int limit) {
		return this.jdbc
			.sql("select * from purge.jobs where state in ('completed', 'failed') "
					+ "and not outcome_published order by updated_at limit ? for update skip locked")
			.param(limit)
			.query(JobRows.INSTANCE)
			.list();
	}

	public void markOutcomePublished(UUID jobId, UUID eventId) {
		this.jdbc.sql("update purge.jobs set outcome_published = true where id = ? and outcome_event_id = ?")
			.params(jobId, eventId)
			.update();
	}

	private void guarded(Lease lease, String assignments, Object value) {
		int updated = this.jdbc.sql("update purge.jobs set " + assignments + ", updated_at = now()" + GUARD)
			.param("value", value)
			.param("id", lease.jobId())
			.param("owner", lease.owner())
			.update();
		ensureUpdated(updated, lease);
	}

	private void release(Lease lease, String assignments, Instant at, String error) {
		int updated = this.jdbc
			.sql("update purge.jobs set " + assignments
					+ ", lease_owner = null, lease_expires_at = null, updated_at = now()" + GUARD)
			.param("at", JobRows.timestamp(at))
			.param("error", error)
			.param("id", lease.jobId())
			.param("owner", lease.owner())
			.update();
		ensureUpdated(updated, lease);
		changed(lease);
	}

	/**
	 * The job's snapshot goes out once this change commits (at once outside a
	 * transaction): see {@link JobStatusChanged}.
	 */
	private void changed(Lease lease) {
		this.events.publishEvent(new JobStatusChanged(lease.jobId()));
	}

	private static void ensureUpdated(int updated, Lease lease) {
		if (updated == 0) {
			lease.markLost();
			throw new LeaseLostException(lease.jobId(), lease.owner());
		}
	}

}
