/// `analyze revenue`: deduplicated transactions summed per UTC date and
/// country, with a calendar-correct 7-day moving average.
///
/// Rules, in order:
/// 1. Rows with transaction_ts at or after the end of the as-of date
///    (as-of + 1 day, 00:00 UTC) are dropped.
/// 2. Per transaction_id the row with the latest transaction_ts is kept; at
///    equal timestamps a row whose status is exactly `SUCCESS` wins over one
///    whose status is anything else; at a full tie the row later in the file wins.
/// 3. Revenue of (date, country) is the exact sum of amount over kept rows
///    with status exactly `SUCCESS` whose UTC date is that date.
/// 4. Output: every date from as-of − days to as-of × every country with at
///    least one kept row (any status) dated in [as-of − days − 6, as-of];
///    `ma_7d` is the sum of revenue over the 7 calendar days ending on dt,
///    divided by 7 (days without a success count as 0), rounded half away
///    from zero to 2 decimals. Sorted by country (bytes), then dt.

/// One output row.
public struct DailyRevenueRow: Hashable, Sendable {
    /// The UTC date.
    public var date: CivilDate
    /// The country as in the input.
    public var country: String
    /// Exact revenue of the day.
    public var revenue: FixedDecimal
    /// Exact 7-calendar-day moving average ending on `date`.
    public var movingAverage7d: ExactRatio
}

/// The computation behind `analyze revenue`.
public struct DailyRevenue {
    /// The columns read (order_id, user_id and currency are not used by the rules).
    public static let columns = ["transaction_id", "amount", "transaction_ts", "status", "country"]
    /// The output header.
    public static let header = ["dt", "country", "revenue", "ma_7d"]

    /// The last day included.
    public let asOf: CivilDate
    /// Days before `asOf` included in the output.
    public let days: Int64
    /// Distinct countries seen.
    public private(set) var countries = KeyInterner(capacity: 256)
    /// The winning row per transaction_id.
    public private(set) var winners: TransactionWinners
    /// The first instant after the as-of date.
    public let endOfAsOf: UTCTimestamp
    /// Rows dropped for being after the as-of date.
    public private(set) var rowsAfterAsOf = 0

    /// An empty computation for `asOf` and `days` (≥ 0), sized for about `expected` transactions.
    public init(asOf: CivilDate, days: Int64, expected: Int = 1024) {
        precondition(days >= 0, "DailyRevenue: days must be non-negative, got \(days)")
        self.asOf = asOf
        self.days = days
        endOfAsOf = asOf.adding(days: 1).start
        winners = TransactionWinners(expected: expected)
    }

    /// A row waiting in the current batch (its key bytes stay valid: they are in the mapped file).
    struct PendingRow {
        var key: UnsafeBufferPointer<UInt8>
        var hash: UInt64
        var time: Int64
        var success: Bool
        var amount: Int64
        var country: Int32
        var line: Int
    }

    private var pending: [PendingRow] = []
    private var probeSink: UInt64 = 0
    private static let batchSize = 16

    /// Offers one already parsed row (rules 1 and 2) at once.
    @inline(__always)
    public mutating func add(transactionID: UnsafeBufferPointer<UInt8>, time: UTCTimestamp, status: UnsafeBufferPointer<UInt8>,
                             amount: FixedDecimal, country: UnsafeBufferPointer<UInt8>, line: Int) {
        flushPending()
        guard let row = prepare(transactionID, time, status, amount, country, line) else { return }
        winners.offer(key: row.key, hash: row.hash, time: row.time, success: row.success, amount: row.amount,
                      country: row.country, line: row.line)
    }

    /// Offers a row whose `transactionID` bytes stay valid until ``flushPending()``;
    /// rows are offered in batches, with the table slots of a batch loaded together.
    @inline(__always)
    mutating func addDeferred(transactionID: UnsafeBufferPointer<UInt8>, time: UTCTimestamp, status: UnsafeBufferPointer<UInt8>,
                              amount: FixedDecimal, country: UnsafeBufferPointer<UInt8>, line: Int) {
        guard let row = prepare(transactionID, time, status, amount, country, line) else { return }
        pending.append(row)
        if pending.count == Self.batchSize { flushPending() }
    }

