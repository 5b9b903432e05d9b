-- The content a deletion has to find and destroy: assets, items (an asset in a dataset), entities and their links,
-- share links, and the object writes in flight. Vectors live in schema "vectors", owned by the VectorIndex.

create table assets (
    id           uuid primary key,
    org_id       uuid not null references orgs (id),
    filename     text not null,
    content_type text not null,
    asset_type   text not null check (asset_type in ('image', 'video', 'audio', 'document')),
    size_bytes   bigint,
    -- hex SHA-256 of the bytes; for multipart uploads a composite over the parts' digests (see README)
    checksum     text,
    object_key   text not null,
    -- set when the asset was uploaded into a dataset (POST .../items with a file): the dataset's purge takes it along
    owner_dataset_id uuid,
    metadata     jsonb not null default '{}',
    status       text not null check (status in ('uploading', 'ready', 'deleted')),
    created_at   timestamptz not null,
    created_by   text not null,
    updated_at   timestamptz not null,
    updated_by   text not null,
    deleted_at   timestamptz,
    deleted_by   text
);
create index assets_listing on assets (org_id, status, created_at desc, id desc);
create index assets_by_owner_dataset on assets (owner_dataset_id) where owner_dataset_id is not null;

-- A multipart upload of an asset's binary that is under way: the S3 upload id, so that an abandoned upload can be
-- found and aborted later.
create table asset_uploads (
    asset_id   uuid primary key references assets (id),
    org_id     uuid not null,
    object_key text not null,
    upload_id  text not null,
    created_at timestamptz not null
);

create table asset_upload_parts (
    asset_id    uuid not null references asset_uploads (asset_id) on delete cascade,
    part_number int not null check (part_number between 1 and 10000),
    etag        text not null,
    size_bytes  bigint not null,
    sha256      text not null,
    primary key (asset_id, part_number)
);

create table items (
    id             uuid primary key,
    org_id         uuid not null references orgs (id),
    dataset_id     uuid not null references datasets (id),
    -- no foreign key: a force-deleted asset leaves its items behind, flagged source_deleted
    asset_id       uuid not null,
    asset_type     text not null,
    status         text not null check (status in ('active', 'deleted')),
    source_deleted boolean not null default false,
    preview_key    text,
    created_at     timestamptz not null,
    created_by     text not null,
    deleted_at     timestamptz,
    deleted_by     text
);
create index items_listing on items (dataset_id, status, created_at desc, id desc);
create index items_by_asset on items (asset_id) where status = 'active';
-- an asset is indexed at most once per dataset
create unique index items_one_per_asset on items (dataset_id, asset_id) where status = 'active';
-- the purge walks a dataset's rows in keyset order
create index items_by_dataset_id on items (dataset_id, id);

create table entities (
    id          uuid primary key,
    org_id      uuid not null references orgs (id),
    name        text not null,
    description text,
    metadata    jsonb not null default '{}',
    created_at  timestamptz not null,
    created_by  text not null
);
create index entities_listing on entities (org_id, created_at desc, id desc);

create table entity_assets (
    entity_id  uuid not null references entities (id) on delete cascade,
    asset_id   uuid not null references assets (id),
    org_id     uuid not null,
    created_at timestamptz not null,
    primary key (entity_id, asset_id)
);
create index entity_assets_by_asset on entity_assets (asset_id);

create table share_links (
    id         uuid primary key,
    org_id     uuid not null references orgs (id),
    dataset_id uuid not null references datasets (id),
    token      text not null unique,
    created_at timestamptz not null,
    created_by text not null,
    expires_at timestamptz,
    revoked_at timestamptz
);
create index share_links_by_dataset on share_links (dataset_id);

-- An object about to be written whose catalog row is not committed yet. Recorded (and committed) before the write and
-- removed in the transaction that commits the row, so a crash in between leaves a record of the orphan to clean up.
create table object_intents (
    object_key text primary key,
    org_id     uuid not null,
    created_at timestamptz not null
);
