-- The cache's copy of Lethe's datasets it served: the dataset as Lethe answered it and its items. A row is hidden
-- while its dataset's deletion may still be undone, and erased when Lethe's purge begins.
create table cache.datasets (
  id uuid primary key,
  body jsonb not null,
  hidden boolean not null default false,
  fetched_at timestamptz not null default now()
);

create table cache.dataset_items (
  dataset_id uuid not null references cache.datasets (id) on delete cascade,
  item_id uuid not null,
  body jsonb not null,
  primary key (dataset_id, item_id)
);
