#!/usr/bin/env bash
# Makes sure the pgvector extension can be created in the local PostgreSQL. When it cannot, builds
# pgvector from the Debian source package of the newer release (trixie), fetched from the mirror this
# machine's apt sources already use, and installs it. Idempotent; returns at once when already installed.
set -euo pipefail
host=${LETHE_DB_HOST:-127.0.0.1}
port=${LETHE_DB_PORT:-5432}
user=${LETHE_DB_USER:-postgres}
psql_q() { psql -X -q -h "$host" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 "$@"; }

extension_available() {
  [ "$(psql_q -tAc "select count(*) from pg_available_extensions where name = 'vector'")" = "1" ]
}

if extension_available; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-pgvector: pgvector is missing and building it needs root (apt-get, make install)" >&2
  exit 1
fi

server_version=$(psql_q -tAc "show server_version_num")
pg_major=$((server_version / 10000))
pg_config=/usr/lib/postgresql/$pg_major/bin/pg_config

# The mirror comes from the machine's own apt configuration: deb822 sources first, then sources.list.
mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n 1 || true)
if [ -z "$mirror" ]; then
  mirror=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v -- '-security' | awk '{for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' | head -n 1 || true)
fi
if [ -z "$mirror" ]; then
  echo "ensure-pgvector: no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$work/src.list"
apt_src=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList="$work/src.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$work/lists")

echo "ensure-pgvector: building pgvector for PostgreSQL $pg_major (source from trixie)" >&2
before=$(dpkg-query -W -f='${Version}' "postgresql-$pg_major" 2>/dev/null || true)
export DEBIAN_FRONTEND=noninteractive
apt-get -qq update >/dev/null
apt-get -qq install -y --no-install-recommends build-essential dpkg-dev "postgresql-server-dev-$pg_major" >/dev/null
apt-get -qq "${apt_src[@]}" update >/dev/null
(cd "$work" && apt-get -qq "${apt_src[@]}" source --download-only pgvector >/dev/null)
(cd "$work" && dpkg-source -x pgvector_*.dsc src >/dev/null)
make -s -C "$work/src" PG_CONFIG="$pg_config" OPTFLAGS="" >/dev/null
make -s -C "$work/src" PG_CONFIG="$pg_config" OPTFLAGS="" install >/dev/null

# Installing the server headers can upgrade the server package; the running server keeps the old
# binary until restarted, and may then refuse the freshly built module.
after=$(dpkg-query -W -f='${Version}' "postgresql-$pg_major" 2>/dev/null || true)
if [ "$before" != "$after" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure-pgvector: PostgreSQL package changed ($before -> $after); restarting the cluster" >&2
  pg_ctlcluster --skip-systemctl-redirect "$pg_major" main restart
  "$(dirname "$0")/ensure-postgres.sh"
fi

psql_q -c "create database lethe_pgvector_check" >/dev/null
if psql -X -q -h "$host" -p "$port" -U "$user" -d lethe_pgvector_check -v ON_ERROR_STOP=1 \
     -c "create extension vector" -c "select '[1,2,3]'::vector <-> '[1,2,4]'::vector" >/dev/null; then
  psql_q -c "drop database lethe_pgvector_check" >/dev/null
  echo "ensure-pgvector: pgvector installed" >&2
else
  psql_q -c "drop database lethe_pgvector_check" >/dev/null
  echo "ensure-pgvector: pgvector was built but CREATE EXTENSION vector fails" >&2
  exit 1
fi
