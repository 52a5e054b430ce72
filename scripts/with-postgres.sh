#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server (Debian's package), then removes it.
#
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# Creates a cluster with initdb in a fresh temporary directory, starts it listening only on
# 127.0.0.1 on a free port (its unix socket stays inside the directory), creates the database
# bdp_test and runs CMD with:
#   BDP_TEST_POSTGRES_URL      postgresql://USER@127.0.0.1:PORT/bdp_test
#   BDP_TEST_POSTGRES_RESTART  a command that restarts the server (fast shutdown, same port)
#   BDP_TEST_POSTGRES_BIN      the directory of the server's binaries (pg_dump, psql, ...)
# The server is always stopped and the directory removed, also when CMD fails or the script is
# interrupted; the script exits with CMD's exit code. Run as root, the server runs as the
# `postgres` system user (PostgreSQL refuses to run as root). Needs no terminal and no stdin.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

pg_bin=${BDP_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: $pg_bin/initdb not found; run scripts/install-deps.sh" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/bdp-pg.XXXXXX")
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_server=(runuser -u postgres --)
fi
db_user=$("${as_server[@]}" id -un)

log() { echo "with-postgres: $*" >&2; }

stop_server() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_server[@]}" "$pg_bin/initdb" -D "$dir/data" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  --username="$db_user" >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}

# A throwaway server: durability settings that only matter across an OS crash are off (a restart
# with pg_ctl still flushes everything), logging goes to a file inside the directory.
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = on
full_page_writes = off
max_connections = 100
logging_collector = off
EOF

# Pick a free port: try random ones until the server starts (it refuses a port in use).
started=false
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  if "${as_server[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port" start >/dev/null 2>&1; then
    started=true
    break
  fi
done
if [ "$started" != true ]; then
  log "the server did not start:"
  cat "$dir/server.log" >&2 || true
  exit 1
fi

"${as_server[@]}" "$pg_bin/createdb" -h "$dir" -p "$port" -U "$db_user" bdp_test

# The restart command keeps the port; tests call it while they write (failure handling).
cat >"$dir/restart.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
${as_server[*]} "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 \\
  -o "-p $port" restart >/dev/null
EOF
chmod 755 "$dir/restart.sh"

export BDP_TEST_POSTGRES_URL="postgresql://$db_user@127.0.0.1:$port/bdp_test"
export BDP_TEST_POSTGRES_RESTART="$dir/restart.sh"
export BDP_TEST_POSTGRES_BIN="$pg_bin"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"

status=0
"$@" || status=$?
exit "$status"
