-- Purge jobs, their checkpoints and receipts. The command service reads jobs and receipts for
-- GET /api/v1/datasets/{id}/deletion: keep the names and meaning of their columns.

-- One row per consumed event id, written in the transaction that records the event's effect, so that a replayed
-- event changes nothing.
create table processed_events (
    event_id     text primary key,
    event_type   text not null,
    processed_at timestamptz not null
);

create table jobs (
    id                uuid primary key,
    root_type         text not null,
    root_id           uuid not null,
    org_id            uuid not null,
    state             text not null check (state in ('scheduled', 'running', 'completed', 'failed', 'cancelled')),
    step              text not null default 'fence', -- fence, vectors, objects, rows, verify, receipt, tombstone, done
    checkpoint        text,                          -- step-specific resume point (e.g. last key)
    run_at            timestamptz not null,
    requested_at      timestamptz not null,
    requested_by      text not null,
    lease_owner       text,
    lease_expires_at  timestamptz,
    attempts          int not null default 0,
    last_error        text,
    vectors_deleted   bigint not null default 0,
    vectors_total     bigint,
    objects_deleted   bigint not null default 0,
    objects_total     bigint,
    rows_deleted      bigint not null default 0,
    rows_total        bigint,
    started_at        timestamptz,
    completed_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    -- how the job was asked for: 'event' (a deletion event: runs from expires_at), 'operator' (purge now, whatever
    -- remains of the grace period), 'sweep' (an expired dataset found without a job)
    requested_via     text not null default 'event' check (requested_via in ('event', 'operator', 'sweep')),
    -- the verify step's findings (JSON), which the receipt step signs
    verification      text,
    -- PurgeCompleted / PurgeFailed: its event id is fixed when the job ends, so a re-publish after a crash carries
    -- the same id; the flag turns true once Kafka acknowledged it
    outcome_event_id  uuid,
    outcome_published boolean not null default false,
    unique (root_type, root_id)
);
create index jobs_due on jobs (run_at) where state = 'scheduled';
create index jobs_leased on jobs (lease_expires_at) where state = 'running';
create index jobs_unpublished on jobs (updated_at) where state in ('completed', 'failed') and not outcome_published;

-- The object-store prefixes a job purges, fixed when the job fences its root: a dataset's own prefix and the prefix
-- of every asset the dataset owns. The objects step walks them in ordinal order (its checkpoint is the last ordinal
-- done), verify lists them again, and the receipt names them, even after the asset rows are gone.
create table job_prefixes (
    job_id   uuid not null references jobs (id),
    ordinal  int not null,
    prefix   text not null,
    asset_id uuid,
    primary key (job_id, ordinal)
);

create table receipts (
    job_id     uuid primary key references jobs (id),
    root_type  text not null,
    root_id    uuid not null,
    org_id     uuid not null,
    body       text not null, -- the receipt JSON exactly as signed
    signature  text not null, -- hex HMAC-SHA256 of body
    algorithm  text not null, -- 'HMAC-SHA256'
    key_id     text not null,
    created_at timestamptz not null
);
create index receipts_by_root on receipts (root_type, root_id);
