-- The command service's own copy of the purge worker's jobs, receipts and reconciliation runs, for the deletion status
-- and admin routes. Fed by the worker's snapshots on lethe.purge-events (PurgeJobUpdated, ReconcileRunUpdated): each
-- row keeps the highest version seen, so a redelivered or late snapshot changes nothing. Eventually consistent with
-- the worker's schema (typically well under a second behind); the command service never reads schema purge.

create table purge_status (
    job_id          uuid primary key,
    root_type       text not null,
    root_id         uuid not null,
    org_id          uuid not null,
    version         bigint not null,
    state           text not null,
    step            text,
    attempts        int not null,
    last_error      text,
    run_at          timestamptz not null,
    requested_at    timestamptz not null,
    requested_by    text not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    started_at      timestamptz,
    completed_at    timestamptz,
    vectors_deleted bigint not null,
    vectors_total   bigint,
    objects_deleted bigint not null,
    objects_total   bigint,
    rows_deleted    bigint not null,
    rows_total      bigint,
    -- the assets a samples job purges besides its root (the sources deleted with the batch)
    asset_targets   uuid[] not null default '{}'
);
-- the worker keeps one job per root; a root's newest job wins here too should that ever change
create index purge_status_root on purge_status (root_type, root_id, created_at desc);
create index purge_status_state on purge_status (state, updated_at desc, job_id);
create index purge_status_asset_targets on purge_status using gin (asset_targets) where root_type = 'samples';

-- a receipt never changes once signed
create table purge_receipts (
    job_id    uuid primary key references purge_status (job_id),
    body      text not null,
    signature text not null,
    algorithm text not null,
    key_id    text not null
);

create table reconcile_status (
    run_id        uuid primary key,
    version       bigint not null,
    state         text not null,
    dry_run       boolean not null,
    requested_via text not null,
    org_id        uuid,
    safety_age    text,
    requested_by  text not null,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    completed_at  timestamptz,
    error         text,
    report        jsonb
);
create index reconcile_status_recent on reconcile_status (requested_at desc, run_id desc);
