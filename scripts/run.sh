#!/usr/bin/env bash
# The "run" command of the README: installs what is needed, builds, and runs the portal on
# http://127.0.0.1:8080 with the embedded SQLite database (bdp.db), filled with demo data on
# first start. Extra arguments go to `bdp serve` (e.g. --port 9000, --config config/x.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec "${BDP_BUILD_DIR:-build}/bdp" serve "$@"
