#!/usr/bin/env bash
# The soak: a mixed load on one `bdp serve` over a real PostgreSQL for a while (default 600 s):
# pages, searches, logins (wrong and right password), imports every 20 s, and a PostgreSQL
# restart half-way. Reports errors (target 0: any 5xx or failed connection outside the restart's
# window, any unexpected status) and the node's memory growth after the warm-up (target < 5 %).
# Not in the test command (docs/benchmarks.md has its figures).
# Usage: scripts/soak.sh [seconds] [build dir]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
build=${2:-build}
[ -x "$build/bdp" ] || scripts/build.sh
exec scripts/with-postgres.sh python3 scripts/soak.py --bdp "$build/bdp" --seconds "$seconds"
