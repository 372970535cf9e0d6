"""DuckDB conformance of `headroom analyze`.

For many seeds, generates random inputs with the nasty cases (exact duplicates
written with different offsets, gaps of exactly the session gap and one
microsecond more, timestamp ties, transaction ids repeated with later, tied
and FAILED rows, rows after the as-of date, days without revenue, void bets in
any case, top-N ties, missing game types, streaks broken by days without
bets), runs each `headroom analyze` command and DuckDB SQL written to the
rules of docs/analytics.md, and requires identical rows.

DuckDB computes the answers (dedup, windows, sums, joins); this script only
generates inputs, formats DuckDB's exact values (Decimal, epoch microseconds)
with the documented output rules, and computes the documented session_id
function, which SQL has no FNV-1a for.

usage: conformance.py HEADROOM_BINARY [--seeds N]
Prints `conformance: N passed, M failed`; exits non-zero when M > 0.
"""
import csv, datetime as dt, decimal, fractions, os, random, subprocess, sys, tempfile
import duckdb

D = decimal.Decimal
decimal.getcontext().prec = 50
HEADROOM = sys.argv[1]
SEEDS = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 40
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
passed, failed = 0, 0


# ---------- formatting of exact values, as documented ----------

def fmt_ts(us):
    t = EPOCH + dt.timedelta(microseconds=us)
    s = t.strftime("%Y-%m-%d %H:%M:%S")
    return s + (".%06d" % t.microsecond if t.microsecond else "")


