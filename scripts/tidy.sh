#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy, every finding an error) over every src/**/*.cpp of
# the build's compile_commands.json, in parallel; exits 1 on any finding. Needs a configured
# build (scripts/build.sh). clang-tidy 16, not Debian's default 14: clang 14 cannot compile the
# std::expected of libstdc++ 12 that Result<T> is.
# Usage: scripts/tidy.sh [jobs] [folder-under-src]   e.g. scripts/tidy.sh 2 legacy
#        (default: one job per core, every folder)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BDP_BUILD_DIR:-build}
jobs="${1:-$(nproc)}"
folder="${2:-}"

if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json not found; run scripts/build.sh first" >&2
  exit 2
fi
for tool in clang-tidy-16 run-clang-tidy-16; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tidy: $tool not found (scripts/install-deps.sh installs clang-tidy-16)" >&2
    exit 2
  fi
done

# clang 16 spells C++23 "c++2b", and reports __cpp_concepts too low for libstdc++'s <expected>
# (see CMakeLists.txt, the same workaround for the fuzz build).
run-clang-tidy-16 -clang-tidy-binary clang-tidy-16 -p "$build" -j "$jobs" -quiet \
  -extra-arg=-std=c++2b -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L \
  "^$PWD/src/${folder:+$folder/}.*\.cpp$"
