#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on $LETHE_DB_HOST:$LETHE_DB_PORT (default 127.0.0.1:5432),
# starting the installed cluster if it is stopped. On a Debian machine without PostgreSQL (and as root), installs
# it from Debian's packages first, with trust authentication for loopback connections only (a development
# machine's convention: user postgres, no password, 127.0.0.1). Idempotent.
set -euo pipefail
host=${LETHE_DB_HOST:-127.0.0.1}
port=${LETHE_DB_PORT:-5432}
user=${LETHE_DB_USER:-postgres}

if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
  exit 0
fi
if ! { command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ]; }; then
  if [ "$host" != "127.0.0.1" ] && [ "$host" != "localhost" ]; then
    echo "ensure-postgres: PostgreSQL does not answer on $host:$port" >&2
    exit 1
  fi
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgres: PostgreSQL is not installed; install it (Debian: apt-get install postgresql) or set LETHE_DB_HOST" >&2
    exit 1
  fi
  echo "ensure-postgres: installing PostgreSQL from Debian's packages" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql postgresql-contrib >/dev/null
  for version in $(ls /etc/postgresql); do
    hba=/etc/postgresql/$version/main/pg_hba.conf
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      # loopback only, first match wins: the rest of the file keeps its stricter rules
      sed -i '1i host all all ::1/128 trust' "$hba"
      sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    fi
    sed -i "s/^#\?port = .*/port = $port/" "/etc/postgresql/$version/main/postgresql.conf"
  done
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
