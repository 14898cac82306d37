#!/usr/bin/env bash
# Runs Todo AI as Dapr apps on one machine, without Kubernetes and without the dapr CLI: a Kafka
# broker, PostgreSQL, the Dapr scheduler (Jobs API) and the four roles, each with its own daprd
# sidecar, everything listening on 127.0.0.1 only. Ctrl-C (or SIGTERM) stops all of it.
#
#   scripts/run-dapr-local.sh            # from anywhere; builds the jar when it is missing
#
# Uses the shipped files as they are: dapr/local/components (pub/sub on localhost:9092, secret
# store dapr/local/secrets.json, resiliency) and dapr/local/config.yaml; every process runs in the
# repository root, which the secret store's relative path needs.
# Ports (the same as dapr/local/dapr.yaml):
#   role          app    daprd HTTP  daprd gRPC  internal gRPC  metrics
#   backend       8080   3500        5001        5011           9091
#   notification  8081   3501        5002        5012           9092*
#   recurring     8082   3502        5003        5013           9093
#   audit         8083   3503        5004        5014           9094
#   (* 9092 is the broker's: the notification sidecar's metrics use 9095)
#   scheduler 5006 (etcd 5007/5008, health 5009, metrics 9096), Kafka 9092 (controller 9093
#   is taken by a sidecar's metrics, so the controller uses 9099), PostgreSQL 5432.
# Every fixed port is below 32768, outside Linux's ephemeral range (32768-60999): a port in that
# range can be held at any moment by some process's outgoing connection, and the listener that
# wants it then fails to start ("bind: address already in use"). The script checks the ports are
# free before it starts anything and names what holds one that is not.
# A broker or PostgreSQL already answering on 9092/5432 is used as it is (PostgreSQL must have
# user, password and database "todo", as in dapr/local/secrets.json); otherwise they are started
# here, with their data under TODO_LOCAL_DIR (default ~/.cache/todo-ai/dapr-local; delete it to
# start from zero); PostgreSQL's under TODO_LOCAL_PG_DIR (default: TODO_LOCAL_DIR/postgresql, or
# /var/lib/todo-ai-dapr-local/postgresql when run as root, since PostgreSQL runs as its own user).
# Env: TODO_LOCAL_DIR, TODO_LOCAL_PG_DIR, DAPRD (a daprd binary; default: scripts/dapr-runtime.sh builds one),
#      TODO_LOCAL_READY_TIMEOUT (seconds per role, default 420)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
dir="${TODO_LOCAL_DIR:-${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}/dapr-local}"
logs="$dir/logs"
mkdir -p "$logs"
APP_TOKEN="local-development-only-app-token"
pids=()
names=()

say() { echo "run-dapr-local: $*"; }
die() { say "$*" >&2; exit 1; }

