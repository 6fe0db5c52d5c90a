#!/usr/bin/env bash
# Tokens per second of annals' language layer (tokenize, tag, lemmatize,
# parse, NER) beside wink-nlp (tokenize, tag) and compromise (tokenize,
# tag), on the same news text, in one run. Run from the repository root:
#
#   bash bench/nlp/run.sh [ARTICLES]
#
# It reads the BBC articles of ../shared/news/bbc (default: the first 500),
# installs the two npm packages into bench/nlp/node_modules, and prints
# tool, tokens, seconds and tokens/s, then the ratios to annals.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-500}
src=../shared/news/bbc/bbc_news_2004_2005.jsonl
[ -f "$src" ] || { echo "bench/nlp: $src not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Articles separated by two blank lines, so every tool gets the same text.
head -n "$n" "$src" | python3 -c 'import json,sys; print("\n\n\n".join(json.loads(l)["text"] for l in sys.stdin))' > "$tmp/text.txt"
go build -o "$tmp/annals" ./cmd/annals
(cd bench/nlp && npm install --no-audit --no-fund --silent >/dev/null)

# annals: one process, models loaded before timing starts (annals parse
# --timing prints tokens and analysis seconds on stderr).
"$tmp/annals" parse --timing "$tmp/text.txt" 2> "$tmp/annals.err" > /dev/null
read -r tokens secs < <(awk '/^timing/ {print $2, $3}' "$tmp/annals.err")
annals_rate=$(awk -v t="$tokens" -v s="$secs" 'BEGIN{printf "%.0f", t/s}')
printf 'tool\ttokens\tseconds\ttokens/s\n'
printf 'annals\t%s\t%s\t%s\n' "$tokens" "$secs" "$annals_rate"
node bench/nlp/peers.mjs "$tmp/text.txt" | tee "$tmp/peers.tsv"
while IFS=$'\t' read -r tool t s rate; do
  awk -v a="$annals_rate" -v r="$rate" -v tool="$tool" 'BEGIN{printf "annals / %s: %.2f\n", tool, a/r}'
done < "$tmp/peers.tsv"
