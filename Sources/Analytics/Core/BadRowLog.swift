/// What `--skip-bad-rows` does: without it the first bad row is the error;
/// with it bad rows are counted and the first few are kept to show.

/// Collects bad rows, or rethrows the first one when rows may not be skipped.
public struct BadRowLog: Sendable {
    /// How many bad rows are kept to show in the summary.
    public static let shownCount = 5

    /// Whether bad rows are skipped (counted) rather than fatal.
    public let skipsBadRows: Bool
    /// Number of bad rows skipped so far.
    public private(set) var count = 0
    /// The first ``shownCount`` bad rows, in file order.
    public private(set) var firstRows: [AnalyticsError] = []

    /// A log that throws on the first bad row unless `skipsBadRows`.
    public init(skipsBadRows: Bool) { self.skipsBadRows = skipsBadRows }

    /// Records `error`; throws it when rows may not be skipped.
    public mutating func record(_ error: AnalyticsError) throws {
        guard skipsBadRows else { throw error }
        count += 1
        if firstRows.count < Self.shownCount { firstRows.append(error) }
    }

    /// Adds the rows of `other` (for instance from a second input file).
    public mutating func merge(_ other: BadRowLog) {
        count += other.count
        for e in other.firstRows where firstRows.count < Self.shownCount { firstRows.append(e) }
    }

    /// Lines for stderr: `skipped 3 bad rows; first 3:` followed by each error,
    /// or no lines when nothing was skipped.
    public var reportLines: [String] {
        guard count > 0 else { return [] }
        let noun = count == 1 ? "row" : "rows"
        var lines = ["skipped \(count) bad \(noun); first \(firstRows.count):"]
        lines += firstRows.map { "  \($0.description)" }
        return lines
    }
}
