#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on $LETHE_DB_HOST:$LETHE_DB_PORT (default 127.0.0.1:5432),
# starting the installed cluster if it is stopped. Idempotent.
set -euo pipefail
host=${LETHE_DB_HOST:-127.0.0.1}
port=${LETHE_DB_PORT:-5432}
user=${LETHE_DB_USER:-postgres}

if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    echo "ensure-postgres: starting PostgreSQL $version cluster main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
fi
for _ in $(seq 1 30); do
  pg_isready -q -h "$host" -p "$port" -U "$user" 2>/dev/null && exit 0
  sleep 1
done
echo "ensure-postgres: PostgreSQL does not answer on $host:$port; start it or set LETHE_DB_HOST/LETHE_DB_PORT" >&2
exit 1