def fmt_dec(x, places):
    """Half away from zero (decimal's ROUND_HALF_UP), exactly `places` decimals."""
    if isinstance(x, fractions.Fraction):
        x = D(x.numerator) / D(x.denominator)
    q = D(x).quantize(D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    return f"{q:.{places}f}"


def fmt_duration(us):
    return str(us // 1_000_000) if us % 1_000_000 == 0 else "%d.%06d" % (us // 1_000_000, us % 1_000_000)


def session_id(user, start_us):
    """FNV-1a 64 over UTF-8(user) || 0x00 || start microseconds as 8 bytes big-endian."""
    h = 0xCBF29CE484222325
    for b in user.encode() + b"\x00" + (start_us & (2**64 - 1)).to_bytes(8, "big"):
        h = ((h ^ b) * 0x100000001B3) % 2**64
    return "%016x" % h


def bkey(s):
    return s.encode()


# ---------- timestamps written in many accepted forms ----------

def ts_text(rng, us, allow_offsets=True):
    t = EPOCH + dt.timedelta(microseconds=us)
    if allow_offsets and rng.random() < 0.3:
        minutes = rng.choice([60, -300, 330, 120, -30, 0])
        local = t + dt.timedelta(minutes=minutes)
        sign = "+" if minutes >= 0 else "-"
        off = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    else:
        local, off = t, rng.choice(["", "", "Z"])
    sep = rng.choice([" ", "T"])
    base = local.strftime(f"%Y-%m-%d{sep}%H:%M:%S")
    if local.microsecond or rng.random() < 0.2:
        frac = "%06d" % local.microsecond
        digits = rng.choice([6, 6, 9]) if local.microsecond else rng.choice([1, 3, 6])
        frac = (frac + str(rng.randrange(1000)).rjust(3, "0"))[:digits] if digits == 9 else frac[:digits]
        if digits < 6 and int(frac.ljust(6, "0")) != local.microsecond:
            frac = "%06d" % local.microsecond
        base += "." + frac
    return base + off


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def read_rows(path):
    with open(path, newline="") as f:
        return [tuple(r) for r in csv.reader(f)]


def run(args):
    p = subprocess.run([HEADROOM] + args, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"headroom {' '.join(args)} failed: {p.stderr.strip()}")


def check(name, seed, ours, theirs):
    global passed, failed
    if ours == theirs:
        passed += 1
        return
    failed += 1
    print(f"MISMATCH {name} seed {seed}: headroom {len(ours)} rows, duckdb {len(theirs)} rows", file=sys.stderr)
    for a, b in zip(ours, theirs):
        if a != b:
            print(f"  first difference:\n    headroom {a}\n    duckdb   {b}", file=sys.stderr)
            break


def connect():
    c = duckdb.connect()
    c.execute("SET TimeZone = 'UTC'")
    return c


USERS = ["u1", "u10", "u9", "U1", "user,comma", 'quo"te', "ü-user", "z", "é", "a b"]


# ---------- sessions (batch and streaming) ----------

def gen_events(rng, gap_us):
    users = rng.sample(USERS, rng.randint(3, len(USERS))) + [f"p{i}" for i in range(rng.randint(5, 40))]
    clock = {u: 1_709_251_200_000_000 + rng.randrange(10**10) for u in users}
    events = []
    for _ in range(rng.randint(1500, 4000)):
        u = rng.choice(users)
        step = rng.choice([gap_us, gap_us + 1, 0, gap_us * 3, gap_us - 1] + [rng.randrange(gap_us)] * 5)
        clock[u] += step
        e = (u, clock[u], f"/p{rng.randrange(8)}", rng.choice(["view", "click"]))
        events.append(e)
        if rng.random() < 0.08:
            events.append(e)  # exact duplicate (written in another textual form)
    events.append((rng.choice(["single", "solo"]), 1_709_251_200_000_000, "/only", "view"))  # a single-event user
    return events


def duck_sessions(con, path, gap_us):
    rows = con.execute(f"""
      WITH e AS (
        SELECT DISTINCT user_id, epoch_us(CAST(event_ts AS TIMESTAMPTZ)) AS t, page, event_type
        FROM read_csv('{path}', header = true, all_varchar = true, quote = '"', escape = '"')
      ), g AS (
        SELECT *, CASE WHEN lag(t) OVER w IS NULL OR t - lag(t) OVER w > {gap_us} THEN 1 ELSE 0 END AS starts
        FROM e WINDOW w AS (PARTITION BY user_id ORDER BY t)
      ), n AS (
        -- RANGE, not ROWS: events at the same instant are peers and must get the same session number
        -- (with ROWS, ties in arbitrary order split an instant across two sessions).
        SELECT *, sum(starts) OVER (PARTITION BY user_id ORDER BY t RANGE UNBOUNDED PRECEDING) AS seq FROM g
      )
      SELECT user_id, seq, min(t), max(t), count(*), count(DISTINCT page) FROM n GROUP BY user_id, seq
    """).fetchall()
    rows.sort(key=lambda r: (bkey(r[0]), r[2]))
    return [(u, session_id(u, s), str(q), fmt_ts(s), fmt_ts(e), str(c), str(p), fmt_duration(e - s))
            for u, q, s, e, c, p in rows]


def test_sessions(seed, tmp, con):
    rng = random.Random(seed)
    gap_s = rng.choice([1800, 1800, 600, 3600])
    gap_us = gap_s * 1_000_000
    events = gen_events(rng, gap_us)
    rng.shuffle(events)  # out-of-order input
    path = os.path.join(tmp, f"events{seed}.csv")
    write_csv(path, ["extra", "event_type", "page", "event_ts", "user_id"],
              [("x", e[3], e[2], ts_text(rng, e[1]), e[0]) for e in events])
    out = os.path.join(tmp, f"sessions{seed}.csv")
    run(["analyze", "sessions", "--events", path, "--gap", f"{gap_s}s", "--out", out])
    expected = duck_sessions(con, path, gap_us)
    check("sessions", seed, read_rows(out)[1:], expected)

    # Streaming, arrival order with bounded disorder (no event later than the allowed lateness): same rows.
    lateness_us = rng.choice([0, gap_us // 2, 3600 * 10**6])
    ordered = sorted(events, key=lambda e: e[1])
    arrival = sorted(enumerate(ordered), key=lambda ie: (ie[1][1] + rng.randint(0, lateness_us), ie[0]))
    spath = os.path.join(tmp, f"stream{seed}.csv")
    write_csv(spath, ["user_id", "event_ts", "page", "event_type"], [(e[0], ts_text(rng, e[1]), e[2], e[3]) for _, e in arrival])
    sout = os.path.join(tmp, f"stream_out{seed}.csv")
    run(["analyze", "sessions", "--events", spath, "--gap", f"{gap_s}s", "--streaming",
         "--allowed-lateness", f"{lateness_us}us", "--out", sout, "--dead-letters", os.path.join(tmp, f"dl{seed}.csv")])
    got = sorted(read_rows(sout)[1:], key=lambda r: (bkey(r[0]), r[3]))
    check("sessions --streaming", seed, got, sorted(duck_sessions(con, spath, gap_us), key=lambda r: (bkey(r[0]), r[3])))

    # Streaming with late events: arrival delays up to 3 h against an allowed lateness of 1 h, so some
    # events are late; the sessions must be those of the events that were not late, in batch.
    late_arrival = sorted(enumerate(ordered), key=lambda ie: (ie[1][1] + rng.randint(0, 3 * 3600 * 10**6), ie[0]))
    late_events = [e for _, e in late_arrival]
    lpath = os.path.join(tmp, f"late{seed}.csv")
    lrows = [(e[0], ts_text(rng, e[1]), e[2], e[3]) for e in late_events]
    write_csv(lpath, ["user_id", "event_ts", "page", "event_type"], lrows)
    lout, dl = os.path.join(tmp, f"late_out{seed}.csv"), os.path.join(tmp, f"late_dl{seed}.csv")
    run(["analyze", "sessions", "--events", lpath, "--gap", f"{gap_s}s", "--streaming", "--allowed-lateness", "1h",
         "--out", lout, "--dead-letters", dl])
    on_time, latest = [], None
    for r, e in zip(lrows, late_events):
        latest = e[1] if latest is None else max(latest, e[1])
        if e[1] >= latest - 3600 * 10**6:
            on_time.append(r)
    opath = os.path.join(tmp, f"ontime{seed}.csv")
    write_csv(opath, ["user_id", "event_ts", "page", "event_type"], on_time)
    got = sorted(read_rows(lout)[1:], key=lambda r: (bkey(r[0]), r[3]))
    check("sessions --streaming (late events)", seed, got, sorted(duck_sessions(con, opath, gap_us), key=lambda r: (bkey(r[0]), r[3])))
    check("dead letters", seed, len(read_rows(dl)) - 1, len(lrows) - len(on_time))


# ---------- revenue ----------

def test_revenue(seed, tmp, con):
    rng = random.Random(10_000 + seed)
    as_of = dt.date(2024, 3, 31) + dt.timedelta(days=rng.randrange(30))
    days = rng.choice([0, 3, 14, 30])
    countries = rng.sample(["DE", "FR", "ES", "IT", "PT", "NL", "Ü", "us"], rng.randint(2, 6))
    rows, seq = [], 0
    start = dt.datetime.combine(as_of, dt.time(), dt.timezone.utc) - dt.timedelta(days=days + 12)
    skip_days = set(rng.sample(range(days + 14), min(days + 14, rng.randint(1, 6))))  # days without revenue
    for i in range(rng.randint(1500, 4000)):
        day = rng.randrange(days + 14)
        if day in skip_days:
            continue
        t = start + dt.timedelta(days=day, microseconds=rng.randrange(86_400 * 10**6))
        us = int((t - EPOCH) / dt.timedelta(microseconds=1))
        tid = f"t{i}"
        amount = D(rng.randrange(-500, 50_000)) / D(rng.choice([100, 1000, 10000]))
        status = rng.choice(["SUCCESS"] * 8 + ["FAILED", "success", "PENDING"])
        country = rng.choice(countries)
        rows.append([f"o{i}", tid, f"u{rng.randrange(50)}", str(amount), "EUR", us, status, country])
        for _ in range(rng.choice([0, 0, 0, 1, 2])):  # duplicates: later, tied, earlier; FAILED or SUCCESS
            dus = us + rng.choice([0, 0, 1, 10**6, -10**6, 86_400 * 10**6])
            rows.append([f"o{i}", tid, f"u{rng.randrange(50)}", str(amount if rng.random() < 0.5 else amount + 1), "EUR", dus,
                         rng.choice(["SUCCESS", "FAILED"]), country if rng.random() < 0.9 else rng.choice(countries)])
    rng.shuffle(rows)
    path = os.path.join(tmp, f"tx{seed}.csv")
    out_rows = []
    for r in rows:
        seq += 1
        out_rows.append(r[:5] + [ts_text(rng, r[5])] + r[6:] + [seq])
    write_csv(path, ["order_id", "transaction_id", "user_id", "amount", "currency", "transaction_ts", "status", "country", "seq"], out_rows)
    out = os.path.join(tmp, f"revenue{seed}.csv")
    run(["analyze", "revenue", "--transactions", path, "--as-of", str(as_of), "--days", str(days), "--out", out])
    res = con.execute(f"""
      WITH t AS (
        SELECT transaction_id, CAST(amount AS DECIMAL(18, 4)) AS amount, CAST(transaction_ts AS TIMESTAMPTZ) AS ts,
               status, country, CAST(seq AS BIGINT) AS seq
        FROM read_csv('{path}', header = true, all_varchar = true)
        WHERE CAST(transaction_ts AS TIMESTAMPTZ) < CAST(DATE '{as_of}' + 1 AS TIMESTAMPTZ)
      ), d AS (
        SELECT * FROM t
        QUALIFY row_number() OVER (PARTITION BY transaction_id ORDER BY ts DESC, (status = 'SUCCESS') DESC, seq DESC) = 1
      ), countries AS (
        SELECT DISTINCT country FROM d WHERE CAST(ts AS DATE) BETWEEN DATE '{as_of}' - {days} - 6 AND DATE '{as_of}'
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
      SELECT dt, country, revenue, s7 FROM ma WHERE dt >= DATE '{as_of}' - {days}
    """).fetchall()
    res.sort(key=lambda r: (bkey(r[1]), r[0]))
    expected = [(str(d), c, fmt_dec(r, 2), fmt_dec(D(s) / 7, 2)) for d, c, r, s in res]
    check("revenue", seed, read_rows(out)[1:], expected)


# ---------- bets: top-players and stake-escalation ----------

def gen_bets(rng, players, start, days):
    bets, i = [], 0
    for p in players:
        for d in range(days):
            if rng.random() < 0.3:
                continue  # a day without bets
            for _ in range(rng.randint(1, 3)):
                i += 1
                t = start + dt.timedelta(days=d, microseconds=rng.randrange(86_400 * 10**6))
                stake = D(rng.choice([10, 20, 40, 80, 15, 30, 5, 100])) * D(rng.choice([1, 2, 3])) / D(rng.choice([1, 4]))
                if rng.random() < 0.2:
                    stake *= D(2) ** d % 7 + 1  # escalating days
                status = rng.choice(["won", "lost", "void", "VOID", "Void", "settled"])
                game = f"g{rng.randrange(6)}"
                gtype = rng.choice(["slots", "poker", "roulette", ""])
                bets.append([f"b{i}", p, game, gtype, t, str(stake), "2.5", status, "0"])
    return bets


def test_bets(seed, tmp, con):
    rng = random.Random(20_000 + seed)
    players = [f"p{i}" for i in range(rng.randint(8, 30))] + rng.sample(USERS, 3)
    start = dt.datetime(2024, 2, 20, tzinfo=dt.timezone.utc)
    bets = gen_bets(rng, players, start, 40)
    # Ties at the top-N cut-off: several players with the same single stake on one game type.
    for k, p in enumerate(rng.sample(players, 4)):
        bets.append([f"tie{k}", p, "g9", "tied", start + dt.timedelta(days=30), "7.5", "2", "won", "0"])
    # Escalating players: growth of exactly 1.5x, 2x or more for 1-5 days, sometimes broken by a day without bets.
    for k in range(rng.randint(3, 8)):
        p, day, stake = f"esc{k}", rng.randrange(30), D(rng.choice([10, 8, 40]))
        for step in range(rng.randint(2, 7)):
            if rng.random() < 0.15:
                day += 1  # a day without bets breaks the run
            bets.append([f"e{k}_{step}", p, "g1", "slots", start + dt.timedelta(days=day, hours=rng.randrange(24)),
                         str(stake), "2", rng.choice(["won", "lost", "VOID"] if step == 3 else ["won", "lost"]), "0"])
            day += 1
            stake = (stake * D(rng.choice(["1.5", "2", "1.25", "3"]))).quantize(D("0.0001"))
    rng.shuffle(bets)
    path = os.path.join(tmp, f"bets{seed}.csv")
    write_csv(path, ["bet_id", "player_id", "game_id", "game_type", "placed_at", "stake", "odds", "status", "actual_win"],
              [b[:4] + [ts_text(rng, int((b[4] - EPOCH) / dt.timedelta(microseconds=1)))] + b[5:] for b in bets])
    games = os.path.join(tmp, f"games{seed}.csv")
    write_csv(games, ["game_id", "game_type"], [(f"g{k}", t) for k, t in enumerate(["slots", "poker", "roulette", "live"])])

    # top-players
    as_of = dt.date(2024, 3, 20) + dt.timedelta(days=rng.randrange(10))
    days, top = rng.choice([7, 14, 30]), rng.choice([1, 3, 5])
    for with_games in (False, True):
        out = os.path.join(tmp, f"top{seed}{with_games}.csv")
        run(["analyze", "top-players", "--bets", path, "--as-of", str(as_of), "--days", str(days), "--top", str(top), "--out", out]
            + (["--games", games] if with_games else []))
        join = f"LEFT JOIN read_csv('{games}', header = true, all_varchar = true) g ON g.game_id = b.game_id" if with_games else ""
        gsrc = "g.game_type" if with_games else "NULL"
        res = con.execute(f"""
          WITH b AS (
            SELECT b.player_id, coalesce(b.game_type, {gsrc}, 'unknown') AS gt, CAST(b.stake AS DECIMAL(18, 4)) AS stake
            FROM read_csv('{path}', header = true, all_varchar = true) b {join}
            WHERE lower(b.status) <> 'void'
              AND CAST(b.placed_at AS TIMESTAMPTZ) >= CAST(DATE '{as_of}' - {days} AS TIMESTAMPTZ)
              AND CAST(b.placed_at AS TIMESTAMPTZ) < CAST(DATE '{as_of}' + 1 AS TIMESTAMPTZ)
          ), a AS (
            SELECT gt, player_id, sum(stake) AS total, count(*) AS n FROM b GROUP BY ALL
          )
          SELECT gt, row_number() OVER (PARTITION BY gt ORDER BY total DESC, player_id) AS rank, player_id, total, n
          FROM a QUALIFY rank <= {top}
        """).fetchall()
        res.sort(key=lambda r: (bkey(r[0]), r[1]))
        check(f"top-players{' --games' if with_games else ''}", seed, read_rows(out)[1:],
              [(g, str(r), p, fmt_dec(t, 2), str(n)) for g, r, p, t, n in res])

    # stake-escalation
    threshold, min_days = rng.choice(["0.5", "0", "0.25", "1"]), rng.choice([1, 2, 3])
    out = os.path.join(tmp, f"esc{seed}.csv")
    run(["analyze", "stake-escalation", "--bets", path, "--threshold", threshold, "--min-days", str(min_days), "--out", out])
    res = con.execute(f"""
      WITH d AS (
        SELECT player_id, CAST(CAST(placed_at AS TIMESTAMPTZ) AS DATE) AS day, sum(CAST(stake AS DECIMAL(18, 4))) AS total
        FROM read_csv('{path}', header = true, all_varchar = true) WHERE lower(status) <> 'void' GROUP BY ALL
      ), f AS (
        SELECT a.player_id, a.day FROM d a JOIN d b ON b.player_id = a.player_id AND b.day = a.day - 1
        WHERE b.total > 0 AND a.total >= (1 + CAST('{threshold}' AS DECIMAL(18, 4))) * b.total
      ), r AS (
        SELECT player_id, day, day - CAST(row_number() OVER (PARTITION BY player_id ORDER BY day) AS INTEGER) AS grp FROM f
      ), s AS (
        SELECT player_id, min(day) AS s, max(day) AS e, count(*) AS len FROM r GROUP BY player_id, grp HAVING count(*) >= {min_days}
      )
      SELECT s.player_id, s.s, s.e, s.len,
             (SELECT coalesce(sum(total), 0) FROM d WHERE d.player_id = s.player_id AND d.day BETWEEN s.s - 3 AND s.s - 1),
             (SELECT sum(total) FROM d WHERE d.player_id = s.player_id AND d.day BETWEEN s.s AND s.e)
      FROM s
    """).fetchall()
    rows = []
    for p, s, e, n, before, during in res:
        b, du = fractions.Fraction(D(before)) / 3, fractions.Fraction(D(during)) / n
        rows.append(((b and (du - b) / b), n, p, s, e, b, du))
    rows.sort(key=lambda r: (-r[0], -r[1], bkey(r[2]), r[3]))
    check("stake-escalation", seed, read_rows(out)[1:],
          [(p, str(s), str(e), str(n), fmt_dec(b, 2), fmt_dec(du, 2), fmt_dec(pct, 4)) for pct, n, p, s, e, b, du in rows])


with tempfile.TemporaryDirectory(prefix="headroom-conformance-") as tmp:
    con = connect()
    for seed in range(1, SEEDS + 1):
        for test in (test_sessions, test_revenue, test_bets):
            try:
                test(seed, tmp, con)
            except Exception as e:  # a crash of either side is a failure, reported with its seed
                failed += 1
                print(f"ERROR {test.__name__} seed {seed}: {e}", file=sys.stderr)
print(f"conformance: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
