#!/usr/bin/env bash
# Installs what is missing, builds Headroom (release) and runs the main job on
# a shipped scenario: the seed's fraud-detection service at 50,000 TPS on the
# streaming model, with its report written to Reports/fraud-detection/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product headroom
bin=.build/release/headroom
echo "== headroom run Scenarios/fraud-detection.yaml: the seed's 50k TPS fraud service, 3 simulated minutes (about a minute here) =="
# --reproducible writes wall_seconds as 0, so the report equals the committed one.
"$bin" run Scenarios/fraud-detection.yaml --reproducible
echo
echo "== headroom check Scenarios/: every shipped scenario's expect: block =="
"$bin" check Scenarios/ --quiet
echo
echo "== headroom queue: M/M/4 at rho = 0.8, 30 replications beside Erlang C =="
"$bin" queue --arrival "exp(rate=3.2)" --service "exp(mean=1)" --servers 4 --customers 100000 --replications 30 --seed 7
echo
echo "Reports: Reports/fraud-detection/report.md (also .html, .json, timeseries.csv, partitions.csv) and Reports/<scenario>/ for the others"
