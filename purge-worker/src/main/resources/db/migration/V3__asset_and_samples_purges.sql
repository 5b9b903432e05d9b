-- Asset and samples purges. A dataset purge needs only its root id; these need what their event named besides it.

-- What a job's event named for it to purge, besides its root: for a samples job ('samples', root id = the event id)
-- the dataset, its deleted items and the source assets deleted with them; for an asset job whose deletion cascaded,
-- the asset itself as kind 'referencing_items' (its deleted referencing items go too). Written at intake, in the
-- transaction that records the event; the fence checks each target against the catalog before it fixes prefixes.
create table job_targets (
    job_id    uuid not null references jobs (id),
    kind      text not null check (kind in ('dataset', 'item', 'asset', 'referencing_items')),
    target_id uuid not null,
    primary key (job_id, kind, target_id)
);

-- A prefix may be an item's (orgs/{org}/datasets/{dataset}/items/{item}/): the vectors and rows steps of asset and
-- samples purges walk the items of their job by these, as they walk assets by asset_id.
alter table job_prefixes add column item_id uuid;
create index job_prefixes_items on job_prefixes (job_id, item_id) where item_id is not null;
create index job_prefixes_assets on job_prefixes (job_id, asset_id) where asset_id is not null;
