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
# Each stage prints the seconds since the start, so a CI log shows where the time goes.
stage() { echo "== $* (at ${SECONDS}s)"; }
stage "dependencies"
scripts/install-deps.sh

stage "layout (clang-format)"
scripts/check-format.sh

stage "build"
scripts/build.sh
build=${BDP_BUILD_DIR:-build}

stage "clang-tidy"
scripts/tidy.sh

stage "unit and integration tests (SQLite and PostgreSQL)"
# The store suite restarts the shared PostgreSQL on purpose (failure handling): it runs alone,
# after everything else that uses that server.
scripts/with-postgres.sh bash -c "ctest --test-dir '$build' --output-on-failure -j 2 -E '^store\$' &&
  ctest --test-dir '$build' --output-on-failure -R '^store\$'"

stage "open data formats"
scripts/check-opendata.sh "$build/bdp"
stage "deployment: two nodes + PostgreSQL behind nginx, on loopback"
scripts/deploy-test.sh "$build/bdp"

stage "browser tests (Chromium)"
node tests/browser/run.mjs --bdp "$build/bdp"

stage "fuzzing (short run)"
scripts/fuzz.sh "${BDP_FUZZ_SECONDS:-12}"
stage "all tests passed"
