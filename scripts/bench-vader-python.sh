#!/usr/bin/env bash
# Python VADER (NLTK's port) against stance's tone engine, on the same BBC
# statements, in MB of text per CPU-second on one core:
#   bash scripts/bench-vader-python.sh
# Installs Debian's python3-nltk when it is missing (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd ../shared && pwd)
if ! /usr/bin/python3 -c 'import nltk' 2>/dev/null; then
  apt-get install -y -q python3-nltk >/dev/null
fi
echo "Python VADER (NLTK $(/usr/bin/python3 -c 'import nltk; print(nltk.__version__)')):"
/usr/bin/python3 scripts/vader_bench.py "$shared"
echo "stance (pipeline/tone benchmarks, one goroutine):"
work=$(mktemp -d "${TMPDIR:-/tmp}/vader-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/tone.test" ./pipeline/tone
(cd pipeline/tone && "$work/tone.test" -test.run '^$' -test.bench 'BenchmarkScore$|BenchmarkRules$' -test.benchtime 20x -test.cpu 1) | grep '^Benchmark'
