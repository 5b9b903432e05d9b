-- The catalog: tenants, their API keys and their datasets. Owned by the command service.
create table orgs (
    id         uuid primary key,
    name       text not null unique,
    created_at timestamptz not null default now()
);

create table api_keys (
    id          uuid primary key,
    org_id      uuid not null references orgs (id),
    name        text not null,
    role        text not null check (role in ('member', 'operator')),
    -- SHA-256 of the key's random secret; the secret itself is never stored.
    secret_hash bytea not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);
create index api_keys_org on api_keys (org_id);

create table datasets (
    id                                 uuid primary key,
    org_id                             uuid not null references orgs (id),
    name                               text not null,
    description                        text,
    encoder_name                       text not null,
    allowed_asset_types                text[] not null,
    keyframe_sampling_method           text not null check (keyframe_sampling_method in ('intelligent', 'uniform')),
    keyframe_uniform_fps_sampling_rate double precision,
    store_original                     boolean not null,
    store_preview                      boolean not null,
    metadata_fields_to_index           text[],
    metadata_fields_to_embed           text[],
    dataset_config                     jsonb,
    status                             text not null check (status in ('active', 'pending_deletion', 'purging', 'purged')),
    created_dt                         timestamptz not null,
    created_by                         text not null,
    updated_dt                         timestamptz,
    updated_by                         text,
    deleted_dt                         timestamptz,
    deleted_by                         text,
    expires_at                         timestamptz
);
-- A name is unique per org among live datasets; deleted ones keep theirs until restored or purged.
create unique index datasets_live_name on datasets (org_id, name) where status = 'active';
create index datasets_listing on datasets (org_id, status, created_dt desc, id desc);
create index datasets_expiring on datasets (expires_at) where status = 'pending_deletion';
