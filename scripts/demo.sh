#!/usr/bin/env bash
# Installs what is missing, builds Headroom (release) and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product headroom
bin=.build/release/headroom
echo "== headroom sample: a service time given as p50 = 2 ms, p99 = 20 ms =="
"$bin" sample "lognormal(p50=2ms, p99=20ms)" --seed 7
