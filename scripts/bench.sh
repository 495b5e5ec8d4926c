#!/usr/bin/env bash
# End-to-end benchmark: read → extract → attribute → score → Parquet on the
# BBC corpus (../shared/data/bbc.jsonl.gz), repeated COPIES times.
#   bash scripts/bench.sh [COPIES] [WORKERS...]
# Prints, per worker count: seconds, MB/s of article text, articles/s, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1}
shift || true
workers=("$@")
[ ${#workers[@]} -gt 0 ] || workers=(1 2)
work=$(mktemp -d "${TMPDIR:-/tmp}/stance-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/stance" ./cmd/stance
read -r articles text_bytes < <(go run ./scripts/mkcorpus --in ../shared/data/bbc.jsonl.gz --out "$work/corpus.jsonl" --copies "$copies")
printf 'corpus: %d articles, %.1f MB of article text (%d copies of bbc)\n' "$articles" "$(echo "$text_bytes/1000000" | bc -l)" "$copies"
printf '%-8s %10s %10s %12s %12s %10s\n' workers seconds "MB/s" "MB/s/core" articles/s "peak RSS"
for w in "${workers[@]}"; do
  rm -rf "$work/out"
  /usr/bin/time -v "$work/stance" run --quiet --full --workers "$w" --out "$work/out" "$work/corpus.jsonl" 2> "$work/time.txt"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  mbs=$(echo "$text_bytes/1000000/$secs" | bc -l)
  printf '%-8s %10.2f %10.1f %12.1f %12.0f %8d MB\n' "$w" "$secs" "$mbs" "$(echo "$mbs/$w" | bc -l)" "$(echo "$articles/$secs" | bc -l)" "$((rss/1024))"
done
printf 'output size: %s (input text %.1f MB)\n' "$(du -sh "$work/out" | cut -f1)" "$(echo "$text_bytes/1000000" | bc -l)"
