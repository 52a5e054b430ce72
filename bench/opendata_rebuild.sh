#!/usr/bin/env bash
# The open-data files of a running node at N practices (default 100 000, filled once by
# bench_opendata_dumps into a SQLite file kept in /tmp/od-bench): how long after start the first
# build is served, how long after a change the new build is (a unit moved with
# `bdp unit set-place`), what the dump's checksum and the sitemap cost a client meanwhile (the
# previous build is served during the rebuild: median and worst of the requests made while it
# runs), and the node's RSS before and during the rebuild.
# Usage: bench/opendata_rebuild.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-100000}
keep=/tmp/od-bench
db="$keep/bdp$n.db"
mkdir -p "$keep"
[ -f "$db" ] || "$build/bench_opendata_dumps" fill "$db" "$n"
work=$(mktemp -d /tmp/bdp-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
origin="http://127.0.0.1:$port"
now_ms() { date +%s%3N; }
started=$(now_ms)
"$build/bdp" serve --database "sqlite:$db" --index "$work/index" --spool "$work/spool" \
  --port "$port" --no-demo --no-access-log >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -fs "$origin/healthz" >/dev/null && break; sleep 0.1; done

checksum() { curl -fs "$origin/dane/praktyki.csv.sha256" || true; }
# Polls the checksum until it differs from $1, timing a checksum and a sitemap request each
# round (ms, one per line, into $2); prints the seconds it took.
wait_for_new() {
  local before=$1 out=$2 from
  from=$(now_ms)
  : >"$out"
  while [ "$(checksum)" = "$before" ]; do
    curl -fs -o /dev/null -w '%{time_total}\n' "$origin/dane/praktyki.csv.sha256" >>"$out" || true
    curl -fs -o /dev/null -w '%{time_total}\n' "$origin/sitemap.xml" >>"$out" || true
    sleep 0.5
  done
  echo "scale=1; ($(now_ms) - $from) / 1000" | bc
}
stats() {  # ms: median and max of a file of seconds
  awk '{print $1 * 1000}' "$1" | sort -n | awk '{a[NR]=$1} END {if (NR) printf "median %.1f ms, max %.1f ms (%d requests)", a[int((NR+1)/2)], a[NR], NR; else print "no requests"}'
}

wait_for_new "" "$work/first.txt" >/dev/null
for file in sitemap.xml kanaly/praktyki.atom dane/dane-gov-pl.md5; do
  until curl -fs -o /dev/null "$origin/$file"; do sleep 0.5; done
done
echo "every group's first build served $(echo "scale=1; ($(now_ms) - $started) / 1000" | bc) s after start (the search index is built first)"
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
rss_before=$(rss)
( peak=0; while kill -0 $pid 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 0.2; done ) &
sampler=$!
before=$(checksum)
slug=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select slug from units order by id limit 1').fetchone()[0])" "$db")
lat=$(python3 -c 'import random; print(round(random.uniform(50, 54), 4))')
"$build/bdp" unit set-place --database "sqlite:$db" --slug "$slug" --lat "$lat" --lon 17.0 >/dev/null
took=$(wait_for_new "$before" "$work/rebuild.txt")
echo "a change: the new build served after $took s"
echo "  meanwhile (the previous build): $(stats "$work/rebuild.txt")"
grep -o 'open data: [a-z]* built at revision [0-9]* in [0-9]* ms' "$work/serve.log" | tail -8 | sed 's/^/  log: /'
kill $sampler 2>/dev/null || true
echo "node's RSS: $rss_before kB before the change, at most $(cat "$work/peak") kB during the rebuild (peak since start, the search index's build included: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status))"
echo "files: $(du -sh "$work/spool/opendata" | cut -f1) in the spool (the last build and the one before)"
