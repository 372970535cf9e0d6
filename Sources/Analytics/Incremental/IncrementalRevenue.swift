/// Daily revenue per country with dedup by transaction_id, computed
/// incrementally with state bounded by a time window — the rules of
/// `analyze revenue` (``DailyRevenue``) applied to rows as they arrive.
///
/// **Dedup window.** The winner of a transaction_id (latest
/// transaction_ts; at equal times a `SUCCESS` over any other status; at a
/// full tie the later row) is held until the largest transaction_ts seen
/// passes the id's *first* row's transaction_ts + W. Then it is final: its
/// amount is added to its (date, country) and the id is forgotten. A row of
/// that id arriving later is taken for a new transaction and counts again
/// (it cannot be recognised without the state the window bounds);
/// ``idsFinalized`` counts the ids whose window closed.
///
/// **Equality with the batch.** If every row of an id arrives while the
/// largest transaction_ts seen before it is ≤ the id's first row's
/// transaction_ts + W, the rows equal ``DailyRevenue/rows()`` on the same rows in the same
/// order exactly (tested over random inputs with retries, status changes
/// and disorder inside the window; a duplicate outside the window is shown
/// to count twice). Rows at or after the end of the as-of date are dropped
/// before dedup, as in the batch.
///
/// **State.** One entry per id whose window is open (ids first seen in the
/// last W of event time, plus those whose expiry waits behind an earlier,
/// later-expiring id in the arrival-order queue: at most the ids of W + the
/// largest disorder), and one Int64 per (country, day of the output span).
/// At 50,000 transactions/s and W = 1 h that is 180 million entries: choose
/// W from the retry delays, not larger.

/// Incremental `analyze revenue`; `ID` is the transaction_id (text or a number).
public struct IncrementalRevenue<ID: Hashable> {
    /// The last day included.
    public let asOf: CivilDate
    /// Days before `asOf` in the output.
    public let days: Int64
    /// The dedup window, µs of event time.
    public let windowMicros: Int64
    /// The first instant after the as-of date.
    public let endOfAsOf: UTCTimestamp
    /// Rows dropped for being at or after the end of the as-of date.
    public private(set) var rowsAfterAsOf = 0
    /// Rows that lost to another row of their id (duplicates removed).
    public private(set) var duplicatesRemoved = 0
    /// Ids whose window closed (their winner is final).
    public private(set) var idsFinalized = 0

    struct Winner {
        var time: Int64
        var success: Bool
        var amount: Int64
        var country: Int
        var expiry: Int64
    }

    private var open: [ID: Winner] = [:]
    private var queue: [ID] = []      // arrival order of first rows; `head` is the oldest still queued
    private var head = 0
    private var latest = Int64.min
    private var countryIDs: [String: Int] = [:]
    private var countryNames: [String] = []
    private var present: [Bool] = []
    private var revenue: [[Int64]] = []   // per country, per day of the span
    private let firstDay: Int64
    private let span: Int

    /// An empty computation: as-of date, `days` ≥ 0, window `windowMicros` > 0.
    public init(asOf: CivilDate, days: Int64, windowMicros: Int64) {
        precondition(days >= 0, "IncrementalRevenue: days must be non-negative, got \(days)")
        precondition(windowMicros > 0, "IncrementalRevenue: the dedup window must be positive, got \(windowMicros) µs")
        self.asOf = asOf
        self.days = days
        self.windowMicros = windowMicros
        endOfAsOf = asOf.adding(days: 1).start
        firstDay = asOf.adding(days: -days - 6).daysSinceEpoch
        span = Int(asOf.daysSinceEpoch - firstDay + 1)
    }

    /// Ids whose window is open (the state).
    public var openIDs: Int { open.count }

    /// Offers one row in arrival order.
    /// - Complexity: O(1) amortized.
    public mutating func add(transactionID: ID, time: UTCTimestamp, success: Bool, amount: FixedDecimal, country: String) {
        guard time < endOfAsOf else { rowsAfterAsOf += 1; return }
        let t = time.microseconds
        let c = countryID(country)
        if var w = open[transactionID] {
            duplicatesRemoved += 1
            if t > w.time || (t == w.time && (success || !w.success)) {
                (w.time, w.success, w.amount, w.country) = (t, success, amount.units, c)
            }
            open[transactionID] = w
        } else {
            open[transactionID] = Winner(time: t, success: success, amount: amount.units, country: c, expiry: t &+ windowMicros)
            queue.append(transactionID)
        }
        if t > latest {
            latest = t
            expire()
        }
    }

    private mutating func countryID(_ name: String) -> Int {
        if let c = countryIDs[name] { return c }
        let c = countryNames.count
        countryIDs[name] = c
        countryNames.append(name)
        present.append(false)
        revenue.append([Int64](repeating: 0, count: span))
        return c
    }

    /// Finalizes queued ids from the front while their window has passed.
    private mutating func expire() {
        while head < queue.count, let w = open[queue[head]], w.expiry < latest {
            finalize(w)
            open[queue[head]] = nil
            head += 1
        }
        if head > 4096 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }

    private mutating func finalize(_ w: Winner) {
        idsFinalized += 1
        Self.addWinner(w, firstDay: firstDay, span: span, present: &present, revenue: &revenue)
    }

    private static func addWinner(_ w: Winner, firstDay: Int64, span: Int, present: inout [Bool], revenue: inout [[Int64]]) {
        let day = UTCTimestamp(microseconds: w.time).date.daysSinceEpoch - firstDay
        guard day >= 0 && day < Int64(span) else { return }
        present[w.country] = true
        if w.success {
            let (s, overflow) = revenue[w.country][Int(day)].addingReportingOverflow(w.amount)
            precondition(!overflow, "revenue of one day and country exceeds 922 trillion")
            revenue[w.country][Int(day)] = s
        }
    }

    /// The output rows as if every open window closed now: ``DailyRevenue/rows()``'s rules 3 and 4.
    /// - Complexity: O(open ids + countries × days).
    public func rows() -> [DailyRevenueRow] {
        var present = present
        var revenue = revenue
        for w in open.values { Self.addWinner(w, firstDay: firstDay, span: span, present: &present, revenue: &revenue) }
        var out: [DailyRevenueRow] = []
        let order = countryNames.indices.sorted { countryNames[$0].precedesInBytes(countryNames[$1]) }
        for c in order where present[c] {
            var window: Int64 = 0
            for k in 0..<span {
                window += revenue[c][k]
                if k >= 7 { window -= revenue[c][k - 7] }
                guard k >= 6 else { continue }
                out.append(DailyRevenueRow(date: CivilDate(daysSinceEpoch: firstDay + Int64(k)), country: countryNames[c],
                                           revenue: FixedDecimal(units: revenue[c][k]),
                                           movingAverage7d: ExactRatio(numerator: window, denominator: 7 * FixedDecimal.unitsPerOne)))
            }
        }
        return out
    }
}
