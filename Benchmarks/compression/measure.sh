#!/usr/bin/env bash
# Measures the compression ratio of each storage format against JSON lines on
# synthetic events: `headroom generate` writes one hour of every shipped
# workload (Scenarios/workloads/*.yaml, each with its own seed) as NDJSON and
# CSV; measure.py rewrites the CSV as Parquet (Snappy, Zstandard) and Avro
# (deflate) with pyarrow and fastavro, and prints bytes and ratios.
#
#   Benchmarks/compression/measure.sh            # print the table
#   Benchmarks/compression/measure.sh --write    # also rewrite Sources/Platform/Storage/compression-ratios.json
#
# Needs python3; creates .venv-compression (gitignored) with pyarrow and fastavro.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FROM="2026-06-06 12:00"
TO="2026-06-06 13:00"

if [ ! -x .venv-compression/bin/python ] || ! .venv-compression/bin/python -c "import pyarrow, fastavro" 2>/dev/null; then
  python3 -m venv .venv-compression
  .venv-compression/bin/pip install -q pyarrow fastavro
fi

HEADROOM=${HEADROOM:-}
if [ -z "$HEADROOM" ]; then
  swift build --product headroom >/dev/null
  HEADROOM="$(swift build --show-bin-path)/headroom"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for wl in Scenarios/workloads/*.yaml; do
  name=$(basename "$wl" .yaml)
  for fmt in ndjson csv; do
    "$HEADROOM" generate --workload "$wl" --from "$FROM" --to "$TO" --out "$WORK/$name/$fmt" --format "$fmt" --quiet
  done
done
.venv-compression/bin/python Benchmarks/compression/measure.py "$WORK" \
  --from "$FROM" --to "$TO" --headroom-version "$("$HEADROOM" --version)" \
  ${1:+"$1"} --resource "$ROOT/Sources/Platform/Storage/compression-ratios.json"
