#!/usr/bin/env bash
# The "test" command of the README (and of CI, .ci/run): installs what is needed, checks the
# layout (clang-format), builds with warnings as errors, runs clang-tidy, and runs the whole
# suite — unit and HTTP integration tests against SQLite and against a real PostgreSQL started
# on loopback (scripts/with-postgres.sh), the browser tests in Debian's Chromium, and a short
# fuzzing run of every parser.
# Benchmarks and long fuzzing runs are not here: see "Slow runs" in the README, and bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Warsaw
scripts/install-deps.sh

echo "== layout (clang-format)"
scripts/check-format.sh

scripts/build.sh
build=${BDP_BUILD_DIR:-build}

echo "== clang-tidy"
scripts/tidy.sh

echo "== unit and integration tests (SQLite and PostgreSQL)"
# The store suite restarts the shared PostgreSQL on purpose (failure handling): it runs alone,
# after everything else that uses that server.
scripts/with-postgres.sh bash -c "ctest --test-dir '$build' --output-on-failure -j 2 -E '^store\$' &&
  ctest --test-dir '$build' --output-on-failure -R '^store\$'"

scripts/check-opendata.sh "$build/bdp"
echo "== deployment: two nodes + PostgreSQL behind nginx, on loopback"
scripts/deploy-test.sh "$build/bdp"

echo "== browser tests (Chromium)"
node tests/browser/run.mjs --bdp "$build/bdp"

echo "== fuzzing (short run)"
scripts/fuzz.sh "${BDP_FUZZ_SECONDS:-20}"
echo "== all tests passed"
