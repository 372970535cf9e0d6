"""DuckDB SQL with the semantics of `headroom analyze sessions` and
`headroom analyze revenue` (docs/analytics.md), CSV in, CSV out.

Used by analytics-vs-duckdb.sh (timing) and kept close to the conformance
suite's SQL (Tests/Conformance/conformance.py), which checks the rows.

usage: duckdb_queries.py sessions EVENTS OUT [GAP_SECONDS]
       duckdb_queries.py revenue TRANSACTIONS OUT AS_OF DAYS
"""
import sys, duckdb


def sessions_sql(events, out, gap_seconds=1800):
    return f"""
    COPY (
      WITH e AS (
        SELECT DISTINCT user_id, event_ts AS ts, page, event_type
        FROM read_csv('{events}', header = true,
                      columns = {{'user_id': 'VARCHAR', 'event_ts': 'TIMESTAMPTZ', 'page': 'VARCHAR', 'event_type': 'VARCHAR'}})
      ), g AS (
        SELECT user_id, ts, page,
               CASE WHEN lag(ts) OVER w IS NULL OR ts - lag(ts) OVER w > INTERVAL {gap_seconds} SECOND THEN 1 ELSE 0 END AS starts
        FROM e WINDOW w AS (PARTITION BY user_id ORDER BY ts)
      ), n AS (
        SELECT *, sum(starts) OVER (PARTITION BY user_id ORDER BY ts RANGE UNBOUNDED PRECEDING) AS session_seq FROM g
      )
      SELECT user_id, md5(user_id || CAST(epoch_us(min(ts)) AS VARCHAR))[1:16] AS session_id, session_seq,
             min(ts) AS session_start, max(ts) AS session_end, count(*) AS events_count,
             count(DISTINCT page) AS unique_pages, (epoch_us(max(ts)) - epoch_us(min(ts))) / 1e6 AS duration_seconds
      FROM n GROUP BY user_id, session_seq ORDER BY user_id, session_start
    ) TO '{out}' (HEADER)
    """


def revenue_sql(transactions, out, as_of, days):
    return f"""
    COPY (
      WITH t AS (
        SELECT transaction_id, amount, transaction_ts AS ts, status, country, seq
        FROM read_csv('{transactions}', header = true,
                      columns = {{'order_id': 'VARCHAR', 'transaction_id': 'VARCHAR', 'user_id': 'VARCHAR',
                                 'amount': 'DECIMAL(18, 4)', 'currency': 'VARCHAR', 'transaction_ts': 'TIMESTAMPTZ',
                                 'status': 'VARCHAR', 'country': 'VARCHAR', 'seq': 'BIGINT'}})
        WHERE transaction_ts < CAST(DATE '{as_of}' + 1 AS TIMESTAMPTZ)
      ), d AS (
        SELECT * FROM t
        QUALIFY row_number() OVER (PARTITION BY transaction_id ORDER BY ts DESC, (status = 'SUCCESS') DESC, seq DESC) = 1
      ), countries AS (
        SELECT DISTINCT country FROM d
        WHERE CAST(ts AS DATE) BETWEEN DATE '{as_of}' - {days} - 6 AND DATE '{as_of}'
      ), days AS (
        SELECT CAST(x AS DATE) AS dt FROM generate_series(DATE '{as_of}' - {days} - 6, DATE '{as_of}', INTERVAL 1 DAY) s(x)
      ), rev AS (
        SELECT CAST(ts AS DATE) AS dt, country, sum(amount) AS revenue FROM d WHERE status = 'SUCCESS' GROUP BY ALL
      ), grid AS (
        SELECT c.country, x.dt, coalesce(r.revenue, 0) AS revenue
        FROM countries c CROSS JOIN days x LEFT JOIN rev r ON r.country = c.country AND r.dt = x.dt
      ), ma AS (
        SELECT *, sum(revenue) OVER (PARTITION BY country ORDER BY dt ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS s7 FROM grid
      )
      SELECT dt, country, CAST(round(revenue, 2) AS DECIMAL(18, 2)) AS revenue,
             CAST(round(s7 / 7, 2) AS DECIMAL(18, 2)) AS ma_7d
      FROM ma WHERE dt >= DATE '{as_of}' - {days} ORDER BY country, dt
    ) TO '{out}' (HEADER)
    """


if __name__ == "__main__":
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    if sys.argv[1] == "sessions":
        gap = int(sys.argv[4]) if len(sys.argv) > 4 else 1800
        con.execute(sessions_sql(sys.argv[2], sys.argv[3], gap))
    else:
        con.execute(revenue_sql(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))