stop_all() {
  trap - INT TERM EXIT
  [ -z "${stopping:-}" ] || return 0
  stopping=1
  # nothing started yet (a missing prerequisite, a taken port): nothing to stop
  [ ${#pids[@]} -gt 0 ] || [ -n "${pg_started:-}" ] || return 0
  say "stopping"
  local i
  # apps first (they drain through their sidecars), then sidecars, scheduler, broker, database
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    local n=0
    while kill -0 "${pids[$i]}" 2>/dev/null && [ $n -lt 60 ]; do sleep 0.25; n=$((n + 1)); done
    kill -KILL "${pids[$i]}" 2>/dev/null || true
  done
  if [ -n "${pg_started:-}" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  say "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# start NAME COMMAND... (in the repository root; output to $logs/NAME.log)
start() {
  local name=$1; shift
  "$@" > "$logs/$name.log" 2>&1 < /dev/null &
  pids+=($!)
  names+=("$name")
}

# died NAME: a process ended before it should have; its log's last lines go to stderr, so that
# the reason shows where the script was started (a terminal, a CI log)
died() {
  say "$1 exited; the end of $logs/$1.log:" >&2
  tail -n 20 "$logs/$1.log" 2>/dev/null | sed 's/^/  | /' >&2 || true
  exit 1
}

# free_ports PORT...: each is held by no socket (listening or connected; TIME-WAIT does not
# count, a listener binds over it), or the start ends here, naming the holder
free_ports() {
  command -v ss >/dev/null 2>&1 || return 0
  local port held
  for port in "$@"; do
    held=$(ss -Htanp exclude time-wait "( sport = :$port )" 2>/dev/null \
      | awk '{print $1, $4, $NF}' | head -3 | paste -sd ';')
    [ -z "$held" ] || die "port $port is in use (state, address, process): $held"
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_until() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || die "$what not ready after $seconds s (logs: $logs)"
    for i in "${!pids[@]}"; do
      kill -0 "${pids[$i]}" 2>/dev/null || died "${names[$i]}"
    done
    sleep 1
  done
}

# ---- the ports: free before anything starts (the scheduler's, then each role's: app, daprd
# HTTP, gRPC, internal gRPC, metrics) ---------------------------------------------------------
free_ports 5006 5007 5008 5009 9096 8080 8081 8082 8083 3500 3501 3502 3503 5001 5002 5003 5004 \
  5011 5012 5013 5014 9091 9093 9094 9095

# ---- prerequisites ---------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || die "java (17+) is needed"
jar="$repo/bootstrap/target/todo-ai.jar"
if [ ! -f "$jar" ]; then
  say "building the jar (mvn -pl bootstrap -am package -DskipTests)"
  mvn -B -ntp -pl bootstrap -am package -DskipTests -Dspotless.check.skip=true > "$logs/build.log" 2>&1 \
    || die "the build failed; see $logs/build.log"
fi
daprd="${DAPRD:-}"
if [ -z "$daprd" ]; then
  if command -v daprd >/dev/null 2>&1; then daprd=$(command -v daprd); else
    bin=$(bash scripts/dapr-runtime.sh); daprd="$bin/daprd"; fi
fi
scheduler="$(dirname "$daprd")/scheduler"
[ -x "$scheduler" ] || scheduler=$(bash scripts/dapr-runtime.sh)/scheduler

# ---- PostgreSQL --------------------------------------------------------------------------------
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if port_open 5432; then
  say "using the PostgreSQL already listening on 127.0.0.1:5432"
else
  pg_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 | xargs -r dirname)
  [ -n "$pg_bin" ] || die "no PostgreSQL on 5432 and none installed (apt-get install postgresql)"
  # PostgreSQL refuses to run as root, and as root the data directory must be somewhere its own
  # user can reach (not under root's home)
  if [ "$(id -u)" -eq 0 ]; then
    pg_dir="${TODO_LOCAL_PG_DIR:-/var/lib/todo-ai-dapr-local/postgresql}"
  else
    pg_dir="${TODO_LOCAL_PG_DIR:-$dir/postgresql}"
  fi
  if [ ! -s "$pg_dir/data/PG_VERSION" ]; then
    say "creating a PostgreSQL data directory in $pg_dir"
    mkdir -p "$pg_dir/data" "$pg_dir/socket"
    [ "$(id -u)" -ne 0 ] || chown -R postgres: "$pg_dir"
    chmod 700 "$pg_dir/data"
    pwfile=$(mktemp); echo todo > "$pwfile"; chmod 644 "$pwfile"
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U todo --pwfile="$pwfile" -E UTF8 \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 > "$logs/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; die "initdb failed; see $logs/initdb.log"; }
    rm -f "$pwfile"
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgresql.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=$pg_dir/socket" start >/dev/null \
    || die "PostgreSQL did not start; see $pg_dir/postgresql.log"
  pg_started=1
  PGPASSWORD=todo "$pg_bin/psql" -h 127.0.0.1 -U todo -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='todo'" | grep -q 1 \
    || PGPASSWORD=todo "$pg_bin/createdb" -h 127.0.0.1 -U todo todo
  say "PostgreSQL on 127.0.0.1:5432 (data in $pg_dir)"
fi

# ---- Kafka -------------------------------------------------------------------------------------
topics=(task-events task-events-dlq reminders reminders-dlq task-updates task-updates-dlq)
if port_open 9092; then
  say "using the Kafka broker already listening on 127.0.0.1:9092 (topics are auto-created there, or create: ${topics[*]})"
else
  free_ports 9099
  libs=$(bash scripts/kafka-jars.sh)
  mkdir -p "$dir/kafka"
  cat > "$dir/kafka.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9099
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9099
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/kafka
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  log4j="-Dlog4j2.configurationFile=$repo/scripts/kube/images/kafka/log4j2.properties"
  java $log4j -cp "$libs/*" kafka.tools.StorageTool format --ignore-formatted \
    -t dG9kby1haS1sb2NhbC0wMQ -c "$dir/kafka.properties" > "$logs/kafka-format.log" 2>&1 \
    || die "formatting Kafka's log directory failed; see $logs/kafka-format.log"
  start kafka java -Xms256m -Xmx512m $log4j -cp "$libs/*" kafka.Kafka "$dir/kafka.properties"
  wait_until kafka 300 port_open 9092
  # The topics the roles use, and their dead-letter topics, created up front (a broker with
  # auto-creation off needs them; see docs/deploy.md).
  java $log4j -cp "$libs/*" scripts/kube/images/kafka/CreateTopics.java 127.0.0.1:9092 1 "${topics[@]}" \
    > "$logs/kafka-topics.log" 2>&1 || die "creating the topics failed; see $logs/kafka-topics.log"
  say "Kafka on 127.0.0.1:9092 (data in $dir/kafka); topics: ${topics[*]}"
fi

# ---- the Dapr scheduler ------------------------------------------------------------------------
start scheduler "$scheduler" --listen-address 127.0.0.1 --port 5006 \
  --etcd-data-dir "$dir/scheduler" --etcd-client-listen-address 127.0.0.1 --etcd-client-port 5007 \
  --etcd-initial-cluster "dapr-scheduler-server-0=http://127.0.0.1:5008" \
  --healthz-listen-address 127.0.0.1 --healthz-port 5009 \
  --metrics-listen-address 127.0.0.1 --metrics-port 9096 --log-level warn
wait_until scheduler 180 port_open 5006
say "scheduler on 127.0.0.1:5006"

# ---- the four roles, each with its sidecar ----------------------------------------------------
# the JVM options of every role (scripts/run.sh's without its larger young generation: four JVMs
# share the machine, and the consumer roles serve no request bursts), and the class-data sharing
# archive (ADR 0021; TODO_CDS=0 skips it)
role_jvm=(-XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m)
source scripts/lib/cds.sh
cds_jvm_options "$jar" "${role_jvm[@]}"
roles=(backend notification recurring audit)
app_ids=(todo-backend notification-service recurring-service audit-service)
metrics=(9091 9095 9093 9094)
for i in 0 1 2 3; do
  role=${roles[$i]}
  app_port=$((8080 + i)); http=$((3500 + i)); grpc=$((5001 + i)); internal=$((5011 + i))
  # each sidecar answers its own app only: a fresh API token per role and run, which the app sends
  api_token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  DAPR_API_TOKEN="$api_token" DAPR_HOST_IP=127.0.0.1 APP_API_TOKEN="$APP_TOKEN" \
    start "$role-daprd" "$daprd" \
    --app-id "${app_ids[$i]}" --app-port "$app_port" --app-protocol http \
    --app-channel-address 127.0.0.1 --dapr-listen-addresses 127.0.0.1 \
    --dapr-http-port "$http" --dapr-grpc-port "$grpc" \
    --dapr-internal-grpc-listen-address 127.0.0.1 --dapr-internal-grpc-port "$internal" \
    --metrics-listen-address 127.0.0.1 --metrics-port "${metrics[$i]}" \
    --resources-path dapr/local/components --config dapr/local/config.yaml \
    --scheduler-host-address 127.0.0.1:5006 \
    --enable-app-health-check --app-health-check-path /health/readiness \
    --log-level info
  DAPR_API_TOKEN="$api_token" TODO_ROLE=$role TODO_TRANSPORT=dapr TODO_SECRETS=dapr TODO_PORT=$app_port \
    MICRONAUT_SERVER_HOST=127.0.0.1 DAPR_HTTP_PORT=$http DAPR_GRPC_PORT=$grpc \
    APP_API_TOKEN="$APP_TOKEN" TODO_DATA_DIR="$dir/data-$role" \
    start "$role" java "${role_jvm[@]}" "${CDS_OPTIONS[@]}" -jar "$jar"
done

ready() { curl -sf "http://127.0.0.1:$1/health/readiness" >/dev/null 2>&1; }
for i in 0 1 2 3; do
  wait_until "${roles[$i]}" "${TODO_LOCAL_READY_TIMEOUT:-420}" ready $((8080 + i))
done
say "ready: the API and the web UI on http://127.0.0.1:8080 (logs in $logs); Ctrl-C stops everything"
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  kill -0 "${pids[$i]}" 2>/dev/null && continue
  died "${names[$i]}"
done
exit 1
