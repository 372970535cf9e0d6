/// A rate of events (transactions, records, messages) per unit of time.
///
/// Written `50k/s`, `50,000/s`, `50000 TPS`, `3M/day`, `180k/h`. Count
/// suffixes are `k` (10³), `M` (10⁶) and `G` (10⁹); time units are `s`,
/// `min`, `h`, `day` (and `sec`, `m`, `hr`, `d`). `TPS`, `RPS` and `EPS`
/// mean per second.

/// Events per second.
public struct EventRate: Sendable, Hashable, Comparable, Codable {
    /// Events per second.
    public var perSecond: Double

    /// A rate of `perSecond` events per second.
    public init(perSecond: Double) { self.perSecond = perSecond }

    /// Events per day of 86,400 s.
    public var perDay: Double { perSecond * 86_400 }

    public static func < (lhs: EventRate, rhs: EventRate) -> Bool { lhs.perSecond < rhs.perSecond }

    /// Examples shown in error messages.
    public static let acceptedForms = ["50k/s", "50,000/s", "50000 TPS", "3M/day", "180k/h"]

    /// Count-multiplier suffixes.
    static let countSuffixes: [String: Double] = ["": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9]

    /// Per-time-unit suffixes (after `/`), in seconds.
    static let perUnits: [String: Double] = [
        "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "hour": 3600,
        "d": 86_400, "day": 86_400,
    ]

    /// Parses `"50k/s"`, `"50,000 TPS"`, `"3M/day"`.
    /// - Throws: ``PlanningError`` naming `field` for an unknown suffix, a
    ///   missing time unit or a negative rate.
    public static func parse(_ text: String, field: String) throws -> EventRate {
        let q = try QuantityText(text, field: field, accepted: acceptedForms)
        guard q.number >= 0 else {
            throw PlanningError(field: field, "a rate cannot be negative, got \"\(text)\"", accepted: acceptedForms)
        }
        let unit = q.unit.replacingOccurrences(of: " ", with: "")
        for perSecondWord in ["TPS", "tps", "RPS", "rps", "EPS", "eps"] where unit.hasSuffix(perSecondWord) {
            let prefix = String(unit.dropLast(perSecondWord.count))
            if let multiplier = countSuffixes[prefix] {
                return EventRate(perSecond: q.number * multiplier)
            }
        }
        let parts = unit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw PlanningError(field: field, "\"\(text)\" has no time unit (a rate is a count per time)", accepted: acceptedForms)
        }
        guard let multiplier = countSuffixes[String(parts[0])] else {
            throw PlanningError(field: field, "unknown count suffix \"\(parts[0])\" in \"\(text)\" (use k, M or G)", accepted: acceptedForms)
        }
        guard let per = perUnits[String(parts[1])] else {
            throw PlanningError(field: field, "unknown time unit \"/\(parts[1])\" in \"\(text)\"", accepted: acceptedForms)
        }
        return EventRate(perSecond: q.number * multiplier / per)
    }

    /// `"50,000/s"`.
    public var formatted: String { NumberText.plain(perSecond, maxFractionDigits: 2) + "/s" }
}

import Foundation
