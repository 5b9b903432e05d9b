-- Per-org quotas (README, Quotas): an org without a row here has the service's defaults (lethe.quotas.*); a row
-- overrides the limits it sets, a null column keeps the default. Set by operators in SQL. The command service's
-- own; the worker has no grant.
create table org_quotas (
    org_id              uuid primary key references orgs (id),
    assets              bigint check (assets >= 0),
    bytes               bigint check (bytes >= 0),
    uploads_in_progress bigint check (uploads_in_progress >= 0),
    share_links         bigint check (share_links >= 0)
);

-- What a quota check counts, under the org's lock, on every upload and share link: index-only where it can be.
create index assets_live_usage on assets (org_id) include (size_bytes) where status <> 'deleted';
create index asset_uploads_by_org on asset_uploads (org_id);
create index share_links_open_by_org on share_links (org_id) include (expires_at) where revoked_at is null;
