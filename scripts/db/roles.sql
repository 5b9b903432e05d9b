-- Lethe's database roles, for the whole PostgreSQL cluster. Run as a superuser; safe to run again.
--   lethe_command  the command service: owns schema catalog and runs its migrations
--   lethe_worker   the purge worker: owns schema purge and runs its migrations; on the catalog it has only the
--                  grants of the catalog contract (catalog-contract/src/main/resources/db/catalog/afterMigrate.sql)
--   lethe_vectors  no login: owns schema vectors; both services are members (the command service writes and
--                  searches vectors, the worker deletes them and vacuums and rebuilds their indexes)
--   metadata_cache the example downstream consumer (examples/metadata-cache): owns schema cache and nothing of
--                  Lethe's; what it copies it reads through Lethe's API
-- Passwords are not set here: a loopback development server trusts local connections; elsewhere set them with
-- ALTER ROLE ... PASSWORD (docker-compose does, from its .env).
do $$
begin
  if not exists (select from pg_roles where rolname = 'lethe_vectors') then
    create role lethe_vectors nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'lethe_command') then
    create role lethe_command login;
  end if;
  if not exists (select from pg_roles where rolname = 'lethe_worker') then
    create role lethe_worker login;
  end if;
  if not exists (select from pg_roles where rolname = 'metadata_cache') then
    create role metadata_cache login;
  end if;
  if not pg_has_role('lethe_command', 'lethe_vectors', 'member') then
    grant lethe_vectors to lethe_command;
  end if;
  if not pg_has_role('lethe_worker', 'lethe_vectors', 'member') then
    grant lethe_vectors to lethe_worker;
  end if;
end
$$;
