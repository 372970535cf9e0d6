/// A length of time written as people write it: `250ms`, `5s`, `30m`, `2h`, `1d`, `1w`, `1y`.
///
/// Decisions (documented in docs/planning.md):
/// - `m` is minutes, never months; months are not accepted because their
///   length varies (write `30d`, or `90d` for a quarter).
/// - `y` is exactly 365 days, the convention of sizing arithmetic
///   ("× 365 = per year"); leap days are ignored.
/// - `w` is 7 days; `d` is 86,400 s (no leap seconds).
/// Named `TimeSpan` to stay clear of the standard library's `Duration`.

/// A non-negative length of time in seconds.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable {
    /// The length in seconds.
    public var seconds: Double

    /// A span of `seconds` seconds.
    public init(seconds: Double) { self.seconds = seconds }

    /// A span of `days` days of 86,400 s.
    public static func days(_ days: Double) -> TimeSpan { TimeSpan(seconds: days * 86_400) }
    /// A span of `ms` milliseconds.
    public static func milliseconds(_ ms: Double) -> TimeSpan { TimeSpan(seconds: ms / 1000) }

    /// The span in days of 86,400 s.
    public var days: Double { seconds / 86_400 }
    /// The span in milliseconds.
    public var milliseconds: Double { seconds * 1000 }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan { TimeSpan(seconds: lhs.seconds + rhs.seconds) }

    /// The accepted unit symbols and their length in seconds.
    static let units: [(symbols: [String], seconds: Double)] = [
        (["ns"], 1e-9), (["us", "µs"], 1e-6), (["ms"], 1e-3),
        (["s", "sec"], 1), (["m", "min"], 60), (["h", "hr"], 3600),
        (["d", "day", "days"], 86_400), (["w", "wk", "week", "weeks"], 604_800),
        (["y", "yr", "year", "years"], 365 * 86_400),
    ]

    /// Examples shown in error messages.
    public static let acceptedForms = ["250ms", "5s", "30m", "2h", "30d", "1w", "1y (= 365d)"]

    /// Parses `"250ms"`, `"5 s"`, `"30m"`, `"1y"`.
    /// - Throws: ``PlanningError`` naming `field` for a missing or unknown
    ///   unit (`5`, `3mo`, `1M`) or a negative span.
    public static func parse(_ text: String, field: String) throws -> TimeSpan {
        let q = try QuantityText(text, field: field, accepted: acceptedForms)
        guard !q.unit.isEmpty else {
            throw PlanningError(field: field, "\"\(text)\" has no unit", accepted: acceptedForms)
        }
        guard let unit = units.first(where: { $0.symbols.contains(q.unit) }) else {
            let hint = q.unit.lowercased().hasPrefix("mo") || q.unit == "M"
                ? " (months vary in length; write days, e.g. 30d or 90d)" : ""
            throw PlanningError(field: field, "unknown time unit \"\(q.unit)\" in \"\(text)\"" + hint, accepted: acceptedForms)
        }
        guard q.number >= 0 else {
            throw PlanningError(field: field, "a length of time cannot be negative, got \"\(text)\"", accepted: acceptedForms)
        }
        return TimeSpan(seconds: q.number * unit.seconds)
    }

    /// `"250 ms"`, `"5 s"`, `"30 min"`, `"2 h"`, `"365 d"`: the largest unit
    /// (up to days) with a value of at least 1, 3 significant digits.
    public var formatted: String {
        let steps: [(String, Double)] = [("d", 86_400), ("h", 3600), ("min", 60), ("s", 1), ("ms", 1e-3), ("µs", 1e-6)]
        for (symbol, length) in steps where Swift.abs(seconds) >= length {
            return NumberText.significant(seconds / length, digits: 3) + " " + symbol
        }
        return seconds == 0 ? "0 s" : NumberText.significant(seconds * 1e9, digits: 3) + " ns"
    }
}
