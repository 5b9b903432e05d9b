-- State snapshots for lethe.purge-events (PurgeJobUpdated, ReconcileRunUpdated): the command service keeps its own copy
-- of what its status routes show and never reads this schema. Each job and run counts the changes a status shows
-- (status_version) and remembers the last one Kafka acknowledged (status_published); the publisher sends the rows where
-- they differ, the latest snapshot only. Triggers do the counting so that no update of the worker can forget it, and
-- a heartbeat or lease renewal (which no status shows) counts nothing.
-- Existing rows start unpublished (1 > 0): the first publisher run gives the command service every job and run.

alter table jobs add column status_version bigint not null default 1;
alter table jobs add column status_published bigint not null default 0;
create index jobs_status_unpublished on jobs (id) where status_version > status_published;

alter table reconcile_runs add column status_version bigint not null default 1;
alter table reconcile_runs add column status_published bigint not null default 0;
create index reconcile_runs_status_unpublished on reconcile_runs (id) where status_version > status_published;

create function jobs_status_changed() returns trigger language plpgsql as $$
begin
    if row(new.root_type, new.root_id, new.org_id, new.state, new.step, new.attempts, new.last_error, new.run_at,
           new.requested_at, new.requested_by, new.started_at, new.completed_at, new.vectors_deleted,
           new.vectors_total, new.objects_deleted, new.objects_total, new.rows_deleted, new.rows_total)
       is distinct from
       row(old.root_type, old.root_id, old.org_id, old.state, old.step, old.attempts, old.last_error, old.run_at,
           old.requested_at, old.requested_by, old.started_at, old.completed_at, old.vectors_deleted,
           old.vectors_total, old.objects_deleted, old.objects_total, old.rows_deleted, old.rows_total) then
        new.status_version := old.status_version + 1;
    end if;
    return new;
end $$;
create trigger jobs_status_version before update on jobs for each row execute function jobs_status_changed();

-- a receipt and the targets a snapshot names may be written apart from the job's row: they count as its changes too
create function job_parts_changed() returns trigger language plpgsql as $$
begin
    update purge.jobs j set status_version = j.status_version + 1 where j.id in (select job_id from added);
    return null;
end $$;
create trigger receipts_status_version after insert on receipts referencing new table as added
    for each statement execute function job_parts_changed();
create trigger job_targets_status_version after insert on job_targets referencing new table as added
    for each statement execute function job_parts_changed();

create function reconcile_runs_status_changed() returns trigger language plpgsql as $$
begin
    if row(new.state, new.dry_run, new.requested_via, new.org_id, new.safety_age, new.requested_by, new.requested_at,
           new.started_at, new.completed_at, new.error, new.report)
       is distinct from
       row(old.state, old.dry_run, old.requested_via, old.org_id, old.safety_age, old.requested_by, old.requested_at,
           old.started_at, old.completed_at, old.error, old.report) then
        new.status_version := old.status_version + 1;
    end if;
    return new;
end $$;
create trigger reconcile_runs_status_version before update on reconcile_runs for each row
    execute function reconcile_runs_status_changed();
