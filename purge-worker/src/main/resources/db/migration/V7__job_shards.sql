-- Shard tasks: one row per shard of a job's step (today the objects step's listing of the org's asset shards), so that
-- several workers can empty one job's shards at once. A worker claims a shard under a lease of its own, renews it while
-- it lists and deletes, and completes it with what it deleted; a shard whose lease lapsed (its worker died) is claimed
-- again and listed from its start. The job's step ends once every shard of it is done. The worker's role owns this
-- table (schema purge), as every other purge table.
create table job_shards (
    job_id          uuid not null references jobs (id) on delete cascade,
    step            text not null,
    shard           int not null,
    prefix          text not null,
    lease_owner     text,
    lease_until     timestamptz,
    attempts        int not null default 0,
    objects_deleted bigint not null default 0,
    done_at         timestamptz,
    done_by         text,
    primary key (job_id, step, shard)
);
create index job_shards_open on job_shards (job_id, step) where done_at is null;
comment on column job_shards.lease_owner is 'the worker (or helper) whose claim the shard is under; null: never claimed';
comment on column job_shards.objects_deleted is 'object versions deleted under the shard, summed over every run of it';
