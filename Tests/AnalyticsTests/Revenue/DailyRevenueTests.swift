import Testing
@testable import Analytics

@Suite("analyze revenue rules")
struct DailyRevenueTests {
    typealias Row = (id: String, ts: String, status: String, amount: String, country: String)

    /// `dt country revenue ma_7d` lines for `rows`.
    func report(_ rows: [Row], asOf: String, days: Int64) -> [String] {
        var r = DailyRevenue(asOf: CivilDate.parse(asOf)!, days: days)
        for x in rows {
            r.add(transactionID: x.id, time: UTCTimestamp(x.ts)!, status: x.status, amount: FixedDecimal(x.amount)!, country: x.country)
        }
        return r.rows().map { "\($0.date) \($0.country) \($0.revenue.formatted(places: 2)) \($0.movingAverage7d.formatted(places: 2))" }
    }

    @Test("a duplicate transaction whose later row FAILED is not revenue")
    func duplicateWhoseLaterRowFailed() {
        let lines = report([
            ("t1", "2024-03-10 10:00:00", "SUCCESS", "100.00", "DE"),
            ("t1", "2024-03-10 10:05:00", "FAILED", "100.00", "DE"),
            ("t2", "2024-03-10 11:00:00", "FAILED", "7.00", "DE"),
            ("t2", "2024-03-10 11:01:00", "SUCCESS", "7.00", "DE"),
        ], asOf: "2024-03-10", days: 0)
        #expect(lines == ["2024-03-10 DE 7.00 1.00"])
    }

    @Test("at equal timestamps SUCCESS wins; at a full tie the later row in the file wins")
    func ties() {
        let lines = report([
            ("t1", "2024-03-10 10:00:00", "SUCCESS", "10.00", "DE"),
            ("t1", "2024-03-10 10:00:00", "FAILED", "99.00", "DE"),   // loses the tie to SUCCESS
            ("t2", "2024-03-10 10:00:00", "SUCCESS", "1.00", "DE"),
            ("t2", "2024-03-10T11:00:00+01:00", "SUCCESS", "2.00", "DE"),  // same instant, full tie: later wins
        ], asOf: "2024-03-10", days: 0)
        #expect(lines == ["2024-03-10 DE 12.00 1.71"])
    }

    @Test("rows after the end of the as-of date are dropped before deduplication")
    func afterAsOfDroppedFirst() {
        let lines = report([
            ("t1", "2024-03-10 23:59:59.999999", "SUCCESS", "5.00", "DE"),
            ("t1", "2024-03-11 00:00:00", "FAILED", "5.00", "DE"),   // after as-of: dropped, so t1 stays SUCCESS
        ], asOf: "2024-03-10", days: 0)
        #expect(lines == ["2024-03-10 DE 5.00 0.71"])
    }

    @Test("a missing day inside the moving-average window counts as 0 (calendar days, not rows)")
    func missingDayInsideWindow() {
        // Successes of 70 on 03-04 ... 03-10 except 03-07. On 03-10 the calendar window 03-04 ... 03-10 holds
        // 6 days of 70: 420 / 7 = 60. The seed's AVG over ROWS BETWEEN 6 PRECEDING, over the rows of days that
        // have revenue, would average those 6 rows and say 70.
        let rows: [Row] = [4, 5, 6, 8, 9, 10].map { d in ("t\(d)", "2024-03-\(d < 10 ? "0" : "")\(d) 12:00:00", "SUCCESS", "70.00", "FR") }
        let lines = report(rows, asOf: "2024-03-10", days: 3)
        #expect(lines == [
            "2024-03-07 FR 0.00 30.00",
            "2024-03-08 FR 70.00 40.00",
            "2024-03-09 FR 70.00 50.00",
            "2024-03-10 FR 70.00 60.00",
        ])
    }

    @Test("only status exactly SUCCESS is revenue; countries listed when they have any kept row in the window")
    func statusAndCountries() {
        let lines = report([
            ("a", "2024-03-10 01:00:00", "success", "50.00", "ES"),   // not exactly SUCCESS
            ("b", "2024-03-10 01:00:00", "PENDING", "50.00", "IT"),
            ("c", "2024-03-02 01:00:00", "SUCCESS", "7.00", "PT"),    // in [as-of − days − 6, as-of] only through the window
            ("d", "2024-02-20 01:00:00", "SUCCESS", "7.00", "NL"),    // too old: NL not listed
        ], asOf: "2024-03-10", days: 2)
        #expect(lines == [
            "2024-03-08 ES 0.00 0.00", "2024-03-09 ES 0.00 0.00", "2024-03-10 ES 0.00 0.00",
            "2024-03-08 IT 0.00 0.00", "2024-03-09 IT 0.00 0.00", "2024-03-10 IT 0.00 0.00",
            "2024-03-08 PT 0.00 1.00", "2024-03-09 PT 0.00 0.00", "2024-03-10 PT 0.00 0.00",
        ])
    }

    @Test("moving average rounds half away from zero from the exact sum; amounts keep 4 decimals")
    func rounding() {
        // 0.035 / 7 = 0.005 -> 0.01; refunds make a negative day: -0.035 / 7 -> -0.01
        #expect(report([("a", "2024-03-10 01:00:00", "SUCCESS", "0.035", "DE")], asOf: "2024-03-10", days: 0)
                == ["2024-03-10 DE 0.04 0.01"])
        #expect(report([("a", "2024-03-10 01:00:00", "SUCCESS", "-0.035", "DE")], asOf: "2024-03-10", days: 0)
                == ["2024-03-10 DE -0.04 -0.01"])
        #expect(report([("a", "2024-03-10 01:00:00", "SUCCESS", "0.0349", "DE")], asOf: "2024-03-10", days: 0)
                == ["2024-03-10 DE 0.03 0.00"])
    }

    @Test("dates come from the UTC instant: an offset can move a row to the previous day")
    func offsetsMoveDates() {
        let lines = report([("a", "2024-03-10T01:00:00+02:00", "SUCCESS", "3.00", "DE")], asOf: "2024-03-10", days: 1)
        #expect(lines == ["2024-03-09 DE 3.00 0.43", "2024-03-10 DE 0.00 0.43"])
    }
}
