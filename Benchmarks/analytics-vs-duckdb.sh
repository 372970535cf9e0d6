#!/usr/bin/env bash
# headroom analyze vs DuckDB on the same 10-million-row CSVs, in one run.
#
#   Benchmarks/analytics-vs-duckdb.sh            (ROWS=10000000 BENCH_DIR=/tmp/headroom-analytics-bench)
#
# Generates events.csv and transactions.csv once (Benchmarks/analytics/generate.py,
# deterministic), builds headroom and analytics-bench in release mode, then times,
# end to end (read CSV, compute, write CSV), each of:
#   headroom analyze sessions / revenue          (one core)
#   DuckDB, same semantics in SQL, CSV -> CSV    (all cores; Benchmarks/analytics/duckdb_queries.py)
# with /usr/bin/time -v for wall time and peak RSS, and prints them side by side,
# followed by the in-memory rate of the streaming sessionizer (analytics-bench).
# The machine may be shared: every figure is from this run only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000000}
DIR=${BENCH_DIR:-/tmp/headroom-analytics-bench}
AS_OF=${AS_OF:-2024-04-15}
mkdir -p "$DIR"

[ -x .venv/bin/python ] && .venv/bin/python -c 'import duckdb' 2>/dev/null || scripts/setup.sh --python
PY=.venv/bin/python
if [ ! -s "$DIR/events.csv" ] || [ ! -s "$DIR/transactions.csv" ] || [ "$(cat "$DIR/rows" 2>/dev/null)" != "$ROWS" ]; then
  echo "generating $ROWS-row inputs in $DIR ..." >&2
  "$PY" Benchmarks/analytics/generate.py "$DIR" "$ROWS"
  echo "$ROWS" > "$DIR/rows"
fi
echo "building release binaries ..." >&2
swift build -c release --product headroom >&2
swift build -c release --product analytics-bench >&2
BIN=.build/release/headroom

# measure NAME ROWS -- command...: prints one table row; the command's stderr goes to $DIR/NAME.log
measure() {
  local name=$1 rows=$2; shift 3
  /usr/bin/time -v "$@" 2> "$DIR/$name.log" >/dev/null
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DIR/$name.log" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/$name.log")
  printf '%-34s %9.2f s %12.2f M rows/s %9.0f MiB\n' "$name" "$wall" "$(echo "$rows / $wall / 1000000" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

events_rows=$(($(wc -l < "$DIR/events.csv") - 1))
tx_rows=$(($(wc -l < "$DIR/transactions.csv") - 1))
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); duckdb $("$PY" -c 'import duckdb; print(duckdb.__version__)')"
printf '%-34s %11s %20s %13s\n' "run" "wall" "throughput" "peak RSS"
measure "headroom analyze sessions" "$events_rows" -- "$BIN" analyze sessions --events "$DIR/events.csv" --out "$DIR/sessions.headroom.csv"
measure "duckdb sessions SQL" "$events_rows" -- "$PY" Benchmarks/analytics/duckdb_queries.py sessions "$DIR/events.csv" "$DIR/sessions.duckdb.csv"
measure "headroom analyze sessions --streaming" "$events_rows" -- "$BIN" analyze sessions --events "$DIR/events.csv" --streaming --allowed-lateness 1h --out "$DIR/sessions.streaming.csv"
measure "headroom analyze revenue" "$tx_rows" -- "$BIN" analyze revenue --transactions "$DIR/transactions.csv" --as-of "$AS_OF" --days 90 --out "$DIR/revenue.headroom.csv"
measure "duckdb revenue SQL" "$tx_rows" -- "$PY" Benchmarks/analytics/duckdb_queries.py revenue "$DIR/transactions.csv" "$DIR/revenue.duckdb.csv" "$AS_OF" 90
echo
echo "sessions rows: headroom $(($(wc -l < "$DIR/sessions.headroom.csv") - 1)), duckdb $(($(wc -l < "$DIR/sessions.duckdb.csv") - 1)), streaming $(($(wc -l < "$DIR/sessions.streaming.csv") - 1))"
if cmp -s "$DIR/revenue.headroom.csv" "$DIR/revenue.duckdb.csv"; then echo "revenue outputs: identical"; else echo "revenue outputs: DIFFER (see $DIR/revenue.*.csv)"; fi
echo "summaries: $(grep -h -E '^(sessions|revenue)' "$DIR"/headroom*.log | tr '\n' ' ')"
echo
.build/release/analytics-bench 20000000 200000
.build/release/analytics-bench 20000000 20000
