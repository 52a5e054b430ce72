#!/usr/bin/env bash
# Tests the deployment of docs/deployment.md on loopback: PostgreSQL (scripts/with-postgres.sh),
# two `bdp serve` nodes and nginx running deploy/nginx.conf (deploy/loopback-cluster.sh). Checks,
# through nginx: pages and search answer, both nodes get traffic, /static/ is cached by nginx,
# compressed pages pass through once, a write shows on every node within a second, and the
# visitor counter is exact (clients from distinct loopback addresses, forged X-Forwarded-For
# ignored). Stops everything at the end, also on failure. Takes ~15 s.
#
# Usage: scripts/deploy-test.sh [BDP_BINARY]   (default build/bdp)
set -euo pipefail
cd "$(dirname "$0")/.."
bdp=$(realpath "${1:-build/bdp}")
if [ -z "${BDP_TEST_POSTGRES_URL:-}" ]; then
  exec scripts/with-postgres.sh "$0" "$bdp"
fi

work=$(mktemp -d /tmp/bdp-deploy.XXXXXX)
database="bdp_deploy_$$"
admin_url=$BDP_TEST_POSTGRES_URL
url="${admin_url%/*}/$database"
# shellcheck source=../deploy/loopback-cluster.sh
source deploy/loopback-cluster.sh
cleanup() {
  cluster_stop
  "$BDP_TEST_POSTGRES_BIN/dropdb" --if-exists "--maintenance-db=$admin_url" "$database" || true
  rm -rf "$work"
}
trap cleanup EXIT
"$BDP_TEST_POSTGRES_BIN/createdb" "--maintenance-db=$admin_url" "$database"

failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then
    echo "ok    $what"
  else
    echo "FAIL  $what"
    failures=$((failures + 1))
  fi
}

cluster_start "$bdp" "$url" "$work"
site="http://127.0.0.1:$NGINX_PORT"
echo "deploy-test: nodes on :$NODE_A_PORT and :$NODE_B_PORT, nginx on :$NGINX_PORT"

# GET through nginx as the client address $2 (a loopback address: 127.0.0.0/8 is all local), as
# a browser (curl's own User-Agent is not counted as a visitor).
get() { curl -sS -A 'Mozilla/5.0 (deploy-test)' --interface "${2:-127.0.0.1}" "${@:3}" "$site$1"; }
status_of() { get "$1" "${2:-127.0.0.1}" -o /dev/null -w '%{http_code}'; }
# The visitor total on the page, as the visitor from address $1 sees it.
# (perl reads the whole page: leaving early would break curl's pipe, "Failed writing body").
counter_as() { get /smup "$1" | perl -0777 -ne 'if (/<strong>([0-9\xc2\xa0]+)<\/strong>/) { ($n = $1) =~ s/\D//g; print $n }'; }

home=$(get /)
practice=$(grep -o 'href="/praktyki/[^"]*"' <<<"$home" | head -1 | cut -d'"' -f2)
check "the home page answers through nginx" grep -q "Baza Dobrych Praktyk" <<<"$home"
check "a practice page answers ($practice)" test "$(status_of "$practice")" = 200
check "search answers" grep -q "/praktyki/" <<<"$(get '/szukaj?q=srem')"
head=$(get / 127.0.0.1 -o /dev/null -D -)
check "the security headers pass through nginx" \
  bash -c "grep -qi \"^content-security-policy: default-src 'self'\" <<<\"\$1\" &&
    grep -qi '^x-content-type-options: nosniff' <<<\"\$1\" &&
    grep -qi '^x-frame-options: DENY' <<<\"\$1\"" _ "$head"
check "no server names its version" bash -c "! grep -qiE '^server: .*[0-9]' <<<\"\$1\"" _ "$head"

