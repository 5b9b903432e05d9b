-- Orphan reconciliation runs: asked for by an operator (a ReconcileRequested event) or by the reconciler's own
-- schedule, run by one worker at a time. The command service reads them for GET /api/v1/admin/reconcile: keep the
-- names and meaning of their columns.
create table reconcile_runs (
    id             uuid primary key,
    requested_via  text not null check (requested_via in ('operator', 'schedule')),
    -- a scheduled run's cron time: the workers that share a schedule request one run per slot
    schedule_slot  timestamptz unique,
    dry_run        boolean not null,
    -- the org the run is limited to; null for every org
    org_id         uuid,
    -- the safety age asked for (ISO-8601); null for the worker's default. The one used is in the report.
    safety_age     text,
    requested_by   text not null,
    requested_at   timestamptz not null,
    state          text not null check (state in ('requested', 'running', 'completed', 'failed')),
    worker         text,
    heartbeat_at   timestamptz,
    started_at     timestamptz,
    completed_at   timestamptz,
    error          text,
    -- the report (JSON): counts and bytes per kind found and removed, sample keys, what was kept and why, the vector
    -- collections' space before and after; updated as the run goes
    report         jsonb
);
create index reconcile_runs_requested on reconcile_runs (requested_at) where state = 'requested';
create index reconcile_runs_recent on reconcile_runs (requested_at desc, id desc);

-- Per vector collection, the cumulative count of retired rows (deleted, or replaced outside a HOT update) at its last
-- REINDEX, so that the reconciler knows the dead fraction its index has gathered since.
create table vector_space (
    collection         text primary key,
    retired_at_reindex bigint not null,
    reindexed_at       timestamptz not null
);
