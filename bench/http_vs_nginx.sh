#!/usr/bin/env bash
# bdp's HTTP server vs nginx serving the same bytes: runs `wrk -t2 -c64 -d10s` on each, one after
# the other, and prints requests/s of both and the ratio bdp/nginx. Builds nothing.
#
# Usage:
#   bench/http_vs_nginx.sh BUILD_DIR [--file FILE] [--duration 10s] [--connections 64]
#                          [--rounds 1]
#   bench/http_vs_nginx.sh BUILD_DIR --bdp-url http://127.0.0.1:PORT/praktyki/1-x [--file FILE]
#                          [--bdp-pid PID]
#
# --rounds N alternates bdp and nginx N times and also prints the ratio of the summed rates
# (a busy machine makes single runs noisy). The CPU time each server used per request (user +
# system, from /proc) is printed too: it depends far less on other load than requests/s. For an
# external bdp give its process id with --bdp-pid to get that figure.
# Without --bdp-url it starts BUILD_DIR/bench_http_static_server serving FILE from memory
# (default: a generated 16 KiB HTML page). With --bdp-url it measures that already running bdp
# instead, and nginx serves FILE (default: the bytes fetched once from that URL with curl).
# nginx (Debian's nginx-light) runs on loopback from a temporary prefix at its best for one
# static file: daemon off, 2 workers, access_log off, root + sendfile + tcp_nopush, no try_files. The temporary directory and both servers are removed on exit.
# Needs: wrk, nginx, curl, python3 (to pick free ports).
set -euo pipefail

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
build_dir=$1
shift
file="" bdp_url="" bdp_pid="" duration=10s connections=64 rounds=1
while [ $# -gt 0 ]; do
  case $1 in
    --file) file=$2; shift 2 ;;
    --bdp-url) bdp_url=$2; shift 2 ;;
    --bdp-pid) bdp_pid=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) usage ;;
  esac
done

work=$(mktemp -d /tmp/bdp-bench.XXXXXX)
chmod 755 "$work"  # nginx workers may run as another user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The bytes nginx serves (and the static bdp server too).
if [ -z "$file" ] && [ -n "$bdp_url" ]; then
  curl -fsS -o "$work/page.html" "$bdp_url"
elif [ -z "$file" ]; then
  for i in $(seq 1 120); do
    echo "<p>Praktyka $i: Centrum Aktywności Lokalnej, Śrem, powiat śremski, wielkopolskie.</p>"
  done >"$work/page.html"
else
  cp "$file" "$work/page.html"
fi
chmod 644 "$work/page.html"

if [ -z "$bdp_url" ]; then
  "$build_dir/bench_http_static_server" --file "$work/page.html" --port 0 --threads 2 \
    >"$work/bdp.out" 2>&1 &
  pids+=($!)
  bdp_pid=$!
  for _ in $(seq 1 50); do
    grep -q '^port ' "$work/bdp.out" && break
    sleep 0.1
  done
  bdp_url="http://127.0.0.1:$(awk '/^port /{print $2}' "$work/bdp.out")/page.html"
fi

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work;
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
pids+=($!)
nginx_url="http://127.0.0.1:$nginx_port/page.html"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "$nginx_url" 2>/dev/null && break
  sleep 0.1
done

# Both must answer with the same bytes, or the comparison means nothing.
curl -fsS -o "$work/from_bdp" "$bdp_url"
curl -fsS -o "$work/from_nginx" "$nginx_url"
if ! cmp -s "$work/from_bdp" "$work/from_nginx"; then
  echo "bdp and nginx serve different bytes ($(wc -c <"$work/from_bdp") vs" \
    "$(wc -c <"$work/from_nginx")); give --file the bytes of --bdp-url" >&2
  exit 1
fi

nginx_pids=$(pgrep -d ' ' -P "$(cat "$work/nginx/nginx.pid")")  # the workers

# CPU clock ticks (user + system) used so far by the given processes (all their threads).
cpu_ticks() {
  local total=0 p
  for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$total"
}

# Runs wrk on URL; prints "<requests/s> <CPU µs per request or ->" for the processes PIDS...
measure() {
  local url=$1 out before after requests
  shift
  before=$( [ $# -gt 0 ] && cpu_ticks "$@" || echo "")
  out=$(wrk -t2 -c"$connections" -d"$duration" "$url")
  after=$( [ $# -gt 0 ] && cpu_ticks "$@" || echo "")
  requests=$(awk '/requests in/{print $1}' <<<"$out")
  awk -v rps="$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" -v b="$before" -v a="$after" \
    -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (b == "") print rps, "-"; else printf "%s %.1f\n", rps, (a - b) * 1e6 / hz / n }'
}

echo "body: $(wc -c <"$work/page.html") bytes; wrk -t2 -c$connections -d$duration"
echo "bdp:   $bdp_url"
echo "nginx: $nginx_url"
bdp_sum=0 nginx_sum=0
for round in $(seq 1 "$rounds"); do
  # shellcheck disable=SC2086  # bdp_pid may be empty, nginx_pids is a list
  read -r bdp_rps bdp_cpu <<<"$(measure "$bdp_url" $bdp_pid)"
  # shellcheck disable=SC2086
  read -r nginx_rps nginx_cpu <<<"$(measure "$nginx_url" $nginx_pids)"
  awk -v r="$round" -v b="$bdp_rps" -v n="$nginx_rps" -v bc="$bdp_cpu" -v nc="$nginx_cpu" \
    'BEGIN { printf "round %d: bdp %.0f requests/s (%s CPU us/request), nginx %.0f requests/s (%s CPU us/request), ratio bdp/nginx: %.2f\n", r, b, bc, n, nc, b / n }'
  bdp_sum=$(awk -v s="$bdp_sum" -v x="$bdp_rps" 'BEGIN { print s + x }')
  nginx_sum=$(awk -v s="$nginx_sum" -v x="$nginx_rps" 'BEGIN { print s + x }')
done
if [ "$rounds" -gt 1 ]; then
  awk -v b="$bdp_sum" -v n="$nginx_sum" -v r="$rounds" \
    'BEGIN { printf "all %d rounds: bdp %.0f requests/s, nginx %.0f requests/s, ratio bdp/nginx: %.2f\n", r, b / r, n / r, b / n }'
fi
