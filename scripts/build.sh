#!/usr/bin/env bash
# Configures and builds bdp (Release-with-debug-info, warnings as errors) into build/ (or $BDP_BUILD_DIR).
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BDP_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DBDP_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
