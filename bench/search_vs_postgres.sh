#!/usr/bin/env bash
# Search figures side by side: bdp's Xapian index vs PostgreSQL 15 full-text search with a
# Polish ispell configuration made from hunspell-pl, over the same generated corpus and queries.
#
# Usage: bench/search_vs_postgres.sh BUILD_DIR [PRACTICES=100000] [QUERIES=1000] [KEEP_DIR]
# (KEEP_DIR keeps the generated store and index for the next run: see bench/search_latency.cpp)
#
# Converts hunspell-pl (ISO-8859-2) to the UTF-8 ispell files PostgreSQL reads
# (tsearch_data/bdp_pl.dict and bdp_pl.affix, "SET UTF-8"), which needs write access to
# PostgreSQL's share directory (run as root, or once by hand), then runs BUILD_DIR's
# bench_search_latency against a throwaway server from scripts/with-postgres.sh.
# Prints one Markdown table (bench/search_latency.cpp says what each figure means).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
build_dir=$1
practices=${2:-100000}
queries=${3:-1000}
keep_dir=${4:-}

pg_bin=${BDP_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
share=$("$pg_bin/postgres" --describe-config >/dev/null 2>&1 && pg_config --sharedir 2>/dev/null || true)
[ -d "$share/tsearch_data" ] || share=/usr/share/postgresql/15
tsearch="$share/tsearch_data"
aff=/usr/share/hunspell/pl_PL.aff dic=/usr/share/hunspell/pl_PL.dic

if [ ! -f "$tsearch/bdp_pl.affix" ] || [ "$aff" -nt "$tsearch/bdp_pl.affix" ]; then
  iconv -f ISO-8859-2 -t UTF-8 "$aff" | sed 's/^SET ISO8859-2/SET UTF-8/' >"$tsearch/bdp_pl.affix.tmp"
  iconv -f ISO-8859-2 -t UTF-8 "$dic" >"$tsearch/bdp_pl.dict.tmp"
  mv "$tsearch/bdp_pl.affix.tmp" "$tsearch/bdp_pl.affix"
  mv "$tsearch/bdp_pl.dict.tmp" "$tsearch/bdp_pl.dict"
fi

exec scripts/with-postgres.sh "$build_dir/bench_search_latency" "$practices" "$queries" ${keep_dir:+"$keep_dir"}
