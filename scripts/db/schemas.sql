-- Lethe's schemas in the current database, each owned by the role that migrates it (roles.sql first), and the
-- vector extension. Run as a superuser; safe to run again. A database from before the roles has its objects
-- handed to their owners, so an existing .lethe keeps its data.
create extension if not exists vector;
create schema if not exists catalog authorization lethe_command;
create schema if not exists purge authorization lethe_worker;
create schema if not exists vectors authorization lethe_vectors;
-- the example downstream consumer's own schema (examples/metadata-cache)
create schema if not exists cache authorization metadata_cache;
do $$
declare
  owners constant jsonb := '{"catalog": "lethe_command", "purge": "lethe_worker", "vectors": "lethe_vectors"}';
  object record;
begin
  for object in
    select n.nspname as schema, format('%I.%I', n.nspname, c.relname) as name,
           case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('catalog', 'purge', 'vectors') and c.relkind in ('r', 'p', 'v', 'm')
      and c.relowner <> (select oid from pg_roles where rolname = owners ->> n.nspname)
  loop
    -- a table's indexes and serial sequences follow it
    execute format('alter %s %s owner to %I', object.kind, object.name, owners ->> object.schema);
  end loop;
  for object in
    select n.nspname as schema, p.oid::regprocedure::text as name
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('catalog', 'purge', 'vectors')
      and p.proowner <> (select oid from pg_roles where rolname = owners ->> n.nspname)
  loop
    execute format('alter routine %s owner to %I', object.name, owners ->> object.schema);
  end loop;
  for object in select key as schema, value as owner from jsonb_each_text(owners) loop
    execute format('alter schema %I owner to %I', object.schema, object.owner);
  end loop;
end
$$;
