#!/usr/bin/env bash
# The project's test command (README: "Run the tests").
set -euo pipefail
cd "$(dirname "$0")/.."
# The main module: pure Go, no cgo.
CGO_ENABLED=0 go test ./...
# DuckDB interop: its own module, because DuckDB needs cgo and a C compiler.
if [ -z "${CI:-}" ] && ! command -v "${CC:-cc}" >/dev/null 2>&1; then
	echo "scripts/test.sh: no C compiler (${CC:-cc}); skipping the DuckDB interop tests in interop/" >&2
	exit 0
fi
(cd interop && CGO_ENABLED=1 go test ./...)
