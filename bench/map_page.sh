#!/usr/bin/env bash
# The map with N practices (default 5 000, bench/map_dataset.mjs): /mapa's time to interactive in
# headless Chromium and the bytes of the page and its GeoJSON (bench/map_tti.mjs), and the
# server's time for /mapa and for the whole GeoJSON, gzipped (curl, median of 9).
# Usage: bench/map_page.sh [BUILD_DIR] [--practices N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
practices=5000 runs=7
while [ $# -gt 0 ]; do
  case $1 in
    --practices) practices=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [BUILD_DIR] [--practices N] [--runs N]" >&2; exit 2 ;;
  esac
done

dir=$(mktemp -d /tmp/bdp-bench.XXXXXX)
node bench/map_dataset.mjs "$practices" >"$dir/dataset.json"
"$build/bdp" import "$dir/dataset.json" --database "sqlite:$dir/bdp.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/bdp" serve --database "sqlite:$dir/bdp.db" --index "$dir/index" --port "$port" --no-demo \
  --no-access-log >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
origin="http://127.0.0.1:$port"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # URL → "median ms, bytes" of 9 gzip requests
  for _ in $(seq 9); do curl -fs -o /dev/null -H 'accept-encoding: gzip' -w '%{time_total}\n' "$1"; done |
    awk '{print $1 * 1000}' | median
}
curl -fs -o /dev/null "$origin/mapa"  # the first request builds the map's snapshot
echo "server, /mapa: $(timed "$origin/mapa") ms, $(curl -fs -H 'accept-encoding: gzip' "$origin/mapa" | wc -c) bytes gzipped"
whole="$origin/api/v1/practices.geojson"
echo "server, GeoJSON of all $practices: $(timed "$whole") ms, $(curl -fs -H 'accept-encoding: gzip' "$whole" | wc -c) bytes gzipped ($(curl -fs "$whole" | wc -c) bytes)"
node bench/map_tti.mjs "$origin" "$runs"
