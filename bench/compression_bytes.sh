#!/usr/bin/env bash
# Bytes on the wire per page type (home, section, practice, full presentation, search, the
# stylesheet) with Brotli, gzip and no compression, as bdp serves them to a client asking for
# each (`Accept-Encoding: br` / `gzip` / none), with the demo data (curl's size_download: the
# body bytes, headers not counted).
# Usage: bench/compression_bytes.sh [BUILD_DIR]   (default build/)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

dir=$(mktemp -d /tmp/bdp-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/bdp" serve --database "sqlite:$dir/bdp.db" --index "$dir/index" --port "$port" \
  --no-access-log >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
origin="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$origin/healthz" >/dev/null && break; sleep 0.1; done

home=$(curl -fs "$origin/")
first() { grep -o "href=\"$1[^\"]*\"" <<<"$home" | head -1 | cut -d'"' -f2 | sed 's/&amp;/\&/g'; }
practice=$(first /praktyki/)
declare -A pages=(
  [home]=/ [section]=$(first /dzialy/) [practice]=$practice
  [presentation]=$practice/pelna-prezentacja [search]=/szukaj?q=pomoc [css]=$(first /static/css/)
)

bytes() { curl -fs ${1:+-H "Accept-Encoding: $1"} -o /dev/null -w '%{size_download}' "$origin$2"; }
printf '| %-12s | %-44s | %8s | %8s | %8s | %9s |\n' page path none gzip br "br/gzip"
printf '|%s|%s|%s|%s|%s|%s|\n' -------------- ---------------------------------------------- ---------- ---------- ---------- -----------
for name in home section practice presentation search css; do
  path=${pages[$name]}
  none=$(bytes "" "$path") gz=$(bytes gzip "$path") br=$(bytes br "$path")
  printf '| %-12s | %-44.44s | %8d | %8d | %8d | %8.0f%% |\n' "$name" "$path" "$none" "$gz" "$br" \
    "$(awk -v a="$br" -v b="$gz" 'BEGIN { print 100 * a / b }')"
done
