package io.lethe.purge.engine.shard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.purge.job.Lease;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shard tasks of jobs' steps ({@code purge.job_shards}). Every statement is one
 * guarded write: shards are published and claimed for a job only while its lease is the
 * publisher's, claimed by one worker at a time ({@code for update skip locked}, never
 * waiting for a row another claimer holds), and renewed, credited and completed only by
 * the worker whose lease they are under, while the shard is not done and its job still
 * runs that step. A write that finds the guard false changes nothing and says so.
 */
@Repository
public class ShardTasks {

	/** The job that holds the shard still runs the step the shard belongs to. */
	private static final String JOB_RUNS_STEP = """
			exists (select 1 from purge.jobs j where j.id = s.job_id and j.state = 'running' and j.step = s.step)
			""";

	private static final String CLAIMED = """
			returning s.job_id, s.step, s.shard, s.prefix, s.attempts,
			          (select org_id from purge.jobs where id = s.job_id) as org_id
			""";

	private final JdbcClient jdbc;

	ShardTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Publishes the shards of the job's step, numbered in the order given; shards already
	 * published are left as they are, done or not.
	 * @return how many were new
	 */
	public int publish(Lease job, String step, List<String> prefixes) {
		// one statement for every shard, numbered by its place in the list
		return this.jdbc
			.sql("""
					insert into purge.job_shards (job_id, step, shard, prefix)
					select :job, :step, (p.n - 1)::int, p.prefix from unnest(cast(:prefixes as text[])) with ordinality as p (prefix, n)
					where exists (select 1 from purge.jobs where id = :job and state = 'running' and lease_owner = :owner)
					on conflict (job_id, step, shard) do nothing
					""")
			.param("job", job.jobId())
			.param("step", step)
			.param("prefixes", prefixes.toArray(String[]::new))
			.param("owner", job.owner())
			.update();
	}

	/**
	 * Forgets the shards of the job's step, for a step that starts afresh (a first run,
	 * or a run again after verification found something left): every shard of an earlier
	 * round is done, and the new round lists them all again.
	 */
	public void forget(Lease job, String step) {
		this.jdbc.sql("""
				delete from purge.job_shards
				where job_id = :job and step = :step
				  and exists (select 1 from purge.jobs where id = :job and state = 'running' and lease_owner = :owner)
				""").param("job", job.jobId()).param("step", step).param("owner", job.owner()).update();
	}

	/**
	 * Claims a shard of the job's step for the job's own worker: one not done, never
	 * claimed or whose lease lapsed.
	 */
	public Optional<ShardLease> claimOwn(Lease job, String step, Duration lease) {
		return claim("""
				select s.job_id, s.step, s.shard from purge.job_shards s
				where s.job_id = :job and s.step = :step and s.done_at is null
				  and (s.lease_until is null or s.lease_until < now())
				  and exists (select 1 from purge.jobs j where j.id = s.job_id and j.state = 'running'
				              and j.step = s.step and j.lease_owner = :jobOwner)
				order by s.shard limit 1 for update of s skip locked
				""", job.owner(), lease, job.jobId(), step, job.owner(), 0);
	}

	/**
	 * Claims a shard for a worker helping with jobs it does not hold: a shard of a job
	 * that runs the shard's step under the live lease of another worker, tried fewer than
	 * {@code maxAttempts} times (a shard that keeps failing is left to its job's worker,
	 * whose failure fails the job's attempt).
	 * @param worker the helping worker, whose own jobs are left to their own loop
	 * @param owner what the shard's lease names
	 */
	public Optional<ShardLease> claimToHelp(String worker, String owner, Duration lease, int maxAttempts) {
		return claim("""
				select s.job_id, s.step, s.shard from purge.job_shards s
				where s.done_at is null and (s.lease_until is null or s.lease_until < now())
				  and s.attempts < :maxAttempts
				  and exists (select 1 from purge.jobs j where j.id = s.job_id and j.state = 'running'
				              and j.step = s.step and j.lease_owner <> :jobOwner and j.lease_expires_at > now())
				order by s.job_id, s.shard limit 1 for update of s skip locked
				""", owner, lease, null, null, worker, maxAttempts);
	}

