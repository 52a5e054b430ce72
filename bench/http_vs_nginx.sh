#!/usr/bin/env bash
# bdp's HTTP server vs nginx serving the same bytes: runs `wrk -t2 -c64 -d10s` on each, one after
# the other, and prints requests/s of both and the ratio bdp/nginx. Builds nothing.
#
# Usage:
#   bench/http_vs_nginx.sh BUILD_DIR [--file FILE] [--duration 10s] [--connections 64]
#                          [--rounds 1]
#   bench/http_vs_nginx.sh BUILD_DIR --bdp-url http://127.0.0.1:PORT/praktyki/1-x [--file FILE]
#
# --rounds N alternates bdp and nginx N times and also prints the ratio of the summed rates
# (a busy machine makes single runs noisy).
# Without --bdp-url it starts BUILD_DIR/bench_http_static_server serving FILE from memory
# (default: a generated 16 KiB HTML page). With --bdp-url it measures that already running bdp
# instead, and nginx serves FILE (default: the bytes fetched once from that URL with curl).
# nginx (Debian's nginx-light) runs on loopback from a temporary prefix: daemon off, 2 workers,
# access_log off. The temporary directory and both servers are removed on exit.
# Needs: wrk, nginx, curl, python3 (to pick free ports).
set -euo pipefail

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
build_dir=$1
shift
file="" bdp_url="" duration=10s connections=64 rounds=1
while [ $# -gt 0 ]; do
  case $1 in
    --file) file=$2; shift 2 ;;
    --bdp-url) bdp_url=$2; shift 2 ;;
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
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { root $work; try_files /page.html =404; }
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

rps() { wrk -t2 -c"$connections" -d"$duration" "$1" | awk '/^Requests\/sec:/{print $2}'; }
echo "body: $(wc -c <"$work/page.html") bytes; wrk -t2 -c$connections -d$duration"
echo "bdp:   $bdp_url"
echo "nginx: $nginx_url"
bdp_sum=0 nginx_sum=0
for round in $(seq 1 "$rounds"); do
  bdp_rps=$(rps "$bdp_url")
  nginx_rps=$(rps "$nginx_url")
  awk -v r="$round" -v b="$bdp_rps" -v n="$nginx_rps" \
    'BEGIN { printf "round %d: bdp %.0f requests/s, nginx %.0f requests/s, ratio bdp/nginx: %.2f\n", r, b, n, b / n }'
  bdp_sum=$(awk -v s="$bdp_sum" -v x="$bdp_rps" 'BEGIN { print s + x }')
  nginx_sum=$(awk -v s="$nginx_sum" -v x="$nginx_rps" 'BEGIN { print s + x }')
done
if [ "$rounds" -gt 1 ]; then
  awk -v b="$bdp_sum" -v n="$nginx_sum" -v r="$rounds" \
    'BEGIN { printf "all %d rounds: bdp %.0f requests/s, nginx %.0f requests/s, ratio bdp/nginx: %.2f\n", r, b / r, n / r, b / n }'
fi
