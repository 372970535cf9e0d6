"""Generates the 10-million-row benchmark inputs of analytics-vs-duckdb.sh.

events.csv        user_id,event_ts,page,event_type   (about 1% exact duplicates,
                  per-user gaps of 0-45 min so about a third of gaps start a session,
                  mixed `T`/space separators, fractions and `Z`)
transactions.csv  order_id,transaction_id,user_id,amount,currency,transaction_ts,status,country,seq
                  (about 5% of transaction ids repeated with a later or tied row,
                  95% SUCCESS, 40 countries, 120 days)

The rows are computed by DuckDB's SQL engine from range() with a fixed
arithmetic hash of the row number, so the files are identical on every run.

usage: generate.py OUTDIR ROWS
"""
import sys, os, duckdb

out, rows = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
con = duckdb.connect()
con.execute("SET preserve_insertion_order = true")
# h(i, k): a deterministic 31-bit hash of row i and salt k (no RNG involved).
con.execute("CREATE MACRO h(i, k) AS ((i * 2654435761 + k * 40503 + ((i * 97 + k) * (i % 65521))) % 2147483647)")
users = max(1, rows // 50)
con.execute(f"""
COPY (
  WITH base AS (
    SELECT i, (i * 7919) % {users} AS u, i // {users} AS step FROM range({rows}) t(i)
  ), ev AS (
    SELECT i, u,
           TIMESTAMP '2024-03-01 00:00:00' + to_microseconds(CAST(step * 1350000000 + h(i, 1) % 1350000000 AS BIGINT)) AS ts,
           '/page/' || (h(i, 2) % 500) AS page,
           ['view', 'click', 'scroll', 'purchase'][1 + h(i, 3) % 4] AS event_type
    FROM base
  ), dup AS (
    SELECT * FROM ev UNION ALL SELECT * FROM ev WHERE h(i, 4) % 100 = 0
  )
  SELECT 'user_' || lpad(CAST(u AS VARCHAR), 7, '0') AS user_id,
         CASE h(i, 5) % 3 WHEN 0 THEN strftime(ts, '%Y-%m-%d %H:%M:%S')
                          WHEN 1 THEN strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ')
                          ELSE strftime(ts, '%Y-%m-%d %H:%M:%S.%f') END AS event_ts,
         page, event_type
  FROM dup ORDER BY i
) TO '{out}/events.csv' (HEADER, DELIMITER ',')
""")
con.execute(f"""
COPY (
  WITH base AS (
    SELECT i, CASE WHEN h(i, 6) % 100 < 5 AND i > 1000 THEN i - 1 - h(i, 7) % 1000 ELSE i END AS tid FROM range({rows}) t(i)
  )
  SELECT 'o' || tid AS order_id, 't' || tid AS transaction_id, 'user_' || (h(tid, 8) % 500000) AS user_id,
         printf('%d.%02d', h(i, 9) % 500, h(i, 10) % 100) AS amount,
         'EUR' AS currency,
         strftime(TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(CAST((h(tid, 11) % 10368000) * 1000000 + (i - tid) * 1000000 AS BIGINT)),
                  '%Y-%m-%d %H:%M:%S') AS transaction_ts,
         CASE WHEN h(i, 12) % 100 < 95 THEN 'SUCCESS' ELSE 'FAILED' END AS status,
         'C' || lpad(CAST(h(tid, 13) % 40 AS VARCHAR), 2, '0') AS country,
         i AS seq
  FROM base ORDER BY i
) TO '{out}/transactions.csv' (HEADER, DELIMITER ',')
""")
for name in ("events.csv", "transactions.csv"):
    p = os.path.join(out, name)
    print(f"{name}: {os.path.getsize(p) / 1e6:.0f} MB", file=sys.stderr)
