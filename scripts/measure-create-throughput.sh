#!/usr/bin/env bash
# Create throughput of the embedded default, durable (fsync, synchronous_commit and
# full_page_writes on: what the product runs) against the test settings it ran with before
# (zonky's -F and synchronous_commit=off, trust authentication), on the same PostgreSQL binaries,
# the same jar and this machine. A simple repeatable measurement, not the benchmark suite
# (scripts/bench.sh).
# Usage: scripts/measure-create-throughput.sh [jar]    Env: TASKS (2000), CLIENTS (8)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-bootstrap/target/todo-ai.jar}"
tasks="${TASKS:-2000}"
clients="${CLIENTS:-8}"
[ -f "$jar" ] || { echo "build the jar first: mvn -B -ntp -pl bootstrap -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_health() {
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the product did not start on port $1" >&2; return 1
}
measure() { java scripts/measure/CreateThroughput.java "http://127.0.0.1:$1" "$tasks" "$clients" "$2"; }

# after: the embedded default as it ships
port=$(free_port)
TODO_DATA_DIR="$work/durable" TODO_PORT="$port" java -Xmx512m -jar "$jar" >"$work/durable.log" 2>&1 &
pids+=($!)
await_health "$port"
after=$(measure "$port" "durable (fsync, synchronous_commit, full_page_writes on)")
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# before: the same binaries with zonky's test settings
bins=$(ls -d "${TODO_PG_BINARIES_DIR:-${TMPDIR:-/tmp}/todo-ai-postgres}"/PG-*/ | head -n 1)
as_user=()
[ "$(id -u)" = 0 ] && as_user=(unshare -U)
"${as_user[@]}" "$bins/bin/initdb" -D "$work/fast" -U postgres -A trust -E UTF-8 >"$work/initdb.log" 2>&1
pgport=$(free_port)
"${as_user[@]}" "$bins/bin/postgres" -D "$work/fast" -F -c synchronous_commit=off \
  -c listen_addresses=127.0.0.1 -c port="$pgport" -c unix_socket_directories= -c max_connections=100 \
  >"$work/fast-pg.log" 2>&1 &
pids+=($!)
port=$(free_port)
sleep 2
DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres" TODO_DATA_DIR="$work/fast-app" \
  TODO_PORT="$port" java -Xmx512m -jar "$jar" >"$work/fast.log" 2>&1 &
pids+=($!)
await_health "$port"
before=$(measure "$port" "test settings (-F, synchronous_commit=off)")

echo "$before"
echo "$after"
b=$(echo "$before" | sed -n 's/.*: \([0-9]*\) tasks\/s.*/\1/p')
a=$(echo "$after" | sed -n 's/.*: \([0-9]*\) tasks\/s.*/\1/p')
python3 -c "print('durable / test settings: %.2f' % ($a / $b))"
