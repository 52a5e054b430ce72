#!/usr/bin/env bash
# The back office's figures (bench/backoffice.py: login cost and bound, public throughput with
# 20 editors working, publish on node A → visible on node B), under a PostgreSQL of its own
# (scripts/with-postgres.sh) for the two-node figure.
# Usage: bench/backoffice.sh [login|editors|publish|all] [--bdp build/bdp] [--rounds 3]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BDP_TEST_POSTGRES_URL:-}" ]; then
  exec scripts/with-postgres.sh python3 bench/backoffice.py "$@"
fi
exec python3 bench/backoffice.py "$@"