	private Optional<ShardLease> claim(String claimable, String owner, Duration lease, UUID job, String step,
			String jobOwner, int maxAttempts) {
		long issued = System.nanoTime();
		return this.jdbc
			.sql("update purge.job_shards s set lease_owner = :owner, "
					+ "lease_until = now() + :lease * interval '1 millisecond', attempts = s.attempts + 1 "
					+ "where (s.job_id, s.step, s.shard) = (" + claimable + ") " + CLAIMED)
			.param("owner", owner)
			.param("lease", lease.toMillis())
			.param("job", job)
			.param("step", step)
			.param("jobOwner", jobOwner)
			.param("maxAttempts", maxAttempts)
			.query((rs, row) -> new ShardLease(rs.getObject("job_id", UUID.class), rs.getObject("org_id", UUID.class),
					rs.getString("step"), rs.getInt("shard"), rs.getString("prefix"), rs.getInt("attempts"), owner,
					lease, issued))
			.optional();
	}

	/**
	 * Extends the lease and records what was deleted since the last write; false when the
	 * shard is done, is another's or its job no longer runs its step.
	 */
	public boolean renew(ShardLease lease, long deleted) {
		long issued = System.nanoTime();
		boolean renewed = guarded(lease, "lease_until = now() + :lease * interval '1 millisecond', "
				+ "objects_deleted = s.objects_deleted + :deleted", deleted) > 0;
		if (renewed) {
			lease.renewed(issued);
		}
		return renewed;
	}

	/**
	 * The shard is done, with what was deleted since the last renewal; false (and nothing
	 * recorded) when it was done already or is another's.
	 */
	public boolean complete(ShardLease lease, long deleted) {
		return guarded(lease, "done_at = now(), done_by = :owner, lease_until = null, "
				+ "objects_deleted = s.objects_deleted + :deleted", deleted) > 0;
	}

	/**
	 * Gives the shard up at once after a failure, with what was deleted until then, so
	 * that it is claimable again without waiting for the lease to lapse.
	 */
	public void release(ShardLease lease, long deleted) {
		guarded(lease, "lease_owner = null, lease_until = null, objects_deleted = s.objects_deleted + :deleted",
				deleted);
	}

	private int guarded(ShardLease lease, String assignments, long deleted) {
		// The job's snapshot is due again, so that its published progress takes in what
		// its shards deleted while the sweep runs (StatusRows adds them until it ends).
		return this.jdbc
			.sql("with written as (update purge.job_shards s set " + assignments + " where s.job_id = :job "
					+ "and s.step = :step and s.shard = :shard and s.lease_owner = :owner and s.done_at is null and "
					+ JOB_RUNS_STEP + " returning s.job_id), "
					+ "due as (update purge.jobs j set status_version = j.status_version + 1 "
					+ "where j.id in (select job_id from written) and :deleted > 0) " + "select count(*) from written")
			.param("lease", lease.duration().toMillis())
			.param("deleted", deleted)
			.param("owner", lease.owner())
			.param("job", lease.jobId())
			.param("step", lease.step())
			.param("shard", lease.shard())
			.query(Integer.class)
			.single();
	}

	/** Shards of the job's step not done yet, claimed or not. */
	public long undone(UUID job, String step) {
		return this.jdbc.sql("select count(*) from purge.job_shards where job_id = ? and step = ? and done_at is null")
			.params(job, step)
			.query(Long.class)
			.single();
	}

	/** Object versions deleted under the shards of the job's step, by every worker. */
	public long deleted(UUID job, String step) {
		return this.jdbc
			.sql("select coalesce(sum(objects_deleted), 0) from purge.job_shards where job_id = ? and step = ?")
			.params(job, step)
			.query(Long.class)
			.single();
	}

}
