#!/usr/bin/env bash
# Headroom's kernel against its peers, in one run on this machine:
#   SimPy and Ciw (pip-installed into .venv-bench, created here), a hand-written
#   C loop (Benchmarks/kernel-peers/mm1.c, gcc -O2), and `headroom bench kernel`
#   (release build), on M/M/1 and M/M/8 at rho = 0.9. Prints events per second
#   (an arrival and a departure are two events) and Headroom's ratio to each.
# Usage: Benchmarks/kernel-peers.sh [HEADROOM_CUSTOMERS [SIMPY_CUSTOMERS [CIW_CUSTOMERS]]]
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-10000000}
simpy_customers=${2:-200000}
ciw_customers=${3:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '[kernel-peers] %s\n' "$*" >&2; }

if ! .venv-bench/bin/python -c 'import simpy, ciw' >/dev/null 2>&1; then
  say "creating .venv-bench with simpy and ciw"
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install --quiet --disable-pip-version-check simpy ciw
fi
say "building headroom (release) and the C loop"
swift build -c release --product headroom >&2
gcc -O2 -o "$work/mm1" Benchmarks/kernel-peers/mm1.c -lm

say "C loop: $customers customers"
"$work/mm1" "$customers" > "$work/c.json"
say "headroom bench kernel: $customers customers"
.build/release/headroom bench kernel --customers "$customers" --json > "$work/headroom.json"
say "SimPy: $simpy_customers customers; Ciw: $ciw_customers customers"
.venv-bench/bin/python Benchmarks/kernel-peers/peers.py "$simpy_customers" "$ciw_customers" > "$work/peers.jsonl"

.venv-bench/bin/python - "$work" <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
rates = {}
bench = json.loads((work / "headroom.json").read_text())
for m in bench["models"]:
    rates["headroom-" + m["name"]] = m["events_per_second"]
c = json.loads((work / "c.json").read_text())
rates["c-mm1"] = c["events_per_second"]
for line in (work / "peers.jsonl").read_text().splitlines():
    m = json.loads(line)
    rates[m["name"]] = m["events_per_second"]
print(f"{'model':8} {'implementation':16} {'events/s':>14} {'headroom / it':>14}")
for model in ("mm1", "mm8"):
    ours = rates["headroom-" + model]
    for impl in ("headroom", "c", "simpy", "ciw"):
        key = f"{impl}-{model}"
        if key not in rates:
            continue
        ratio = ours / rates[key]
        print(f"{model:8} {impl:16} {rates[key]:>14,.0f} {ratio:>13.2f}x")
for model in ("mm1", "mm8"):
    key = f"headroom-{model}_kernel"
    if key in rates:
        line = f"{model + '_kernel':15} {'headroom':9} {rates[key]:>14,.0f}  (bare SimCore model, the C loop's statistics)"
        if model == "mm1":
            line += f"; {rates[key] / rates['c-mm1']:.2f}x the C loop"
        print(line)
for name in ("deep", "deep_kernel", "deep_components"):
    if "headroom-" + name in rates:
        print(f"{name:15} {'headroom':9} {rates['headroom-' + name]:>14,.0f}")
rss = ", ".join(f"{r['kib']:,} KiB after {r['customers']:,} M/M/1 customers" for r in bench["peak_rss_kib"])
print(f"peak RSS: {rss}")
PY
