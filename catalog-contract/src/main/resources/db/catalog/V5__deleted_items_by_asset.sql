-- The purge of a force-deleted asset with cascade=true finds the deleted items that referenced it. items_by_asset
-- covers live items only; this covers the deleted ones, which stay few: their purge removes them.
create index items_deleted_by_asset on items (asset_id) where status = 'deleted';
