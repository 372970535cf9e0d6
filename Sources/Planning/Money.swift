/// An amount of money in US dollars, held as a `Decimal` so that prices
/// such as $0.023 per GB-month add up without binary rounding.

import Foundation

/// US dollars as an exact decimal.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in US dollars.
    public var usd: Decimal

    /// An amount of `usd` dollars.
    public init(usd: Decimal) { self.usd = usd }

    /// Zero dollars.
    public static let zero = Money(usd: 0)

    /// Parses `"0.023"`, `"$0.023"`, `"1,234.50 USD"` exactly (no binary rounding).
    /// - Throws: ``PlanningError`` naming `field` for anything else.
    public static func parse(_ text: String, field: String) throws -> Money {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("$") { t.removeFirst() }
        if t.hasSuffix("USD") { t.removeLast(3) }
        t = t.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
              let value = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PlanningError(field: field, "\"\(text)\" is not an amount in US dollars", accepted: ["0.023", "$0.023", "1,234.50 USD"])
        }
        return Money(usd: value)
    }

    /// `amount × quantity`, the quantity converted to `Decimal` with 9
    /// significant decimals (enough for GB-months and hours).
    public func times(_ quantity: Double) -> Money {
        let scaled = (quantity * 1e9).rounded()
        return Money(usd: usd * Decimal(Int64(scaled)) / Decimal(1_000_000_000))
    }

    /// The amount in dollars as a `Double`, for charts and ratios only.
    public var doubleValue: Double { NSDecimalNumber(decimal: usd).doubleValue }

    /// `"$12,345.68"`: rounded to cents, thousands grouped.
    public var formatted: String {
        var value = usd
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).stringValue
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let cents = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return (negative ? "-$" : "$") + NumberText.group(String(parts[0])) + "." + cents
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.usd < rhs.usd }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(usd: lhs.usd + rhs.usd) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(usd: lhs.usd - rhs.usd) }
}
