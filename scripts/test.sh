#!/usr/bin/env bash
# The project's test command (README: "Run the tests").
set -euo pipefail
cd "$(dirname "$0")/.."
# The main module: pure Go, no cgo.
CGO_ENABLED=0 go test ./...

# The engines analysts read the tables with. Outside CI a missing tool skips
# its suite with a message; in CI (CI set) a missing tool fails the run.
skip() {
	if [ -n "${CI:-}" ]; then
		echo "scripts/test.sh: $1 is needed in CI" >&2
		exit 1
	fi
	echo "scripts/test.sh: $1 not found; skipping $2" >&2
}

# DuckDB: its own module, because DuckDB needs cgo and a C compiler.
if command -v "${CC:-cc}" >/dev/null 2>&1; then
	(cd interop && CGO_ENABLED=1 go test ./...)
else
	skip "a C compiler (${CC:-cc})" "the DuckDB interop tests in interop/"
fi

# Polars: the Rust engine through its Node.js binding, pinned in package.json and
# package-lock.json. `npm install`, not `npm ci`: npm 11 leaves the other
# platforms' optional binaries out of the lock file, and `npm ci` then refuses it.
if command -v npm >/dev/null 2>&1; then
	(cd interop/polars && npm install --no-audit --no-fund --loglevel=error && npm test)
else
	skip "npm (Node.js)" "the Polars interop tests in interop/polars/"
fi
