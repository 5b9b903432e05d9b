package io.lethe.purge.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.catalog.contract.SweepStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purge jobs as requests see them: one job per root, created or rescheduled by
 * events, operators and the sweep. Each request is idempotent, so a replayed one changes
 * nothing it has not already changed. Running jobs are changed through
 * {@link RunningJobs}.
 */
@Repository
public class PurgeJobs {

	private static final Logger logger = LoggerFactory.getLogger(PurgeJobs.class);

	private static final String COLUMNS = "select * from purge.jobs ";

	private final JdbcClient jdbc;

	private final SweepStatements sweeps;

	PurgeJobs(JdbcClient jdbc, SweepStatements sweeps) {
		this.jdbc = jdbc;
		this.sweeps = sweeps;
	}

	public Optional<PurgeJob> find(UUID id) {
		return this.jdbc.sql(COLUMNS + "where id = ?").param(id).query(JobRows.INSTANCE).optional();
	}

	public Optional<PurgeJob> findByRoot(String rootType, UUID rootId) {
		return this.jdbc.sql(COLUMNS + "where root_type = ? and root_id = ?")
			.params(rootType, rootId)
			.query(JobRows.INSTANCE)
			.optional();
	}

	/**
	 * A root was deleted and may be purged from {@code request.runAt()}: creates its job,
	 * or reschedules one that was cancelled or has not begun. A job under way, failed or
	 * completed is left as it is.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestDeletion(JobRequest request) {
		PurgeJob job = createOrLock(request).orElse(null);
		if (job == null) {
			recordScope(request);
			return;
		}
		if (job.state() == JobState.CANCELLED || notBegun(job)) {
			reschedule(job, request, false);
			recordScope(request);
		}
		else {
			logger.info("Deletion of {} {} requested again; job {} is {} at step {}, left as it is", request.rootType(),
					request.rootId(), job.id(), job.state().value(), job.step());
		}
	}

	/**
	 * An operator asked for the purge now: a scheduled or cancelled job runs at once, a
	 * failed one is retried from where it stopped, a completed one announces its outcome
	 * (the same receipt) again. A running job is left to finish.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestNow(JobRequest request) {
		PurgeJob job = createOrLock(request).orElse(null);
		if (job == null) {
			return;
		}
		switch (job.state()) {
			case SCHEDULED, CANCELLED -> reschedule(job, request, false);
			case FAILED -> reschedule(job, request, true);
			case COMPLETED -> {
				this.jdbc
					.sql("update purge.jobs set outcome_published = false, outcome_event_id = ?, "
							+ "updated_at = now() where id = ?")
					.params(UUID.randomUUID(), job.id())
					.update();
				logger.info("Purge of {} {} requested again; job {} already completed, its receipt is announced again",
						job.rootType(), job.rootId(), job.id());
			}
			case RUNNING -> logger.info("Purge of {} {} requested now; job {} is already running", job.rootType(),
					job.rootId(), job.id());
		}
	}

	/**
	 * The root was restored: a job that has not begun is cancelled. One under way is left
	 * to finish, since its root is already fenced and partly purged.
	 * @return whether a job was cancelled
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean cancelNotBegun(String rootType, UUID rootId) {
		int cancelled = this.jdbc
			.sql("update purge.jobs set state = 'cancelled', last_error = null, updated_at = now() "
					+ "where root_type = ? and root_id = ? and state = 'scheduled' and started_at is null")
			.params(rootType, rootId)
			.update();
		return cancelled > 0;
	}

	/**
	 * Datasets past their grace period that have no job, or only a cancelled one (their
	 * event was lost): each gets a scheduled job, so that no deletion is forgotten. Only
	 * datasets expired for longer than {@code delay} count: the sweep is the safety net
	 * for lost events, not a race with the events in flight.
	 * @return the datasets that got one
	 */
	@Transactional
	public List<UUID> sweepExpiredDatasets(Duration delay) {
		return this.sweeps.scheduleExpiredDatasets(delay);
	}

	/**
	 * Records what the request names besides the root, for the fence to check and purge;
	 * adding the same target again changes nothing.
	 */
	private void recordScope(JobRequest request) {
		JobScope scope = request.scope();
		if (scope.dataset() != null) {
			recordTargets(request, "dataset", List.of(scope.dataset()));
		}
		recordTargets(request, "item", scope.items());
		recordTargets(request, "asset", scope.assets());
		if (scope.referencingItems()) {
			recordTargets(request, "referencing_items", List.of(request.rootId()));
		}
	}

	private void recordTargets(JobRequest request, String kind, List<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into purge.job_targets (job_id, kind, target_id)
				select j.id, ?, t.id from purge.jobs j, unnest(?::uuid[]) as t (id)
				where j.root_type = ? and j.root_id = ?
				on conflict do nothing
				""").params(kind, ids.toArray(UUID[]::new), request.rootType(), request.rootId()).update();
	}

	private static boolean notBegun(PurgeJob job) {
		return job.state() == JobState.SCHEDULED && job.startedAt() == null;
	}

	/**
	 * Inserts the job as requested, or locks the existing one.
	 * @return the existing job, locked; empty when it was created
	 */
	private Optional<PurgeJob> createOrLock(JobRequest request) {
		UUID id = UUID.randomUUID();
		int created = this.jdbc.sql("""
				insert into purge.jobs (id, root_type, root_id, org_id, state, step, run_at, requested_at,
				        requested_by, requested_via, created_at, updated_at)
				values (?, ?, ?, ?, 'scheduled', 'fence', ?, ?, ?, ?, now(), now())
				on conflict (root_type, root_id) do nothing
				""")
			.params(id, request.rootType(), request.rootId(), request.orgId(), JobRows.timestamp(request.runAt()),
					JobRows.timestamp(request.requestedAt()), request.requestedBy(), request.via().value())
			.update();
		if (created > 0) {
			logger.info("Purge job {} for {} {} of org {} scheduled at {} ({})", id, request.rootType(),
					request.rootId(), request.orgId(), request.runAt(), request.via().value());
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql(COLUMNS + "where root_type = ? and root_id = ? for update")
			.params(request.rootType(), request.rootId())
			.query(JobRows.INSTANCE)
			.single());
	}

	/**
	 * Schedules the job as requested. A job that never got past its first step starts
	 * afresh; a failed one keeps its step and checkpoint, so that it resumes.
	 */
	private void reschedule(PurgeJob job, JobRequest request, boolean retryFailed) {
		boolean fresh = job.state() == JobState.CANCELLED || job.startedAt() == null;
		this.jdbc.sql("""
				update purge.jobs set state = 'scheduled', run_at = ?, requested_at = ?, requested_by = ?,
				       requested_via = ?, attempts = 0, last_error = null, lease_owner = null, lease_expires_at = null,
				       outcome_event_id = null, outcome_published = false,
				       step = case when ? then 'fence' else step end,
				       checkpoint = case when ? then null else checkpoint end,
				       started_at = case when ? then null else started_at end,
				       updated_at = now()
				where id = ?
				""")
			.params(JobRows.timestamp(request.runAt()), JobRows.timestamp(request.requestedAt()), request.requestedBy(),
					request.via().value(), fresh, fresh, fresh, job.id())
			.update();
		logger.info("Purge job {} for {} {} rescheduled at {} ({}{})", job.id(), job.rootType(), job.rootId(),
				request.runAt(), request.via().value(), retryFailed ? ", retrying a failed job" : "");
	}

}
