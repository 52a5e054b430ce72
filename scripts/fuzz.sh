#!/usr/bin/env bash
# Builds and runs every libFuzzer target (tests/fuzz/*_fuzz.cpp, clang 16, ASan + UBSan) for N
# seconds each (default 30). Crashers are copied to tests/fuzz/corpus/<target>/ and kept there
# forever as a regression corpus; every run starts from that corpus (plus fixtures).
# Usage: scripts/fuzz.sh [seconds] [target-name-pattern]     e.g. scripts/fuzz.sh 30 legacy_
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
pattern="${2:-}"
build=build-fuzz

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 -DBDP_FUZZ=ON >/dev/null

status=0
for src in tests/fuzz/*_fuzz.cpp; do
  target="$(basename "$src" .cpp)"
  [[ -z "$pattern" || "$target" == *"$pattern"* ]] || continue
  cmake --build "$build" --target "$target"
  corpus="tests/fuzz/corpus/$target"
  work="$(mktemp -d)"
  mkdir -p "$corpus"
  # Seeds: the kept corpus, and for the legacy parsers the page fixtures.
  cp -r "$corpus"/. "$work"/ 2>/dev/null || true
  case "$target" in
    legacy_*) cp tests/legacy/fixtures/* "$work"/ ;;
  esac
  echo "fuzz: $target for ${seconds}s"
  if ! "$build/$target" "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -artifact_prefix="$corpus/" -print_final_stats=1; then
    echo "fuzz: $target FAILED; crasher kept in $corpus/" >&2
    status=1
  fi
  rm -rf "$work"
done
exit "$status"
