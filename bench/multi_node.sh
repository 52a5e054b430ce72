#!/usr/bin/env bash
# Scale-out figure: throughput of the practice page and of a search, one node on SQLite vs two
# nodes on one PostgreSQL behind nginx (deploy/nginx.conf, via deploy/loopback-cluster.sh), in the
# same run on the same machine; also one node of the cluster without nginx, which separates the
# cost of PostgreSQL from the cost of the proxy hop. wrk -t2 -c64 -d10s per URL (requests/s, p50
# and p99 latency), the set-ups measured one after the other. Prints a Markdown table (docs/benchmarks.md).
#
# Usage: bench/multi_node.sh [BDP_BINARY] [--duration 10s] [--connections 64]
# Starts its own PostgreSQL (scripts/with-postgres.sh) unless BDP_TEST_POSTGRES_URL is set.
# Needs: wrk, nginx, curl, python3. Builds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bdp=$(realpath "${1:-build/bdp}")
[ $# -gt 0 ] && shift
duration=10s connections=64
while [ $# -gt 0 ]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
if [ -z "${BDP_TEST_POSTGRES_URL:-}" ]; then
  exec scripts/with-postgres.sh "$0" "$bdp" --duration "$duration" --connections "$connections"
fi

work=$(mktemp -d /tmp/bdp-bench-nodes.XXXXXX)
database="bdp_bench_$$"
admin_url=$BDP_TEST_POSTGRES_URL
# shellcheck source=../deploy/loopback-cluster.sh
source deploy/loopback-cluster.sh
single_pid=""
cleanup() {
  [ -n "$single_pid" ] && kill "$single_pid" 2>/dev/null && wait "$single_pid" 2>/dev/null
  cluster_stop
  "$BDP_TEST_POSTGRES_BIN/dropdb" --if-exists "--maintenance-db=$admin_url" "$database" || true
  rm -rf "$work"
}
trap cleanup EXIT
"$BDP_TEST_POSTGRES_BIN/createdb" "--maintenance-db=$admin_url" "$database"

# One node on SQLite, with the demo data (the cluster fills PostgreSQL with the same).
mkdir -p "$work/single"
single_port=$(cluster_free_port)
"$bdp" serve --database "sqlite:$work/single/bdp.db" --port "$single_port" --threads 2 \
  --index "$work/single/index" --no-access-log >"$work/single.log" 2>&1 &
single_pid=$!
cluster_wait_for "http://127.0.0.1:$single_port/healthz"
mkdir -p "$work/cluster"
cluster_start "$bdp" "${admin_url%/*}/$database" "$work/cluster" --no-access-log

practice=$(curl -fsS "http://127.0.0.1:$single_port/" | grep -o 'href="/praktyki/[^"]*"' | head -1 |
  cut -d'"' -f2)
search='/szukaj?q=srem'

# wrk on URL; prints "requests/s | p50 | p99".
measure() {
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$1")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "non-2xx answers from $1:" >&2
    echo "$out" >&2
    exit 1
  fi
  # A node that died during the run would make the figures those of fewer nodes.
  local pid
  for pid in $single_pid "${CLUSTER_PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "a bdp node or nginx (pid $pid) died during the run on $1: figures invalid" >&2
      exit 1
    fi
  done
  printf '%s | %s | %s' "$(awk '/^Requests\/sec:/{printf "%.0f", $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}

echo "wrk -t2 -c$connections -d$duration --latency; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page | set-up | requests/s | p50 | p99 |"
echo "|---|---|---:|---:|---:|"
for target in "$practice" "$search"; do
  name="practice page"
  [ "$target" = "$search" ] && name="search \`$search\`"
  echo "| $name | 1 node, SQLite | $(measure "http://127.0.0.1:$single_port$target") |"
  echo "| $name | node A of the cluster directly (PostgreSQL, no nginx) | $(measure "http://127.0.0.1:$NODE_A_PORT$target") |"
  echo "| $name | 2 nodes + PostgreSQL behind nginx | $(measure "http://127.0.0.1:$NGINX_PORT$target") |"
done
