#!/usr/bin/env bash
# What the access log costs on the practice page: one `bdp serve` writing its access log to a
# file and one with --no-access-log, both on SQLite with the demo data (2 server threads),
# measured alternately with `wrk -t2 -c64` on /praktyki/1-…; prints requests/s of each round,
# the means, the cost of the log in per cent, and the server's CPU time per request (user +
# system from /proc, steadier than requests/s on a busy machine).
# Usage: bench/access_log.sh [BDP_BINARY=build/bdp] [--rounds 3] [--duration 5s]
set -euo pipefail
cd "$(dirname "$0")/.."
bdp=build/bdp
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then bdp=$1; shift; fi
rounds=3 duration=5s
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

dir=$(mktemp -d /tmp/bdp-access-log.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() {  # start NAME [flags...]: the server's port and pid in $dir/NAME.port, NAME.pid
  local name=$1 port
  shift
  port=$(free_port)
  "$bdp" serve --database "sqlite:$dir/$name.db" --index "$dir/$name-index" --port "$port" \
    --threads 2 "$@" >"$dir/$name.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$dir/$name.pid"
  echo "$port" >"$dir/$name.port"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}
start logged
start quiet --no-access-log
logged=$(cat "$dir/logged.port") quiet=$(cat "$dir/quiet.port")
ticks() { awk '{print $14 + $15}' "/proc/$(cat "$dir/$1.pid")/stat"; }
hz=$(getconf CLK_TCK)
path=$(curl -fs "http://127.0.0.1:$logged/" | grep -o 'href="/praktyki/1-[^"]*"' | head -1 | cut -d'"' -f2)

# rate NAME: requests/s and CPU µs per request of one wrk run against server NAME.
rate() {
  local port t0 out requests t1
  port=$(cat "$dir/$1.port")
  t0=$(ticks "$1")
  out=$(wrk -t2 -c64 -d"$duration" "http://127.0.0.1:$port$path")
  t1=$(ticks "$1")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$out" | awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$requests" \
    '/Requests\/sec/ {printf "%d %.1f\n", $2, 1e6 * t / hz / n}'
}
sum_logged=0 sum_quiet=0
echo "binary $bdp, page $path, wrk -t2 -c64 -d$duration, $rounds rounds"
for round in $(seq "$rounds"); do
  # Odd rounds measure the logging server first, even rounds second: no order advantage.
  if [ $((round % 2)) -eq 1 ]; then
    read -r a cpu_a < <(rate logged)
    read -r b cpu_b < <(rate quiet)
  else
    read -r b cpu_b < <(rate quiet)
    read -r a cpu_a < <(rate logged)
  fi
  sum_logged=$((sum_logged + a)) sum_quiet=$((sum_quiet + b))
  echo "round $round: access log $a req/s ($cpu_a µs CPU/request), --no-access-log $b req/s ($cpu_b µs CPU/request)"
done
lines=$(grep -c 'status=200' "$dir/logged.log" || true)
awk -v a="$sum_logged" -v b="$sum_quiet" -v n="$rounds" -v lines="$lines" 'BEGIN {
  printf "mean: access log %d req/s, --no-access-log %d req/s; the log costs %.1f %% (%d lines written)\n",
         a / n, b / n, 100 * (1 - a / b), lines }'
