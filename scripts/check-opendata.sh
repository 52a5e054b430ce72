#!/usr/bin/env bash
# Checks the open-data documents with real validators: starts the built bdp on the demo data
# (a temporary SQLite database, base_url https://bdp.example.org), fetches each document and
#  - lints the OpenAPI document with Redocly CLI (npm @redocly/cli, pinned in package.json);
#  - checks the dumps against their .sha256 files and the CSV's shape;
#  - checks the sitemap index and each of its files, and the Atom feeds, are well-formed XML
#    (xmllint) and that feedparser reads each feed without a bozo flag;
#  - parses the DCAT-AP-PL catalogue, RDF/XML and Turtle, with rapper (raptor2-utils: the same
#    triple count both ways), and validates it against the SHACL shapes of its mandatory
#    properties (tests/opendata/shacl/, npm rdf-validate-shacl) — and checks a copy with an
#    http:// accessURL is refused, so the shapes are not vacuous;
#  - checks dane.gov.pl's XML is well-formed, in namespace urn:otwarte-dane:harvester:1.13,
#    with https resource URLs, and that its .md5 matches.
# Usage: scripts/check-opendata.sh [path/to/bdp]   (default build/bdp)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== open data: the documents through real validators (scripts/check-opendata.sh)"
bdp=$(realpath "${1:-${BDP_BUILD_DIR:-build}/bdp}")
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
origin="http://127.0.0.1:$port"
python3 - "$work/bdp.json" <<'PY'
import json, sys
config = json.load(open("config/bdp.json"))
config["base_url"] = "https://bdp.example.org"
json.dump(config, open(sys.argv[1], "w"))
PY
"$bdp" serve --database "sqlite:$work/bdp.db" --index "$work/index" --config "$work/bdp.json" \
  --address 127.0.0.1 --port "$port" --no-access-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fsS "$origin/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$origin/healthz" >/dev/null || { cat "$work/serve.log"; exit 1; }

fetch() {  # fetch <path> <file>: the document at <path>, failing on any status but 200
  curl -fsS -o "$work/$2" "$origin$1"
}

echo "-- OpenAPI (redocly lint)"
fetch /api/v1/openapi.json openapi.json
cmp "$work/openapi.json" assets/api/openapi.json
node_modules/.bin/redocly lint --format=stylish "$work/openapi.json" 2>&1 | grep -v '^\s*$'

echo "-- dumps (sha256, CSV shape)"
for f in praktyki.csv praktyki.jsonl.gz; do
  fetch "/dane/$f" "$f"
  fetch "/dane/$f.sha256" "$f.sha256"
  (cd "$work" && sha256sum --quiet -c "$f.sha256")
done
fetch /dane/praktyki-slownik.csv slownik.csv
python3 - "$work/praktyki.csv" "$work/praktyki.jsonl.gz" "$work/slownik.csv" <<'PY'
import csv, gzip, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
lines = [json.loads(l) for l in gzip.open(sys.argv[2], "rt", encoding="utf-8")]
fields = [r[0] for r in list(csv.reader(open(sys.argv[3], newline="", encoding="utf-8")))[1:]]
assert len({len(r) for r in rows}) == 1, "CSV rows of different lengths"
assert rows[0] == list(lines[0].keys()), "CSV header differs from the JSONL keys"
assert all(name in fields for name in rows[0]), "a column missing from the dictionary"
assert len(rows) - 1 == len(lines), "CSV and JSONL hold different numbers of practices"
print(f"   {len(lines)} practices, {len(rows[0])} columns, all in the dictionary")
PY

echo "-- sitemap (xmllint)"
fetch /sitemap.xml sitemap.xml
xmllint --noout "$work/sitemap.xml"
for loc in $(xmllint --xpath '//*[local-name()="loc"]/text()' "$work/sitemap.xml"); do
  path=${loc#https://bdp.example.org}
  fetch "$path" "part.xml"
  xmllint --noout "$work/part.xml"
  echo "   $path: $(xmllint --xpath 'count(//*[local-name()="url"])' "$work/part.xml") URLs"
done
fetch /robots.txt robots.txt
grep -q '^Sitemap: https://bdp.example.org/sitemap.xml$' "$work/robots.txt"

echo "-- Atom feeds (xmllint, feedparser)"
for feed in /kanaly/praktyki.atom /kanaly/dzialy/uslugi-spoleczne.atom \
  /kanaly/wojewodztwa/wielkopolskie.atom; do
  name=$(basename "$feed")
  fetch "$feed" "$name"
  xmllint --noout "$work/$name"
  # Debian's python3 (python3-feedparser), whatever python3 comes first in PATH.
  /usr/bin/python3 - "$work/$name" "$feed" <<'PY'
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
assert not d.bozo, f"{sys.argv[2]}: {d.bozo_exception}"
assert d.version == "atom10", d.version
print(f"   {sys.argv[2]}: {len(d.entries)} entries, no bozo")
PY
done
echo "-- DCAT-AP-PL catalogue (rapper, SHACL)"
fetch /dane/katalog katalog.rdf
curl -fsS -H 'Accept: text/turtle' -o "$work/katalog.ttl" "$origin/dane/katalog"
triples() {  # triples <syntax> <file>: how many triples rapper parses (fails on a parse error)
  rapper -i "$1" -c "$2" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p'
}
rdf_triples=$(triples rdfxml "$work/katalog.rdf")
ttl_triples=$(triples turtle "$work/katalog.ttl")
echo "   RDF/XML $rdf_triples triples, Turtle $ttl_triples triples"
[ -n "$rdf_triples" ] && [ "$rdf_triples" = "$ttl_triples" ] && [ "$rdf_triples" -gt 40 ]
rapper -q -i rdfxml -o turtle "$work/katalog.rdf" >"$work/from-rdfxml.ttl"
node tests/opendata/shacl/validate.mjs tests/opendata/shacl/dcat-ap-pl.ttl "$work/from-rdfxml.ttl"
node tests/opendata/shacl/validate.mjs tests/opendata/shacl/dcat-ap-pl.ttl "$work/katalog.ttl"
sed 's|https://bdp.example.org/dane/praktyki.csv|http://bdp.example.org/dane/praktyki.csv|' \
  "$work/katalog.ttl" >"$work/http.ttl"
if node tests/opendata/shacl/validate.mjs tests/opendata/shacl/dcat-ap-pl.ttl "$work/http.ttl" >/dev/null; then
  echo "SHACL accepted an http:// accessURL"; exit 1
fi

echo "-- dane.gov.pl XML (xmllint, md5)"
fetch /dane/dane-gov-pl.xml dane-gov-pl.xml
fetch /dane/dane-gov-pl.md5 dane-gov-pl.md5
xmllint --noout "$work/dane-gov-pl.xml"
[ "$(md5sum "$work/dane-gov-pl.xml" | cut -d' ' -f1)" = "$(cat "$work/dane-gov-pl.md5")" ]
[ "$(xmllint --xpath 'namespace-uri(/*)' "$work/dane-gov-pl.xml")" = "urn:otwarte-dane:harvester:1.13" ]
ident=$(xmllint --xpath 'string(//dataset/extIdent)' "$work/dane-gov-pl.xml")
[ "${#ident}" -le 36 ]
for url in $(xmllint --xpath '//resource/url/text()' "$work/dane-gov-pl.xml"); do
  case "$url" in https://*) ;; *) echo "resource URL not https: $url"; exit 1 ;; esac
done
echo "   extIdent $ident, $(xmllint --xpath 'count(//resource)' "$work/dane-gov-pl.xml") resources, md5 matches"
echo "check-opendata: all documents valid"
