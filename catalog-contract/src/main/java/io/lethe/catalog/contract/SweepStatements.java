package io.lethe.catalog.contract;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The safety nets for lost deletion events: each statement finds in the catalog what was
 * deleted longer than {@code delay} ago and that no job purges, and schedules a job for
 * it ({@code purge.jobs}, {@code purge.job_targets}) in the same statement. A cancelled
 * job is scheduled again. Only deletions older than the delay count, so a sweep is no
 * race with the events in flight.
 */
public class SweepStatements {

	private final JdbcClient jdbc;

	public SweepStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Datasets past their grace period that have no job, or only a cancelled one.
	 * @return the datasets that got one
	 */
	public List<UUID> scheduleExpiredDatasets(Duration delay) {
		return this.jdbc.sql("""
				insert into purge.jobs (id, root_type, root_id, org_id, state, step, run_at, requested_at,
				        requested_by, requested_via, created_at, updated_at)
				select gen_random_uuid(), 'dataset', d.id, d.org_id, 'scheduled', 'fence', d.expires_at,
				       coalesce(d.deleted_dt, now()), coalesce(d.deleted_by, 'sweep'), 'sweep', now(), now()
				from catalog.datasets d
				where d.status = 'pending_deletion' and d.expires_at <= now() - :delay * interval '1 millisecond'
				  and not exists (select 1 from purge.jobs j where j.root_type = 'dataset' and j.root_id = d.id
				                  and j.state <> 'cancelled')
				on conflict (root_type, root_id) do update
				  set state = 'scheduled', step = 'fence', checkpoint = null, run_at = excluded.run_at,
				      requested_at = excluded.requested_at, requested_by = excluded.requested_by,
				      requested_via = 'sweep', attempts = 0, last_error = null, started_at = null,
				      updated_at = now()
				  where purge.jobs.state = 'cancelled'
				returning root_id
				""").param("delay", delay.toMillis()).query(UUID.class).list();
	}

	/**
	 * Deleted assets that no job purges (no asset job, or only a cancelled one, and no
	 * samples job naming them as a source): each gets an asset job. An asset owned by a
	 * dataset whose purge has begun is that purge's.
	 * @return the assets that got one
	 */
	public List<UUID> scheduleDeletedAssets(Duration delay) {
		return this.jdbc.sql("""
				insert into purge.jobs (id, root_type, root_id, org_id, state, step, run_at, requested_at,
				        requested_by, requested_via, created_at, updated_at)
				select gen_random_uuid(), 'asset', a.id, a.org_id, 'scheduled', 'fence', a.deleted_at,
				       a.deleted_at, coalesce(a.deleted_by, 'sweep'), 'sweep', now(), now()
				from catalog.assets a
				where a.status = 'deleted' and a.deleted_at <= now() - :delay * interval '1 millisecond'
				  and not exists (select 1 from purge.jobs j where j.root_type = 'asset' and j.root_id = a.id
				                  and j.state <> 'cancelled')
				  and not exists (select 1 from purge.job_targets t join purge.jobs j on j.id = t.job_id
				                  where j.root_type = 'samples' and t.kind = 'asset' and t.target_id = a.id)
				  and not exists (select 1 from catalog.datasets d where d.id = a.owner_dataset_id
				                  and d.status in ('purging', 'purged'))
				on conflict (root_type, root_id) do update
				  set state = 'scheduled', step = 'fence', checkpoint = null, run_at = excluded.run_at,
				      requested_at = excluded.requested_at, requested_by = excluded.requested_by,
				      requested_via = 'sweep', attempts = 0, last_error = null, started_at = null,
				      updated_at = now()
				  where purge.jobs.state = 'cancelled'
				returning root_id
				""").param("delay", delay.toMillis()).query(UUID.class).list();
	}

	/**
	 * Deleted items of live datasets that no job purges (not named by a samples job, not
	 * taken along by a cascading asset job): up to {@code limit} of them, oldest first,
	 * one samples job per dataset, whose root is a new id and whose targets are the
	 * dataset and its items. Items of a deleted dataset are its purge's.
	 * @return the batches that were made
	 */
	public List<SweptItems> scheduleDeletedItems(Duration delay, int limit) {
		return this.jdbc.sql("""
				with lost as (
				  select i.id, i.dataset_id, i.org_id, i.deleted_at from catalog.items i
				  join catalog.datasets d on d.id = i.dataset_id and d.status = 'active'
				  where i.status = 'deleted' and i.deleted_at <= now() - :delay * interval '1 millisecond'
				    and not exists (select 1 from purge.job_targets t join purge.jobs j on j.id = t.job_id
				                    where j.root_type = 'samples' and t.kind = 'item' and t.target_id = i.id)
				    and not exists (select 1 from purge.job_targets t join purge.jobs j on j.id = t.job_id
				                    where j.root_type = 'asset' and t.kind = 'referencing_items'
				                      and t.target_id = i.asset_id)
				  order by i.deleted_at limit :limit
				), batches as materialized (
				  select gen_random_uuid() as job_id, gen_random_uuid() as root_id, dataset_id, org_id,
				         min(deleted_at) as deleted_at, count(*) as items
				  from lost group by dataset_id, org_id
				), jobs as (
				  insert into purge.jobs (id, root_type, root_id, org_id, state, step, run_at, requested_at,
				          requested_by, requested_via, created_at, updated_at)
				  select job_id, 'samples', root_id, org_id, 'scheduled', 'fence', deleted_at, deleted_at, 'sweep',
				         'sweep', now(), now()
				  from batches
				  returning id
				), targets as (
				  insert into purge.job_targets (job_id, kind, target_id)
				  select j.id, 'dataset', b.dataset_id from jobs j join batches b on b.job_id = j.id
				  union all
				  select j.id, 'item', l.id from jobs j join batches b on b.job_id = j.id
				  join lost l on l.dataset_id = b.dataset_id
				)
				select root_id, dataset_id, items from batches
				""")
			.param("delay", delay.toMillis())
			.param("limit", limit)
			.query((rs, row) -> new SweptItems(rs.getObject("root_id", UUID.class),
					rs.getObject("dataset_id", UUID.class), rs.getLong("items")))
			.list();
	}

	/**
	 * A samples job the item sweep made.
	 *
	 * @param batch the job's root id
	 * @param dataset the dataset of its items
	 * @param items how many deleted items it purges
	 */
	public record SweptItems(UUID batch, UUID dataset, long items) {
	}

}
