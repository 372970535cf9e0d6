@testable import Analytics
import Testing
import Variates

/// Incremental revenue equals the batch `analyze revenue` rows exactly when
/// duplicates arrive within the dedup window.
@Suite("Incremental revenue with a dedup window")
struct IncrementalRevenueTests {
    struct Row { var id: String; var time: Int64; var success: Bool; var amount: Int64; var country: String; var arrival: Int64 }

    static let minute: Int64 = 60_000_000
    static let asOf = CivilDate(year: 2024, month: 3, day: 20)
    static let countries = ["US", "DE", "BR", "br", "ü-land", "a,b"]

    /// Random transactions over 25 days (some after as-of), 15% retried within 30 minutes (half with a
    /// later time and the other status, some at the same instant), each row delayed by up to 10 minutes.
    static func rows(seed: UInt64) -> [Row] {
        let s = RandomStream(seed: seed, name: "incremental-revenue")
        let start = asOf.adding(days: -24).start.microseconds
        var rows: [Row] = []
        for i in 0..<2_000 {
            let t = start + Int64(s.uniformInt(below: UInt64(25 * 1_440 * minute)))
            let r = Row(id: "t\(i)", time: t, success: s.uniform() < 0.8, amount: Int64(1 + s.uniformInt(below: 5_000_000)),
                        country: countries[Int(s.uniformInt(below: UInt64(countries.count)))],
                        arrival: t + Int64(s.uniformInt(below: UInt64(10 * minute))))
            rows.append(r)
            if s.uniform() < 0.15 {
                var copy = r
                let delay = Int64(s.uniformInt(below: UInt64(30 * minute)))
                copy.arrival = r.arrival + delay
                switch s.uniformInt(below: 3) {
                case 0: copy.time += delay; copy.success.toggle()        // retry that changed status
                case 1: copy.success.toggle()                            // same instant, other status
                default: copy.amount += 1                                // full tie: the later row wins
                }
                rows.append(copy)
            }
        }
        return rows.enumerated().sorted { ($0.element.arrival, $0.offset) < ($1.element.arrival, $1.offset) }.map(\.element)
    }

    static func batch(_ rows: [Row], days: Int64) -> [DailyRevenueRow] {
        var b = DailyRevenue(asOf: asOf, days: days)
        for r in rows {
            b.add(transactionID: r.id, time: UTCTimestamp(microseconds: r.time), status: r.success ? "SUCCESS" : "FAILED",
                  amount: FixedDecimal(units: r.amount), country: r.country)
        }
        return b.rows()
    }

    static func incremental(_ rows: [Row], days: Int64, window: Int64 = 60 * minute) -> IncrementalRevenue<String> {
        var inc = IncrementalRevenue<String>(asOf: asOf, days: days, windowMicros: window)
        for r in rows {
            inc.add(transactionID: r.id, time: UTCTimestamp(microseconds: r.time), success: r.success,
                    amount: FixedDecimal(units: r.amount), country: r.country)
        }
        return inc
    }

    @Test("equals the batch rows exactly over 30 seeds (duplicates within a 1 h window)", arguments: 0..<30)
    func equalsBatch(seed: UInt64) {
        let rows = Self.rows(seed: seed)
        for days: Int64 in [0, 10] {
            let inc = Self.incremental(rows, days: days)
            let batch = Self.batch(rows, days: days)
            #expect(!batch.isEmpty)
            #expect(inc.rows() == batch, "seed \(seed), days \(days)")
            let inRange = rows.filter { $0.time < Self.asOf.adding(days: 1).start.microseconds }
            #expect(inc.duplicatesRemoved == inRange.count - Set(inRange.map(\.id)).count, "seed \(seed)")
        }
    }

    @Test("state is bounded by the window: ids are finalized as event time passes them")
    func boundedState() {
        let rows = Self.rows(seed: 7)
        let inc = Self.incremental(rows, days: 10)
        // 25 days of ~80 ids/day of which a 1 h (+ disorder) window is open: far fewer than all ids.
        #expect(inc.openIDs < 40, "open ids \(inc.openIDs)")
        #expect(inc.idsFinalized + inc.openIDs == Set(rows.filter { $0.time < Self.asOf.adding(days: 1).start.microseconds }.map(\.id)).count)
    }

    @Test("a duplicate arriving after the window counts twice: the window is the only dedup state")
    func duplicateOutsideWindow() {
        let day = Self.asOf.start.microseconds
        func row(_ id: String, _ minutes: Int64, amount: Int64) -> Row {
            Row(id: id, time: day + minutes * Self.minute, success: true, amount: amount, country: "US", arrival: day + minutes * Self.minute)
        }
        // t1 at 00:00; other traffic moves event time to 02:00; t1's copy arrives then (its time 00:00 still).
        let rows = [row("t1", 0, amount: 10_000), row("t2", 120, amount: 20_000), row("t1", 0, amount: 10_000)]
        let batch = Self.batch(rows, days: 0)
        let inc = Self.incremental(rows, days: 0)
        #expect(batch.map(\.revenue) == [FixedDecimal(units: 30_000)])
        #expect(inc.rows().map(\.revenue) == [FixedDecimal(units: 40_000)])
        // With a window of 3 h the copy is recognised.
        #expect(Self.incremental(rows, days: 0, window: 180 * Self.minute).rows() == batch)
    }

    @Test("rows after the as-of date are dropped before dedup, as in the batch")
    func afterAsOf() {
        let end = Self.asOf.adding(days: 1).start.microseconds
        let rows = [Row(id: "t", time: end - Self.minute, success: true, amount: 50_000, country: "DE", arrival: end - Self.minute),
                    Row(id: "t", time: end, success: false, amount: 50_000, country: "DE", arrival: end)]
        let inc = Self.incremental(rows, days: 1)
        #expect(inc.rowsAfterAsOf == 1)
        #expect(inc.rows() == Self.batch(rows, days: 1))
        #expect(inc.rows().last?.revenue == FixedDecimal(units: 50_000))
    }
}
