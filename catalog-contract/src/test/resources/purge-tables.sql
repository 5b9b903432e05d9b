-- The purge worker's tables that the contract's statements join, as its migrations (purge-worker, db/migration V2, V3)
-- define them, trimmed to the columns the contract names. The worker's own integration tests run the same statements
-- on its real schema, so a drift between the two fails there.
create schema if not exists purge;

create table if not exists purge.jobs (
    id                uuid primary key,
    root_type         text not null,
    root_id           uuid not null,
    org_id            uuid not null,
    state             text not null check (state in ('scheduled', 'running', 'completed', 'failed', 'cancelled')),
    step              text not null default 'fence',
    checkpoint        text,
    run_at            timestamptz not null,
    requested_at      timestamptz not null,
    requested_by      text not null,
    attempts          int not null default 0,
    last_error        text,
    vectors_deleted   bigint not null default 0,
    objects_deleted   bigint not null default 0,
    rows_deleted      bigint not null default 0,
    started_at        timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    requested_via     text not null default 'event' check (requested_via in ('event', 'operator', 'sweep')),
    unique (root_type, root_id)
);

create table if not exists purge.job_prefixes (
    job_id   uuid not null,
    ordinal  int not null,
    prefix   text not null,
    asset_id uuid,
    item_id  uuid,
    primary key (job_id, ordinal)
);

create table if not exists purge.job_targets (
    job_id    uuid not null references purge.jobs (id),
    kind      text not null check (kind in ('dataset', 'item', 'asset', 'referencing_items')),
    target_id uuid not null,
    primary key (job_id, kind, target_id)
);

-- A vector collection's table as pgvector's index keeps it, with an array in place of the vector type (the reconciler
-- reads only its keys and the embedding's size).
create table if not exists public.contract_vectors (
    item_id        uuid not null,
    embedding_name text not null,
    org_id         uuid not null,
    dataset_id     uuid not null,
    embedding      real[] not null,
    created_at     timestamptz not null,
    primary key (item_id, embedding_name)
);
