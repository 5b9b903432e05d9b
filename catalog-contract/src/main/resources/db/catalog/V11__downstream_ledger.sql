-- The downstream ledger (README, Downstream consumers): the consumers operators register, the keys that let them
-- acknowledge and nothing else, one ledger row per deletion they are asked about, and their acknowledgements. The
-- command service's own; the worker has no grant (afterMigrate.sql revokes what it does not list).
create table downstream_consumers (
    id                   uuid primary key,
    name                 text not null unique,
    root_types           text[] not null check (cardinality(root_types) > 0
                                                and root_types <@ array['dataset', 'asset', 'samples']),
    ack_deadline_seconds bigint not null check (ack_deadline_seconds > 0),
    required             boolean not null,
    created_at           timestamptz not null default now(),
    created_by           text not null,
    updated_at           timestamptz not null default now(),
    updated_by           text not null,
    retired_at           timestamptz,
    retired_by           text
);

-- A consumer key is bound to its consumer; member and operator keys to none.
alter table api_keys add column consumer_id uuid references downstream_consumers (id);
alter table api_keys drop constraint api_keys_role_check;
alter table api_keys add constraint api_keys_role_check check (role in ('member', 'operator', 'consumer'));
alter table api_keys add constraint api_keys_consumer_bound check ((role = 'consumer') = (consumer_id is not null));

-- One row per deletion asked of the consumers, keyed by the id of the event that requested it. Consumers are asked
-- to erase from purge_started_at (PurgeStarted); the row closes (completed_at, DeletionCompleted) once the purge is
-- done and every required consumer acknowledged, or is cancelled when its dataset is restored.
create table deletion_ledger (
    deletion_id        uuid primary key,
    org_id             uuid not null,
    root_type          text not null check (root_type in ('dataset', 'asset', 'samples')),
    root_id            uuid not null,
    requested_at       timestamptz not null,
    job_id             uuid,
    purge_started_at   timestamptz,
    purge_completed_at timestamptz,
    cancelled_at       timestamptz,
    completed_at       timestamptz,
    completion_event_id uuid
);
create unique index deletion_ledger_open_per_root on deletion_ledger (root_type, root_id)
    where cancelled_at is null and completed_at is null;
create index deletion_ledger_by_root on deletion_ledger (root_type, root_id, requested_at desc);

-- The latest answer of each consumer to each deletion: a failed one can be answered later by deleted.
create table deletion_acks (
    deletion_id    uuid not null references deletion_ledger (deletion_id),
    consumer_id    uuid not null references downstream_consumers (id),
    outcome        text not null check (outcome in ('deleted', 'nothing_held', 'failed')),
    detail         text,
    items_deleted  bigint check (items_deleted >= 0),
    via            text not null check (via in ('rest', 'kafka')),
    event_id       text,
    first_acked_at timestamptz not null,
    acked_at       timestamptz not null,
    primary key (deletion_id, consumer_id)
);
