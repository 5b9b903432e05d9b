-- The purge worker's sweeps look every run for deleted assets and items that no purge job covers (their events were
-- lost): these keep that look to the few deleted rows instead of a scan of every asset and item.
create index assets_deleted on assets (deleted_at) where status = 'deleted';
create index items_deleted on items (deleted_at) where status = 'deleted';