    /// Offers the batched rows, in their order.
    @inline(__always)
    mutating func flushPending() {
        guard !pending.isEmpty else { return }
        var sink: UInt64 = 0
        for r in pending { sink &+= winners.touch(hash: r.hash) }   // independent loads, overlapped
        probeSink &+= sink
        for r in pending {
            winners.offer(key: r.key, hash: r.hash, time: r.time, success: r.success, amount: r.amount,
                          country: r.country, line: r.line)
        }
        pending.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func prepare(_ transactionID: UnsafeBufferPointer<UInt8>, _ time: UTCTimestamp, _ status: UnsafeBufferPointer<UInt8>,
                                  _ amount: FixedDecimal, _ country: UnsafeBufferPointer<UInt8>, _ line: Int) -> PendingRow? {
        guard time < endOfAsOf else { rowsAfterAsOf += 1; return nil }
        let success = status.count == 7 && status[0] == 0x53 && status[1] == 0x55 && status[2] == 0x43 && status[3] == 0x43
            && status[4] == 0x45 && status[5] == 0x53 && status[6] == 0x53   // "SUCCESS"
        return PendingRow(key: transactionID, hash: TransactionWinners.hash(transactionID), time: time.microseconds,
                          success: success, amount: amount.units, country: countries.intern(country), line: line)
    }

    /// Offers one row given as text (tests).
    public mutating func add(transactionID: String, time: UTCTimestamp, status: String, amount: FixedDecimal, country: String) {
        var (t, s, c) = (transactionID, status, country)
        t.withUTF8 { tb in s.withUTF8 { sb in c.withUTF8 { cb in
            add(transactionID: tb, time: time, status: sb, amount: amount, country: cb, line: 0) } } }
    }

    /// Reads the transactions file at `path` into a computation.
    /// - Throws: ``AnalyticsError`` for an unreadable, empty or header-only
    ///   file, a missing column, malformed CSV, or a bad row (empty
    ///   transaction_id or country, unparsable amount or transaction_ts) unless skipped.
    public static func read(path: String, asOf: CivilDate, days: Int64, badRows: inout BadRowLog) throws -> DailyRevenue {
        let reader = try CSVReader(path: path)
        let cols = try reader.requireColumns(columns)
        let (ci, ca, ct, cs, cc) = (cols[0], cols[1], cols[2], cols[3], cols[4])
        let maxCol = cols.max()!
        var result = DailyRevenue(asOf: asOf, days: days, expected: reader.byteCount / 64)
        while try reader.readRecord() {
            do {
                try reader.requireFields(cols, upTo: maxCol)
                let id = try reader.nonEmpty(ci)
                let amount = try reader.decimal(ca)
                let time = try reader.timestamp(ct)
                let country = try reader.nonEmpty(cc)
                if reader.isFieldInFile(ci) {
                    result.addDeferred(transactionID: id, time: time, status: reader.field(cs), amount: amount,
                                       country: country, line: reader.recordLine)
                } else {
                    result.add(transactionID: id, time: time, status: reader.field(cs), amount: amount,
                               country: country, line: reader.recordLine)
                }
            } catch let error as AnalyticsError {
                try badRows.record(error)
            }
        }
        result.flushPending()
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
        return result
    }

    /// The output rows (rules 3 and 4), sorted by country then date.
    /// - Precondition: no row is pending (``read(path:asOf:days:badRows:)`` and
    ///   ``add(transactionID:time:status:amount:country:line:)`` leave none).
    /// - Complexity: O(transactions + countries × days).
    public func rows() -> [DailyRevenueRow] {
        precondition(pending.isEmpty, "DailyRevenue.rows() with rows still pending")
        let first = asOf.adding(days: -days - 6).daysSinceEpoch    // first day that matters
        let last = asOf.daysSinceEpoch
        let span = Int(last - first + 1)
        let countryCount = countries.count
        var present = [Bool](repeating: false, count: countryCount)
        var revenue = [Int64](repeating: 0, count: countryCount * span)
        for w in winners.winners {
            let day = UTCTimestamp(microseconds: w.time).date.daysSinceEpoch
            guard day >= first && day <= last else { continue }
            present[Int(w.country)] = true
            if w.success {
                let k = Int(w.country) * span + Int(day - first)
                let (s, overflow) = revenue[k].addingReportingOverflow(w.amount)
                precondition(!overflow, "revenue of one day and country exceeds 922 trillion")
                revenue[k] = s
            }
        }
        var out: [DailyRevenueRow] = []
        for c in countries.idsInByteOrder() where present[Int(c)] {
            let name = countries.string(c)
            let base = Int(c) * span
            var window: Int64 = 0
            for k in 0..<span {
                window += revenue[base + k]
                if k >= 7 { window -= revenue[base + k - 7] }
                guard k >= 6 else { continue }
                out.append(DailyRevenueRow(date: CivilDate(daysSinceEpoch: first + Int64(k)), country: name,
                                           revenue: FixedDecimal(units: revenue[base + k]),
                                           movingAverage7d: ExactRatio(numerator: window, denominator: 7 * FixedDecimal.unitsPerOne)))
            }
        }
        return out
    }

    /// Counts for the summary: distinct transactions kept, of which SUCCESS.
    public var keptCounts: (transactions: Int, successes: Int) {
        (winners.winners.count, winners.winners.reduce(0) { $0 + ($1.success ? 1 : 0) })
    }
}
