#!/usr/bin/env bash
# DuckDB conformance of `headroom analyze` (Tests/Conformance/conformance.py):
# random inputs over many seeds, headroom's rows must equal DuckDB's.
# Needs the debug binary (swift build) and .venv with duckdb (scripts/setup.sh --python).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/debug/headroom
[ -x "$bin" ] || swift build --product headroom
[ -x .venv/bin/python ] && .venv/bin/python -c 'import duckdb' 2>/dev/null || scripts/setup.sh --python
exec .venv/bin/python Tests/Conformance/conformance.py "$bin" --seeds "${CONFORMANCE_SEEDS:-40}"
