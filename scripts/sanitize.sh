#!/usr/bin/env bash
# The whole suite (unit and integration tests, SQLite and PostgreSQL) built with AddressSanitizer
# and UndefinedBehaviorSanitizer (g++, Debug, -Werror) in build-asan/: any finding fails the run.
# Not in the test command: a second full build does not fit CI's time on 2 cores; run it before
# a release and after changing memory-handling code (docs/benchmarks.md has its last result).
# Usage: scripts/sanitize.sh [ctest -R pattern]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBDP_WERROR=ON -DBDP_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export TZ=Europe/Warsaw
pattern=${1:-.}
scripts/with-postgres.sh bash -c "ctest --test-dir '$build' --output-on-failure -j 2 -R '$pattern' -E '^store\$' &&
  ctest --test-dir '$build' --output-on-failure -R '^store\$'"
echo "== sanitizers: no findings"
