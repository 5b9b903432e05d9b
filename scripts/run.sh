#!/usr/bin/env bash
# Starts Lethe locally: devstack (Kafka KRaft + S3Mock), the command service and the purge worker, and the example
# downstream consumer examples/metadata-cache, registered as a required consumer of dataset deletions.
# Data persists under .lethe/ between runs. Writes .lethe/stack.env for curl, awscli, kcat and psql.
# Ctrl-C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

export LETHE_HOME=${LETHE_HOME:-$root/.lethe}
export LETHE_COMMAND_PORT=${LETHE_COMMAND_PORT:-8080}
export LETHE_WORKER_PORT=${LETHE_WORKER_PORT:-8081}
# health, metrics and Prometheus: each service's own management port, on loopback
export LETHE_COMMAND_MANAGEMENT_PORT=${LETHE_COMMAND_MANAGEMENT_PORT:-8082}
export LETHE_WORKER_MANAGEMENT_PORT=${LETHE_WORKER_MANAGEMENT_PORT:-8083}
# the example downstream consumer (its health on the same port)
export METADATA_CACHE_PORT=${METADATA_CACHE_PORT:-8084}
export LETHE_KAFKA_PORT=${LETHE_KAFKA_PORT:-9092}
export LETHE_S3_PORT=${LETHE_S3_PORT:-9090}
export LETHE_S3_BUCKET=${LETHE_S3_BUCKET:-lethe}
export LETHE_DB_HOST=${LETHE_DB_HOST:-127.0.0.1}
export LETHE_DB_PORT=${LETHE_DB_PORT:-5432}
export LETHE_DB_USER=${LETHE_DB_USER:-postgres}
export LETHE_DB_NAME=${LETHE_DB_NAME:-lethe}
# The worker looks for due purges every few seconds here instead of twice a day, so a local delete with grace 0
# is purged while you watch; set LETHE_PURGE_INTERVAL= (empty) to use the production cron.
export LETHE_PURGE_INTERVAL=${LETHE_PURGE_INTERVAL-PT5S}
# the dev profile gives the local S3 server's credentials and a development receipt key; outside it, neither has a
# default (README, Security)
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-dev}
# Kafka is PLAINTEXT on loopback: any local process may read and write every topic. LETHE_KAFKA_SECURITY=sasl starts
# it with SASL/SCRAM and ACLs instead, as compose runs it (its own log under .lethe/kafka-sasl; README Security).
export LETHE_KAFKA_SECURITY=${LETHE_KAFKA_SECURITY:-plaintext}
export LETHE_JDBC_URL=${LETHE_JDBC_URL:-jdbc:postgresql://$LETHE_DB_HOST:$LETHE_DB_PORT/$LETHE_DB_NAME}
# Events are Avro single-object encoded unless a schema registry is named (README, Events): LETHE_SCHEMA_REGISTRY=local
# starts one here (Apicurio Registry, built once per machine, its data under .lethe/schema-registry), and
# LETHE_SCHEMA_REGISTRY_URL names your own (its Confluent-compatible API); either way both services write the
# Confluent wire format and read both.
LETHE_SCHEMA_REGISTRY=${LETHE_SCHEMA_REGISTRY:-}
export LETHE_SCHEMA_REGISTRY_PORT=${LETHE_SCHEMA_REGISTRY_PORT:-8085}
if [ -n "${LETHE_SCHEMA_REGISTRY_URL:-}" ]; then
  LETHE_SCHEMA_REGISTRY=url
elif [ -n "$LETHE_SCHEMA_REGISTRY" ] && [ "$LETHE_SCHEMA_REGISTRY" != local ]; then
  echo "make run: LETHE_SCHEMA_REGISTRY is local or unset; for your own registry set LETHE_SCHEMA_REGISTRY_URL" >&2
  exit 1
fi
logs=$LETHE_HOME/logs
mkdir -p "$logs"

ports=("$LETHE_COMMAND_PORT" "$LETHE_WORKER_PORT" "$LETHE_COMMAND_MANAGEMENT_PORT" "$LETHE_WORKER_MANAGEMENT_PORT" "$METADATA_CACHE_PORT" "$LETHE_KAFKA_PORT" "$((LETHE_KAFKA_PORT + 1))" "$LETHE_S3_PORT")
if [ "$LETHE_SCHEMA_REGISTRY" = local ]; then ports+=("$LETHE_SCHEMA_REGISTRY_PORT"); fi
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "make run: port $port is already in use (is Lethe already running?)" >&2
    exit 1
  fi
done

if [ -z "$(psql -X -h "$LETHE_DB_HOST" -p "$LETHE_DB_PORT" -U "$LETHE_DB_USER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$LETHE_DB_NAME'")" ]; then
  psql -X -q -h "$LETHE_DB_HOST" -p "$LETHE_DB_PORT" -U "$LETHE_DB_USER" -d postgres -c "create database $LETHE_DB_NAME"
fi
# Each service connects as its own role (scripts/db/roles.sql), owning only its own schema; LETHE_DB_USER (the
# superuser) is for this set-up and for your psql only.
psql -X -q -h "$LETHE_DB_HOST" -p "$LETHE_DB_PORT" -U "$LETHE_DB_USER" -d "$LETHE_DB_NAME" -v ON_ERROR_STOP=1 \
  -c "set client_min_messages = warning" -f scripts/db/roles.sql -f scripts/db/schemas.sql
export LETHE_COMMAND_DB_USER=${LETHE_COMMAND_DB_USER:-lethe_command}
export LETHE_WORKER_DB_USER=${LETHE_WORKER_DB_USER:-lethe_worker}

echo "Building Lethe..."
./mvnw -B -q -DskipTests package
if [ "$LETHE_SCHEMA_REGISTRY" = local ]; then
  registry_jar=$(scripts/ensure-schema-registry.sh)
fi

pids=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "Stopping Lethe..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap stop EXIT INT TERM

wait_for() { # name, check command, log
  local name=$1 check=$2 log=$3
  for _ in $(seq 1 180); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "make run: a process exited while waiting for $name; last lines of $log:" >&2
        tail -n 30 "$log" >&2
        exit 1
      fi
    done
    sleep 1
  done
  echo "make run: $name did not become ready; see $log" >&2
  exit 1
}

rm -f "$LETHE_HOME/devstack.env"
java -Dlethe.s3mock.jar="$root/devstack/target/s3mock/s3mock.jar" -jar devstack/target/devstack-*-exec.jar \
  >"$logs/devstack.log" 2>&1 &
pids+=($!)
wait_for "devstack (Kafka, S3)" "test -s '$LETHE_HOME/devstack.env'" "$logs/devstack.log"
set -a; source "$LETHE_HOME/devstack.env"; set +a

if [ "$LETHE_SCHEMA_REGISTRY" = local ]; then
  # on disk: an in-memory registry forgets every id on restart, and the records already written could not be read
  mkdir -p "$LETHE_HOME/schema-registry"
  REGISTRY_DATASOURCE_URL="jdbc:h2:file:$LETHE_HOME/schema-registry/registry;DB_CLOSE_ON_EXIT=FALSE" \
    java -Xmx128m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$LETHE_SCHEMA_REGISTRY_PORT" -jar "$registry_jar" \
    >"$logs/schema-registry.log" 2>&1 &
  pids+=($!)
  wait_for "schema registry" "curl -sf http://127.0.0.1:$LETHE_SCHEMA_REGISTRY_PORT/health/ready" "$logs/schema-registry.log"
  export LETHE_SCHEMA_REGISTRY_URL=http://127.0.0.1:$LETHE_SCHEMA_REGISTRY_PORT/apis/ccompat/v7
fi

export LETHE_S3_ACCESS_KEY=${LETHE_S3_ACCESS_KEY:-lethe} LETHE_S3_SECRET_KEY=${LETHE_S3_SECRET_KEY:-lethe-secret}
# health details (each dependency's error text) only with this token; a new one each run, in stack.env
export LETHE_MANAGEMENT_TOKEN=${LETHE_MANAGEMENT_TOKEN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
# with LETHE_KAFKA_SECURITY=sasl, devstack.env set LETHE_KAFKA_SECURITY_PROTOCOL and each user's password; each
# service logs in as its own user (empty and unused on PLAINTEXT)
LETHE_KAFKA_USERNAME=lethe-command LETHE_KAFKA_PASSWORD=${LETHE_KAFKA_COMMAND_PASSWORD:-} \
  java -jar command-service/target/command-service-*[0-9T].jar --lethe.demo.keys-file="$LETHE_HOME/demo-keys.env" \
  >"$logs/command-service.log" 2>&1 &
pids+=($!)
LETHE_KAFKA_USERNAME=lethe-worker LETHE_KAFKA_PASSWORD=${LETHE_KAFKA_WORKER_PASSWORD:-} \
  java -jar purge-worker/target/purge-worker-*[0-9T].jar >"$logs/purge-worker.log" 2>&1 &
pids+=($!)
wait_for "command-service" "curl -sf http://127.0.0.1:$LETHE_COMMAND_MANAGEMENT_PORT/actuator/health" \
  "$logs/command-service.log"
wait_for "purge-worker" "curl -sf http://127.0.0.1:$LETHE_WORKER_MANAGEMENT_PORT/actuator/health" "$logs/purge-worker.log"
wait_for "demo keys" "test -s '$LETHE_HOME/demo-keys.env'" "$logs/command-service.log"
set -a; source "$LETHE_HOME/demo-keys.env"; set +a

# The metadata cache is a required consumer of dataset deletions, named metadata_cache. Its consumer key is shown
# only when issued, so it is kept in .lethe/metadata-cache.env; a consumer registered before without that file (or
# under another id, after a new database) gets a new key (POST …/consumers/{id}/keys).
api=http://127.0.0.1:$LETHE_COMMAND_PORT
operator="Authorization: Bearer $LETHE_OPERATOR_KEY"
cache_env=$LETHE_HOME/metadata-cache.env
json_field() { python3 -c 'import json,sys; v=json.load(sys.stdin)
for k in sys.argv[1:]: v=v[k]
print(v)' "$@"; }
cache_id=$(curl -sf "$api/api/v1/admin/consumers?limit=100" -H "$operator" | python3 -c 'import json,sys
print(next((c["id"] for c in json.load(sys.stdin)["data"] if c["name"] == "metadata_cache" and not c.get("retired_at")), ""))')
METADATA_CACHE_CONSUMER_ID= METADATA_CACHE_CONSUMER_KEY=
if [ -s "$cache_env" ]; then source "$cache_env"; fi
if [ -z "$cache_id" ]; then
  registered=$(curl -sf -X POST "$api/api/v1/admin/consumers" -H "$operator" -H 'Content-Type: application/json' \
    -d '{"name": "metadata_cache", "root_types": ["dataset"], "ack_deadline": "PT1H", "required": true}') || {
    echo "make run: could not register the metadata cache as a consumer (is a retired metadata_cache in the way?)" >&2
    exit 1
  }
  METADATA_CACHE_CONSUMER_ID=$(json_field consumer id <<<"$registered")
  METADATA_CACHE_CONSUMER_KEY=$(json_field key key <<<"$registered")
elif [ "$cache_id" != "$METADATA_CACHE_CONSUMER_ID" ] || [ -z "$METADATA_CACHE_CONSUMER_KEY" ]; then
  METADATA_CACHE_CONSUMER_ID=$cache_id
  METADATA_CACHE_CONSUMER_KEY=$(curl -sf -X POST "$api/api/v1/admin/consumers/$cache_id/keys" -H "$operator" \
    | json_field key)
fi
: >"$cache_env"
chmod 600 "$cache_env"
printf 'METADATA_CACHE_CONSUMER_ID=%s\nMETADATA_CACHE_CONSUMER_KEY=%s\n' "$METADATA_CACHE_CONSUMER_ID" \
  "$METADATA_CACHE_CONSUMER_KEY" >"$cache_env"
# it reads datasets as org A (a member key) and acknowledges over REST with its consumer key; with SASL it logs in to
# Kafka as the downstream consumers' user
METADATA_CACHE_LETHE_KEY=$LETHE_ORG_A_KEY METADATA_CACHE_CONSUMER_KEY=$METADATA_CACHE_CONSUMER_KEY \
  METADATA_CACHE_ACK=rest LETHE_API=$api METADATA_CACHE_DB_USER=${METADATA_CACHE_DB_USER:-metadata_cache} \
  LETHE_KAFKA_USERNAME=lethe-consumer LETHE_KAFKA_PASSWORD=${LETHE_KAFKA_CONSUMER_PASSWORD:-} \
  java -jar examples/metadata-cache/target/metadata-cache-*[0-9T].jar >"$logs/metadata-cache.log" 2>&1 &
pids+=($!)
wait_for "metadata-cache" "curl -sf http://127.0.0.1:$METADATA_CACHE_PORT/actuator/health" "$logs/metadata-cache.log"

# it holds keys: readable by you alone (an existing file keeps its mode, so set it too)
: >"$LETHE_HOME/stack.env"
chmod 600 "$LETHE_HOME/stack.env"
cat >"$LETHE_HOME/stack.env" <<ENV
LETHE_API=http://127.0.0.1:$LETHE_COMMAND_PORT
LETHE_WORKER=http://127.0.0.1:$LETHE_WORKER_PORT
LETHE_COMMAND_MANAGEMENT=http://127.0.0.1:$LETHE_COMMAND_MANAGEMENT_PORT
LETHE_WORKER_MANAGEMENT=http://127.0.0.1:$LETHE_WORKER_MANAGEMENT_PORT
METADATA_CACHE=http://127.0.0.1:$METADATA_CACHE_PORT
LETHE_MANAGEMENT_TOKEN=$LETHE_MANAGEMENT_TOKEN
LETHE_ORG_A_ID=$LETHE_ORG_A_ID
LETHE_ORG_A_KEY=$LETHE_ORG_A_KEY
LETHE_ORG_B_ID=$LETHE_ORG_B_ID
LETHE_ORG_B_KEY=$LETHE_ORG_B_KEY
LETHE_OPERATOR_KEY=$LETHE_OPERATOR_KEY
LETHE_S3_ENDPOINT=$LETHE_S3_ENDPOINT
LETHE_S3_BUCKET=$LETHE_S3_BUCKET
LETHE_KAFKA_BOOTSTRAP=$LETHE_KAFKA_BOOTSTRAP
LETHE_DB_URL=postgresql://$LETHE_DB_USER@$LETHE_DB_HOST:$LETHE_DB_PORT/$LETHE_DB_NAME
AWS_ACCESS_KEY_ID=$LETHE_S3_ACCESS_KEY
AWS_SECRET_ACCESS_KEY=$LETHE_S3_SECRET_KEY
AWS_DEFAULT_REGION=us-east-1
ENV
events_note="Avro single-object encoding (no schema registry)"
if [ -n "${LETHE_SCHEMA_REGISTRY_URL:-}" ]; then
  # the registry's Confluent-compatible API: kcat -s value=avro -r "$LETHE_SCHEMA_REGISTRY_URL" (README, Events)
  echo "LETHE_SCHEMA_REGISTRY_URL=$LETHE_SCHEMA_REGISTRY_URL" >>"$LETHE_HOME/stack.env"
  events_note="Confluent wire format, schema registry $LETHE_SCHEMA_REGISTRY_URL"
fi
kafka_note="PLAINTEXT on loopback, no login"
if [ -n "${LETHE_KAFKA_SECURITY_PROTOCOL:-}" ]; then
  # the user of downstream consumers: reads lethe.deletions in groups named lethe-consumer*, writes lethe.deletion-acks
  cat >>"$LETHE_HOME/stack.env" <<ENV
LETHE_KAFKA_SECURITY_PROTOCOL=$LETHE_KAFKA_SECURITY_PROTOCOL
LETHE_KAFKA_CONSUMER_USER=lethe-consumer
LETHE_KAFKA_CONSUMER_PASSWORD=$LETHE_KAFKA_CONSUMER_PASSWORD
ENV
  kafka_note="SASL/SCRAM-SHA-512 with ACLs; consumer user lethe-consumer in .lethe/stack.env"
fi

cat <<BANNER

Lethe is running.
  command service  http://127.0.0.1:$LETHE_COMMAND_PORT   (OpenAPI: /v3/api-docs)
  operator console http://127.0.0.1:$LETHE_COMMAND_PORT/console/   (sign in with the operator key below)
  purge worker     http://127.0.0.1:$LETHE_WORKER_PORT
  metadata cache   http://127.0.0.1:$METADATA_CACHE_PORT/cache/datasets/{id}   (the example downstream consumer;
                   a required consumer of dataset deletions, named metadata_cache)
  health, metrics  http://127.0.0.1:$LETHE_COMMAND_MANAGEMENT_PORT/actuator, http://127.0.0.1:$LETHE_WORKER_MANAGEMENT_PORT/actuator
                   (health details with Authorization: Bearer \$LETHE_MANAGEMENT_TOKEN)
  Kafka            $LETHE_KAFKA_BOOTSTRAP  ($kafka_note)
  events           $events_note
  S3               $LETHE_S3_ENDPOINT  (bucket $LETHE_S3_BUCKET)
  PostgreSQL       postgresql://$LETHE_DB_USER@$LETHE_DB_HOST:$LETHE_DB_PORT/$LETHE_DB_NAME
                   (the services connect as $LETHE_COMMAND_DB_USER and $LETHE_WORKER_DB_USER, the cache as metadata_cache)
  logs             $logs/

Demo keys (also in .lethe/stack.env):
  org A  $LETHE_ORG_A_ID  member key   $LETHE_ORG_A_KEY
  org B  $LETHE_ORG_B_ID  member key   $LETHE_ORG_B_KEY
  operator key  $LETHE_OPERATOR_KEY

Try it:
  source .lethe/stack.env
  curl -s -X POST \$LETHE_API/api/v1/datasets -H "Authorization: Bearer \$LETHE_ORG_A_KEY" \\
       -H 'Content-Type: application/json' -d '{"name": "my_first_dataset"}'

Guided demo (create, upload, embed, search, delete, purge, receipt): scripts/demo

Press Ctrl-C to stop.
BANNER

wait -n "${pids[@]}" || true
echo "make run: a component stopped; see $logs/" >&2