before_a=$(grep -c 'path="/inne-bazy"' "$work/node-a.log" || true)
before_b=$(grep -c 'path="/inne-bazy"' "$work/node-b.log" || true)
for _ in $(seq 1 10); do status_of /inne-bazy >/dev/null; done
sleep 0.3  # the access log is written in batches, at least every 50 ms
hits_a=$(($(grep -c 'path="/inne-bazy"' "$work/node-a.log" || true) - before_a))
hits_b=$(($(grep -c 'path="/inne-bazy"' "$work/node-b.log" || true) - before_b))
check "both nodes get traffic (node A $hits_a, node B $hits_b of 10)" \
  test "$hits_a" -gt 0 -a "$hits_b" -gt 0 -a $((hits_a + hits_b)) -eq 10
check "the nodes log the client address, not nginx's" \
  grep -q 'remote=127.0.0.9 ' <<<"$(get /inne-bazy 127.0.0.9 -o /dev/null; sleep 0.2; cat "$work"/node-?.log)"

css=$(grep -o '/static/[^"]*\.css' <<<"$home" | head -1)
get "$css" 127.0.0.1 -o /dev/null
check "nginx caches /static/ ($css)" \
  grep -qi '^x-cache-status: HIT' <<<"$(get "$css" 127.0.0.1 -o /dev/null -D -)"

get "$practice" 127.0.0.1 -H 'Accept-Encoding: gzip' -D "$work/gzip.head" -o "$work/page.gz"
get "$practice" 127.0.0.1 -o "$work/page.html"
# The visitor total in the footer may move between the two requests (a visitor counted on one
# node shows on the other after its refresh): it is left out of the comparison.
without_counter() { perl -0777 -pe 's#<strong>[0-9\xc2\xa0]+</strong>#<strong>N</strong>#'; }
gunzip -c "$work/page.gz" | without_counter >"$work/page.gunzipped" || true
without_counter <"$work/page.html" >"$work/page.plain"
check "a compressed page passes through compressed once" \
  bash -c "grep -qi '^content-encoding: gzip' '$work/gzip.head' &&
    cmp -s '$work/page.gunzipped' '$work/page.plain'"

cat >"$work/new.json" <<'JSON'
{"format":"bdp","version":1,"sections":[],"units":[],
 "practices":[{"id":77,"slug":"nowa","title":"Budżet partycypacyjny w Śremie","summary":"Opis.",
   "entered_on":"2026-11-01","unit_id":1,"section_ids":[3],"status":"published"}]}
JSON
check "the new practice is not there yet" test "$(status_of /praktyki/77-nowa)" = 404
"$bdp" import --database "$url" "$work/new.json" >/dev/null
seen=0
for _ in $(seq 1 50); do  # up to 1 s, every 20 ms
  if [ "$(status_of /praktyki/77-nowa)" = 200 ]; then seen=1; break; fi
  sleep 0.02
done
all=0
if [ "$seen" = 1 ]; then
  all=1
  for _ in $(seq 1 10); do [ "$(status_of /praktyki/77-nowa)" = 200 ] || all=0; done
fi
check "a write shows through nginx within a second, on both nodes" test "$all" = 1

start=$(counter_as 127.0.0.2)
for i in $(seq 10 39); do  # 30 visitors, each twice (round robin: on both nodes)
  status_of / "127.0.0.$i" >/dev/null
  status_of / "127.0.0.$i" >/dev/null
done
for i in $(seq 1 5); do  # a client forging X-Forwarded-For is still one visitor (127.0.0.10)
  get / 127.0.0.10 -o /dev/null -H "X-Forwarded-For: 203.0.113.$i"
done
counted=-1
for _ in $(seq 1 10); do  # the nodes refresh the shared total every 200 ms
  a=$(counter_as 127.0.0.2)
  b=$(counter_as 127.0.0.2)
  if [ "$a" = $((start + 30)) ] && [ "$b" = $((start + 30)) ]; then counted=30; break; fi
  counted="$((a - start)) and $((b - start))"
  sleep 0.1
done
check "30 visitors through nginx add exactly 30 on both nodes (added: $counted)" test "$counted" = 30

if [ "$failures" -gt 0 ]; then
  echo "deploy-test: $failures check(s) failed; node A log tail:" >&2
  tail -5 "$work/node-a.log" >&2
  exit 1
fi
echo "deploy-test: all checks passed"
