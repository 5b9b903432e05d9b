-- Who deleted an asset and when, kept after the purge removes the asset's row: the asset's deletion status answers
-- from it between the moment the worker deletes the row and the moment the worker's job snapshot arrives
-- (lethe.purge-events), and afterwards if that snapshot is late. The command service's own; the worker has no grant.
create table asset_deletions (
    asset_id   uuid primary key,
    org_id     uuid not null,
    deleted_at timestamptz not null,
    deleted_by text not null
);

insert into asset_deletions (asset_id, org_id, deleted_at, deleted_by)
select id, org_id, coalesce(deleted_at, updated_at), coalesce(deleted_by, updated_by)
  from assets
 where status = 'deleted';
