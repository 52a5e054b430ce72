#!/usr/bin/env bash
# Checks that every C++ file of src/, tests/ and bench/ (tracked or new, not ignored) is laid out
# as .clang-format says; otherwise prints, per file, the diff clang-format would make, and exits 1.
# With --fix, rewrites those files in place instead. clang-format 14 (Debian's) decides, unless
# CLANG_FORMAT names another binary: other versions lay out some constructs differently.
# Usage: scripts/check-format.sh [--fix]
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format="${CLANG_FORMAT:-clang-format-14}"
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: $clang_format not found (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
  'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
# A file deleted in the work tree but not yet in the index is still listed by --cached.
existing=()
for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done

case "${1:-}" in
  --fix)
    printf '%s\0' "${existing[@]}" | xargs -0 "$clang_format" -i
    echo "check-format: formatted ${#existing[@]} files"
    ;;
  "")
    # One batch run finds the files; a diff of each shows what clang-format wants.
    # (Without -Werror, clang-format exits non-zero only when it cannot run.)
    if ! report="$(printf '%s\0' "${existing[@]}" | xargs -0 "$clang_format" --dry-run 2>&1)"; then
      printf '%s\n' "$report" >&2
      exit 2
    fi
    mapfile -t unformatted < <(printf '%s\n' "$report" |
      sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: .*/\1/p' | sort -u)
    if [ ${#unformatted[@]} -gt 0 ]; then
      for f in "${unformatted[@]}"; do
        "$clang_format" "$f" | diff -u --label "$f" --label "$f (clang-format)" "$f" - || true
      done
      echo "check-format: ${#unformatted[@]} files are not formatted (above);" \
        "run scripts/check-format.sh --fix" >&2
      exit 1
    fi
    echo "check-format: ${#existing[@]} files formatted as .clang-format says"
    ;;
  *)
    echo "usage: scripts/check-format.sh [--fix]" >&2
    exit 2
    ;;
esac
