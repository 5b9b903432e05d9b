-- The purge worker's grants on the catalog: exactly what the catalog contract (io.lethe.catalog.contract) runs,
-- and nothing else. Flyway runs this after every migration of the catalog, as its owner, so a table added later
-- is never open to the worker by accident and a changed contract takes effect together with its migration.
-- Where the role does not exist (a database set up without scripts/db/roles.sql), there is nothing to grant.
do $$
begin
  if not exists (select from pg_roles where rolname = 'lethe_worker') then
    return;
  end if;
  revoke all on all tables in schema catalog from lethe_worker;
  revoke all on all sequences in schema catalog from lethe_worker;
  grant usage on schema catalog to lethe_worker;
  -- reads: what a purge fences, finds and verifies, what the sweeps and the reconciler compare with the stores
  grant select on catalog.datasets, catalog.assets, catalog.items, catalog.entity_assets, catalog.object_intents,
    catalog.asset_uploads, catalog.asset_upload_parts, catalog.share_links to lethe_worker;
  -- the fence (status), the tombstone (the dataset's descriptive columns) and FOR UPDATE locks on datasets
  grant update (status, name, description, dataset_config, metadata_fields_to_index, metadata_fields_to_embed)
    on catalog.datasets to lethe_worker;
  -- an asset a live item elsewhere still uses is released by its owner's purge, not deleted
  grant update (owner_dataset_id, updated_at, updated_by) on catalog.assets to lethe_worker;
  -- the rows of what was purged
  grant delete on catalog.items, catalog.assets, catalog.entity_assets, catalog.object_intents,
    catalog.asset_uploads, catalog.asset_upload_parts, catalog.share_links to lethe_worker;
  -- the worker's own audit entries (purge steps, reconcile fixes)
  grant insert on catalog.audit to lethe_worker;
  grant usage on sequence catalog.audit_id_seq to lethe_worker;
end
$$;
