#!/usr/bin/env bash
# The document library's figures (issue "Publikacje i dokumenty"), one run:
#  1. peak RSS of `bdp serve` around one upload of SIZE_MB (decimal MB, default 50) through the back
#     office's form: VmHWM before and after, which must not grow with the file's size;
#  2. download throughput of that file from bdp (/publikacje/<id>/plik) vs nginx serving the
#     same bytes from disk, side by side (bench/http_vs_nginx.sh: wrk, same connections,
#     access logs off on both), and the peak RSS after it.
# Usage: bench/document_download.sh BUILD_DIR [SIZE_MB] [--duration 10s] [--connections 8]
# Starts its own bdp on a temporary SQLite database; needs curl, wrk, nginx, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$1
shift
size_mb=50
if [ $# -gt 0 ] && [[ $1 != --* ]]; then size_mb=$1; shift; fi
duration=10s connections=8
while [ $# -gt 0 ]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
bdp=$(realpath "$build_dir/bdp")
work=$(mktemp -d /tmp/bdp-docbench.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db="sqlite:$work/bdp.db"

# A valid PDF of SIZE_MB: one page of text, padded with whitespace before %%EOF.
python3 - "$work/doc.pdf" "$size_mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
stream = b"BT /F1 18 Tf 72 760 Td (Raport z ewaluacji) Tj ET"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
out = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objs) + 1, xref)
out += b" " * max(0, mb * 1000 * 1000 - len(out) - 6) + b"%%EOF\n"
open(path, "wb").write(out)
PY

BDP_EDITOR_PASSWORD=bench-haslo-123 "$bdp" editor add --database "$db" --email bench@bdp.pl \
  --name Bench --role editor >/dev/null
"$bdp" serve --database "$db" --port "$port" --threads 2 --index "$work/index" \
  --spool "$work/spool" --no-access-log >"$work/serve.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break; sleep 0.1; done

jar="$work/cookies"
form=$(curl -fsS -c "$jar" "$base/redakcja/logowanie")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
curl -fsS -b "$jar" -c "$jar" -o /dev/null -d "csrf=$csrf&email=bench%40bdp.pl&haslo=bench-haslo-123" \
  "$base/redakcja/logowanie"
desk=$(curl -fsS -b "$jar" "$base/redakcja/dokumenty")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$desk" | head -1)

hwm() { awk '/^VmHWM:/{print $2}' "/proc/$pid/status"; }
before=$(hwm)
location=$(curl -fsS -b "$jar" -o /dev/null -w '%{redirect_url}' -F "csrf=$csrf" \
  -F "tytul=Raport do pomiaru" -F "rodzaj=raport" -F "plik=@$work/doc.pdf;filename=raport.pdf" \
  "$base/redakcja/dokumenty")
after=$(hwm)
id=${location##*/}
echo "upload of $size_mb MB: bdp peak RSS (VmHWM) $((before / 1024)) MiB before, $((after / 1024)) MiB after: grew $(((after - before) / 1024)) MiB"

bench/http_vs_nginx.sh "$build_dir" --bdp-url "$base/publikacje/$id/plik" --file "$work/doc.pdf" \
  --bdp-pid "$pid" --duration "$duration" --connections "$connections" |
  awk -v mb="$size_mb" '{ print } /^round/ { for (i = 1; i <= NF; i++) {
      if ($i == "bdp") b = $(i + 1); if ($i == "nginx") n = $(i + 1) }
    printf "download throughput: bdp %.0f MB/s, nginx %.0f MB/s\n", b * mb, n * mb }'
echo "after the downloads: bdp peak RSS (VmHWM) $(($(hwm) / 1024)) MiB ($connections connections, each streaming a chunk at a time)"
