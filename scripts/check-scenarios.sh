#!/usr/bin/env bash
# Builds the release binary, evaluates every shipped scenario's `expect:`
# block (`headroom check Scenarios/`, JUnit XML in .build/check.xml) and
# writes each scenario's report with --reproducible (`check --reports`, one
# run per scenario), requiring every file of it (report.md, .html, .json, timeseries.csv) to
# equal the committed one byte for byte. Exits non-zero on any failed expectation or any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product headroom
bin=.build/release/headroom
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One run per scenario: check evaluates the expectations and writes the
# reproducible report of each scenario under $tmp/<name>/.
"$bin" check Scenarios/ --quiet --junit .build/check.xml --reports "$tmp"
status=0
while IFS= read -r scenario; do
  "$bin" validate "$scenario" >/dev/null 2>&1 || continue   # workload-only files are not scenarios
  name=$(sed -n 's/^name: *//p' "$scenario" | head -1 | tr -d '"')
  [ -d "Reports/$name" ] || { echo "check-scenarios: $scenario has no committed report in Reports/$name" >&2; status=1; continue; }
  for f in $(ls "Reports/$name") $(ls "$tmp/$name"); do
    if ! cmp -s "$tmp/$name/$f" "Reports/$name/$f"; then
      echo "check-scenarios: Reports/$name/$f does not regenerate from $scenario" >&2
      status=1
    fi
  done
done < <(find Scenarios -name '*.yaml' -not -path 'Scenarios/workloads/*' | LC_ALL=C sort)
[ $status -eq 0 ] && echo "check-scenarios: every committed report regenerates byte for byte"
exit $status
