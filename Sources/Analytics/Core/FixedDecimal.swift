/// Exact money: a signed count of 1/10,000 units in an `Int64`.
///
/// Four decimal places cover the minor unit of every ISO 4217 currency (the
/// largest is 4, for CLF and UYW), so any amount a payment system records is
/// held exactly and sums of amounts are exact. The range is
/// ±922,337,203,685,477.5807; adding past it is a contract violation that stops
/// the program with a message (it is far beyond any real revenue total).
///
/// Accepted text: optional spaces, an optional `+` or `-`, digits with an
/// optional `.` and fraction (`12`, `-3`, `12.345`, `.5`, `5.`), optional
/// spaces. At most 14 integer digits; fraction digits past the fourth must be
/// zeros (`1.23450` is fine, `1.23456` is rejected rather than rounded). No
/// exponent (`1e2`), no thousands separators, no currency symbols: those are
/// rejected as bad input, since a silent reading of them could be wrong.

/// A fixed-point decimal with ``scale`` = 4 decimal places.
public struct FixedDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value times 10,000.
    public var units: Int64

    /// Decimal places held exactly.
    public static let scale = 4
    /// Units in 1 (10^scale).
    public static let unitsPerOne: Int64 = 10_000
    /// Zero.
    public static let zero = FixedDecimal(units: 0)

    /// The value `units` / 10,000.
    @inline(__always)
    public init(units: Int64) { self.units = units }

    /// What the parser accepts, for error messages.
    public static let expectedForm = "a decimal number such as 12.34 or -3 (at most 4 decimal places, no exponent)"

    /// Parses `text`; `nil` unless it is in the accepted form.
    public init?(_ text: String) {
        var t = text
        guard let v = t.withUTF8({ FixedDecimal.parse($0) }) else { return nil }
        self = v
    }

    /// Parses the bytes `b`; `nil` unless they are in the accepted form.
    /// - Complexity: O(length); no allocation.
    @inline(__always)
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> FixedDecimal? {
        var i = 0
        var n = b.count
        while i < n && b[i] == 0x20 { i += 1 }
        while n > i && b[n - 1] == 0x20 { n -= 1 }
        guard i < n else { return nil }
        var negative = false
        if b[i] == 0x2D { negative = true; i += 1 } else if b[i] == 0x2B { i += 1 }
        var whole: Int64 = 0
        var wholeDigits = 0
        while i < n, b[i] &- 0x30 < 10 {
            whole = whole &* 10 &+ Int64(b[i] &- 0x30)
            wholeDigits += 1
            i += 1
        }
        guard wholeDigits <= 14 else { return nil }
        var frac: Int64 = 0
        var fracDigits = 0
        if i < n && b[i] == 0x2E {
            i += 1
            while i < n, b[i] &- 0x30 < 10 {
                let d = Int64(b[i] &- 0x30)
                if fracDigits < scale { frac = frac * 10 + d } else if d != 0 { return nil }
                fracDigits += 1
                i += 1
            }
        }
        guard i == n, wholeDigits + fracDigits > 0 else { return nil }
        var k = min(fracDigits, scale)
        while k < scale { frac *= 10; k += 1 }
        let u = whole * unitsPerOne + frac
        return FixedDecimal(units: negative ? -u : u)
    }

    /// Exact sum. - Precondition: the sum is within range.
    @inline(__always)
    public static func + (a: FixedDecimal, b: FixedDecimal) -> FixedDecimal {
        let (s, overflow) = a.units.addingReportingOverflow(b.units)
        precondition(!overflow, "FixedDecimal sum out of range (more than 922 trillion)")
        return FixedDecimal(units: s)
    }

    /// Exact sum in place.
    @inline(__always)
    public static func += (a: inout FixedDecimal, b: FixedDecimal) { a = a + b }

    /// Exact difference. - Precondition: within range.
    @inline(__always)
    public static func - (a: FixedDecimal, b: FixedDecimal) -> FixedDecimal {
        let (s, overflow) = a.units.subtractingReportingOverflow(b.units)
        precondition(!overflow, "FixedDecimal difference out of range (more than 922 trillion)")
        return FixedDecimal(units: s)
    }

    /// This value divided by `count`, exactly, as a ratio (for means).
    /// - Precondition: `count > 0`.
    public func divided(by count: Int64) -> ExactRatio {
        precondition(count > 0, "FixedDecimal.divided(by: \(count)): count must be positive")
        return ExactRatio(numerator: units, denominator: count * Self.unitsPerOne)
    }

    /// The exact value as a ratio.
    public var ratio: ExactRatio { ExactRatio(numerator: units, denominator: Self.unitsPerOne) }

    /// The value rounded half away from zero to `places` decimals (0...4) and printed
    /// with exactly that many (`-0.005` → `-0.01` at 2 places; `0.004` → `0.00`).
    public func formatted(places: Int = 2) -> String { ratio.formatted(places: places) }

    /// The value with 2 decimals.
    public var description: String { formatted(places: 2) }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool { a.units < b.units }
}
