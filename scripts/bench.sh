#!/usr/bin/env bash
# End-to-end benchmark: read → extract → attribute → score → Parquet on the
# BBC corpus (../shared/data/bbc.jsonl.gz), repeated COPIES times.
#   bash scripts/bench.sh [COPIES] [WORKERS...]
# Prints, per worker count: wall seconds, CPU seconds (user+sys), MB/s of
# article text (wall clock), MB per CPU-second (throughput per core, which
# other load on the machine does not change much), articles/s, peak RSS.
# Extra flags for stance run can be given in STANCE_FLAGS, e.g.
#   STANCE_FLAGS="--cpuprofile /tmp/cpu.pprof" bash scripts/bench.sh 10 2
# REPEAT=N runs each worker count N times, interleaved, and ends with the
# fastest run of each and the speed-up of 2 workers over 1.
# STAGES=1 profiles each run and prints the CPU seconds of each stage (from
# the profile's cumulative times; tone includes the tone reads stance makes).
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
mb=$(echo "$text_bytes/1000000" | bc -l)
printf 'corpus: %d articles, %.1f MB of article text (%d copies of bbc); load average: %s\n' \
  "$articles" "$mb" "$copies" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %9s %9s %12s %11s %10s  %s\n' workers wall-s cpu-s "MB/s" "MB/cpu-s" articles/s "peak RSS" load
declare -A best
for ((r = 1; r <= ${REPEAT:-1}; r++)); do
  for w in "${workers[@]}"; do
    rm -rf "$work/out"
    prof=()
    [ -z "${STAGES:-}" ] || prof=(--cpuprofile "$work/cpu-$w.pprof")
    load=$(cut -d' ' -f1 /proc/loadavg)
    # shellcheck disable=SC2086
    # the wall clock from date, to the millisecond: time -v rounds to 10 ms,
    # a twentieth of a 5 MB run
    start=$(date +%s.%N)
    /usr/bin/time -v "$work/stance" run --quiet --full --workers "$w" --out "$work/out" "${prof[@]}" ${STANCE_FLAGS:-} "$work/corpus.jsonl" 2> "$work/time.txt" ||
      { cat "$work/time.txt" >&2; exit 1; }
    secs=$(echo "$(date +%s.%N) - $start" | bc -l)
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    printf '%-8s %9.3f %9.2f %9.1f %12.1f %11.0f %7d MB  %s\n' "$w" "$secs" "$cpu" "$(echo "$mb/$secs" | bc -l)" \
      "$(echo "$mb/$cpu" | bc -l)" "$(echo "$articles/$secs" | bc -l)" "$((rss/1024))" "$load"
    if [ -z "${best[$w]:-}" ] || [ "$(echo "$secs < ${best[$w]}" | bc)" = 1 ]; then best[$w]=$secs; fi
  done
done
# Other jobs on the machine only ever slow a run down, so with REPEAT the
# fastest run of each worker count is the fairest comparison.
if [ "${REPEAT:-1}" -gt 1 ]; then
  printf 'fastest of %d:' "$REPEAT"
  for w in "${workers[@]}"; do printf '  %s worker(s) %.3f s (%.1f MB/s)' "$w" "${best[$w]}" "$(echo "$mb/${best[$w]}" | bc -l)"; done
  [ -z "${best[1]:-}" ] || [ -z "${best[2]:-}" ] || printf ';  2 vs 1: %.2fx' "$(echo "${best[1]}/${best[2]}" | bc -l)"
  echo
fi
if [ -n "${STAGES:-}" ]; then
  for w in "${workers[@]}"; do
    echo "CPU seconds per stage, $w worker(s):"
    go tool pprof -top -cum -nodecount=100000 "$work/stance" "$work/cpu-$w.pprof" 2>/dev/null | awk '
      function add(stage, secs) { t[stage] += secs }
      { v = $4; if (v ~ /ms$/) { sub(/ms$/, "", v); v = v / 1000 } else sub(/s$/, "", v) }
      $6 ~ /source\.ReadFiles$/ { add("read and parse input", v) }
      $6 ~ /quotes\.\(\*Extractor\)\.Extract$/ { add("quotes", v) }
      $6 ~ /speakers\.\(\*Resolver\)\.Resolve$/ { add("speakers", v) }
      $6 ~ /tone\.\(\*Scorer\)\.(Score|Target)$/ { add("tone", v) }
      $6 ~ /stance\.\(\*Scorer\)\.Score$/ { add("stance", v) }
      $6 ~ /pipeline\.\(\*Analyzer\)\.Analyze$/ { add("analysis (all of the above but reading)", v) }
      $6 ~ /output\.\(\*Writer\)\.Add$/ { add("spill", v) }
      $6 ~ /runtime\.gcBgMarkWorker$/ { add("garbage collector (background)", v) }
      END { for (s in t) printf "  %-42s %6.2f\n", s, t[s] }' | sort -k1,1
    # The commit runs on several goroutines, labelled stage=commit.
    go tool pprof -top -tagfocus=stage=commit "$work/stance" "$work/cpu-$w.pprof" 2>/dev/null |
      awk '/^Showing nodes accounting for/ { v = $5; sub(/,$/, "", v); if (v ~ /ms$/) { sub(/ms$/, "", v); v = v / 1000 } else sub(/s$/, "", v); printf "  %-42s %6.2f\n", "commit (all its goroutines)", v; exit }'
  done
fi
printf 'output size: %s (input text %.1f MB); load average after: %s\n' "$(du -sh "$work/out" | cut -f1)" "$mb" "$(cut -d' ' -f1-3 /proc/loadavg)"
