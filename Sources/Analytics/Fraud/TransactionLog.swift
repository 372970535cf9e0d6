/// The card transactions of `analyze fraud` and `train`, read from CSV into
/// compact columns: `txn_id, card_token, merchant_id, mcc, amount, currency,
/// country, card_country, ts[, is_fraud]` (any column order, extra columns
/// ignored). Card tokens, merchants and countries become dense ids; amounts
/// are exact decimals; times UTC microseconds. Rows are scored in time order
/// (ties in file order), which ``TransactionLog/timeOrder()`` gives.

/// Transactions in file order, as parallel columns.
public struct TransactionLog {
    /// The required input columns.
    public static let columns = ["txn_id", "card_token", "merchant_id", "mcc", "amount", "currency", "country", "card_country", "ts"]
    /// The optional label column: `1`/`0`, `true`/`false` (any case); empty = unlabelled.
    public static let labelColumn = "is_fraud"
    /// What a label field may hold, for errors.
    public static let labelForm = "a label 1, 0, true or false (empty for unlabelled)"
    /// What an MCC field may hold, for errors.
    public static let mccForm = "a merchant category code of 1 to 4 digits such as 5411"
    /// What an amount field may hold, for errors.
    public static let amountForm = "a non-negative amount of at most 1000000000 (" + FixedDecimal.expectedForm + ")"
    /// The largest amount accepted, in 1/10,000 units: 10^9 currency units.
    public static let maxAmountUnits: Int64 = 1_000_000_000 * 10_000

    /// The file the transactions came from.
    public var file: String = ""
    /// Distinct txn_ids (each kept once; used for output).
    public var txnIDs = KeyInterner(capacity: 1 << 16)
    /// Distinct card tokens.
    public var cards = KeyInterner(capacity: 1 << 14)
    /// Distinct merchants.
    public var merchants = KeyInterner(capacity: 1 << 12)
    /// Distinct countries (transaction and card countries share ids).
    public var countries = KeyInterner(capacity: 256)
    /// txn_id of row i (an id into ``txnIDs``).
    public var txnID: [Int32] = []
    /// The compact transaction of row i.
    public var transactions: [CompactTransaction] = []
    /// Label of row i: 1 fraud, 0 legitimate, −1 unlabelled (or no column).
    public var labels: [Int8] = []
    /// Whether the file has an `is_fraud` column.
    public var hasLabelColumn = false

    /// An empty log.
    public init() {}

    /// Number of rows.
    public var count: Int { transactions.count }
    /// Number of labelled rows.
    public var labelledCount: Int { labels.lazy.filter { $0 >= 0 }.count }

    /// Row indices in timestamp order, ties in file order (stable).
    /// - Complexity: O(n log n).
    public func timeOrder() -> [Int] {
        let t = transactions
        return transactions.indices.sorted { (t[$0].timestampMicros, $0) < (t[$1].timestampMicros, $1) }
    }

    /// Reads the transactions file at `path`.
    ///
    /// A row with a missing field, an empty key, an MCC that is not 1–4
    /// digits, a negative, malformed or over 10^9 amount, a malformed ts or label is
    /// bad: the error, or counted in `badRows` when it skips bad rows. With
    /// `requireLabels`, an empty label is bad too (training).
    /// - Throws: ``AnalyticsError`` for an unreadable or empty file, a header
    ///   without a required column, no data rows, malformed CSV, or a bad row.
    /// - Complexity: O(bytes), one pass.
    public static func read(path: String, requireLabels: Bool = false, badRows: inout BadRowLog) throws -> TransactionLog {
        let reader = try CSVReader(path: path)
        let cols = try reader.requireColumns(requireLabels ? columns + [labelColumn] : columns)
        let label = reader.column(named: labelColumn)
        let required = cols[0..<columns.count]
        let maxCol = Swift.max(required.max()!, label ?? 0)
        var log = TransactionLog()
        log.file = path
        log.hasLabelColumn = label != nil
        let estimate = reader.byteCount / 96
        log.txnID.reserveCapacity(estimate)
        log.transactions.reserveCapacity(estimate)
        log.labels.reserveCapacity(estimate)
        while try reader.readRecord() {
            do {
                try reader.requireFields(Array(required) + (label.map { [$0] } ?? []), upTo: maxCol)
                let id = try reader.nonEmpty(cols[0])
                let card = try reader.nonEmpty(cols[1])
                let merchant = try reader.nonEmpty(cols[2])
                guard let mcc = parseMCC(reader.field(cols[3])) else { throw reader.error(column: cols[3], expected: mccForm) }
                let amount = try reader.decimal(cols[4])
                guard amount.units >= 0 && amount.units <= maxAmountUnits else { throw reader.error(column: cols[4], expected: amountForm) }
                let country = try reader.nonEmpty(cols[6])
                let cardCountry = try reader.nonEmpty(cols[7])
                let ts = try reader.timestamp(cols[8])
                var fraud: Int8 = -1
                if let label {
                    guard let value = parseLabel(reader.field(label)) else { throw reader.error(column: label, expected: labelForm) }
                    if value < 0 && requireLabels {
                        throw reader.error(column: label, expected: "a label 1, 0, true or false (training needs every row labelled)")
                    }
                    fraud = value
                }
                log.txnID.append(log.txnIDs.intern(id))
                log.transactions.append(CompactTransaction(
                    card: log.cards.intern(card), merchant: log.merchants.intern(merchant),
                    country: log.countries.intern(country), cardCountry: log.countries.intern(cardCountry),
                    mcc: mcc, amountUnits: amount.units, timestampMicros: ts.microseconds
                ))
                log.labels.append(fraud)
            } catch let error as AnalyticsError {
                try badRows.record(error)
            }
        }
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
        return log
    }

    /// 1 to 4 ASCII digits, spaces around allowed.
    static func parseMCC(_ b: UnsafeBufferPointer<UInt8>) -> Int16? {
        var value: Int16 = 0, digits = 0, i = 0
        while i < b.count && b[i] == 0x20 { i += 1 }
        while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
            digits += 1
            if digits > 4 { return nil }
            value = value * 10 + Int16(b[i] - 0x30)
            i += 1
        }
        while i < b.count && b[i] == 0x20 { i += 1 }
        return digits > 0 && i == b.count ? value : nil
    }

    /// `1`/`0`/`true`/`false` (any case, spaces around) → 1/0; empty → −1; else `nil`.
    static func parseLabel(_ b: UnsafeBufferPointer<UInt8>) -> Int8? {
        var text = ""
        for byte in b where byte != 0x20 { text.unicodeScalars.append(Unicode.Scalar(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))) }
        switch text {
        case "": return -1
        case "1", "true": return 1
        case "0", "false": return 0
        default: return nil
        }
    }
}
