#!/usr/bin/env bash
# Installs what is missing, builds Headroom (release) and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product headroom
bin=.build/release/headroom
echo "== headroom sample: a service time given as p50 = 2 ms, p99 = 20 ms =="
"$bin" sample "lognormal(p50=2ms, p99=20ms)" --seed 7
echo
echo "== headroom queue: M/M/1 at rho = 0.9, a million customers, measured beside Erlang/M/M/1 theory =="
"$bin" queue --arrival "exp(rate=0.9)" --service "exp(mean=1)" --servers 1 --customers 1000000 --seed 7
echo
echo "== headroom queue: M/M/4 at rho = 0.8, 30 replications with 95% confidence intervals =="
"$bin" queue --arrival "exp(rate=3.2)" --service "exp(mean=1)" --servers 4 --customers 100000 --replications 30 --seed 7
