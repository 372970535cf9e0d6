#!/usr/bin/env bash
# Installs what is missing, then builds Headroom and runs every test:
# the Swift test suites and, where present, the DuckDB conformance suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --python
swift build --build-tests
if [ -x Tests/Conformance/run.sh ]; then
  Tests/Conformance/run.sh
fi
swift test --skip-build
