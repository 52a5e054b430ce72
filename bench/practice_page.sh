#!/usr/bin/env bash
# The practice page served by bdp vs the same bytes served by nginx as a static file, in one run
# (`wrk -t2 -c64 -d10s` each, alternating), plus the peak RSS of the bdp server with the demo data.
# Usage: bench/practice_page.sh [BUILD_DIR] [--rounds N] [--access-log]
#   (default build/, 3 rounds, access log off; --access-log: bdp's default log, to a file)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
rounds=3 log_flag=--no-access-log
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --access-log) log_flag=""; shift ;;
    *) echo "usage: $0 [BUILD_DIR] [--rounds N] [--access-log]" >&2; exit 2 ;;
  esac
done

dir=$(mktemp -d /tmp/bdp-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/bdp" serve --database "sqlite:$dir/bdp.db" --index "$dir/index" --port "$port" \
  $log_flag >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
path=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/praktyki/1-[^"]*"' | head -1 | cut -d'"' -f2)
echo "practice page: $path ($(curl -fs "http://127.0.0.1:$port$path" | wc -c) bytes)"
bench/http_vs_nginx.sh "$build" --bdp-url "http://127.0.0.1:$port$path" --bdp-pid "$pid" --rounds "$rounds"
echo "access log: $([ -n "$log_flag" ] && echo off || echo "on ($(wc -l <"$dir/serve.log") lines written)")"
echo "bdp peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
