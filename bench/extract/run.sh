#!/usr/bin/env bash
# annals' HTML main-text extraction (ingest.ParseHTML) on Zyte's
# article-extraction benchmark, beside Go libraries run as the benchmark's
# own extractors/ programs run them (bench/extract/libs, a module of its
# own), all scored by "annals eval extract", a port of the benchmark's
# evaluate.py (token-shingle F1). Run from anywhere:
#
#   bash bench/extract/run.sh DIR
#
# DIR is the benchmark's repository unpacked (ground-truth.json,
# html/*.html.gz). One line per library (name, version, figures), one of
# annals' timing, then the line of annals' figures:
#
#   pages=N f1=0.xxx precision=0.xxx recall=0.xxx ms_per_page=N
#
# Times are from the page's bytes to its text, HTML parsing included, one
# page at a time on one goroutine: wall time, and the process's CPU time
# (garbage collection included), which a shared machine disturbs less;
# compare them as ratios within one run.
set -euo pipefail
dir=$(cd "${1:?usage: bash bench/extract/run.sh DIR}" && pwd)
cd "$(dirname "$0")/../.."
[ -f "$dir/ground-truth.json" ] || { echo "bench/extract: $dir/ground-truth.json not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/annals" ./cmd/annals
(cd bench/extract/libs && go build -o "$tmp/libs" .)

"$tmp/libs" -bench "$dir" -out "$tmp" 2> "$tmp/libs.err" > "$tmp/libs.txt" || { cat "$tmp/libs.err"; exit 1; }
while read -r name version ms cpu; do
  figures=$("$tmp/annals" eval extract --benchmark "$dir" --predictions "$tmp/$name.json" --worst 0)
  printf '%-24s %-36s %s ms_per_page=%s cpu_ms_per_page=%s\n' "$name" "$version" "$figures" "$ms" "$cpu"
done < "$tmp/libs.txt"
"$tmp/annals" eval extract --benchmark "$dir" --worst 0 > "$tmp/annals.txt"
printf '%-24s %-36s %s\n' annals "$(git rev-parse --short HEAD 2>/dev/null || echo -)" "$(sed -n 's/^timing: //p' "$tmp/annals.txt")"
tail -n 1 "$tmp/annals.txt"
