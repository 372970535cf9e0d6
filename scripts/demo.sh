#!/usr/bin/env bash
# Installs what is missing, builds Headroom (release) and runs the main job on
# a shipped scenario: the fraud-detection service at 50,000 TPS as a queueing
# network, with its report written to Reports/fraud-detection-queueing/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product headroom
bin=.build/release/headroom
echo "== headroom run Scenarios/fraud-detection-queueing.yaml =="
# --reproducible writes wall_seconds as 0, so the report equals the committed one.
"$bin" run Scenarios/fraud-detection-queueing.yaml --reproducible
echo
echo "== headroom check Scenarios/: every shipped scenario's expect: block =="
"$bin" check Scenarios/ --quiet
echo
echo "== headroom queue: M/M/4 at rho = 0.8, 30 replications beside Erlang C =="
"$bin" queue --arrival "exp(rate=3.2)" --service "exp(mean=1)" --servers 4 --customers 100000 --replications 30 --seed 7
echo
echo "Reports: Reports/fraud-detection-queueing/report.md (also .html, .json, timeseries.csv)"
