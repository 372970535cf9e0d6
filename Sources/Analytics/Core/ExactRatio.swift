/// An exact rational number n/d of two `Int64`s, for means and percentages
/// that must be compared and rounded from the exact value, not from a
/// binary floating-point approximation.

/// The exact value `numerator / denominator`, `denominator > 0`.
public struct ExactRatio: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The numerator (any sign).
    public let numerator: Int64
    /// The denominator (positive).
    public let denominator: Int64

    /// `numerator / denominator`. - Precondition: `denominator > 0`.
    public init(numerator: Int64, denominator: Int64) {
        precondition(denominator > 0, "ExactRatio denominator must be positive, got \(denominator)")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Compares exactly by cross-multiplying in 128 bits.
    public static func < (a: ExactRatio, b: ExactRatio) -> Bool {
        let l = a.numerator.multipliedFullWidth(by: b.denominator)
        let r = b.numerator.multipliedFullWidth(by: a.denominator)
        return l.high != r.high ? l.high < r.high : l.low < r.low
    }

    /// Exact equality of values (1/2 == 2/4).
    public static func == (a: ExactRatio, b: ExactRatio) -> Bool {
        let l = a.numerator.multipliedFullWidth(by: b.denominator)
        let r = b.numerator.multipliedFullWidth(by: a.denominator)
        return l.high == r.high && l.low == r.low
    }

    public func hash(into hasher: inout Hasher) {
        let g = gcd(numerator.magnitude, denominator.magnitude)
        hasher.combine(numerator / Int64(g))
        hasher.combine(denominator / Int64(g))
    }

    /// The value times 10^`places`, rounded half away from zero, computed in
    /// 128 bits from the exact value.
    /// - Precondition: `places` in 0...9 and the result fits in `Int64`.
    public func scaledRounded(places: Int) -> Int64 {
        precondition((0...9).contains(places), "ExactRatio: places must be 0...9, got \(places)")
        var p: Int64 = 1
        for _ in 0..<places { p *= 10 }
        let wide = numerator.multipliedFullWidth(by: p)
        let (q, r) = denominator.dividingFullWidth(wide)
        guard r != 0, r.magnitude >= denominator.magnitude - r.magnitude else { return q }
        return numerator < 0 ? q - 1 : q + 1
    }

    /// The value rounded half away from zero and printed with exactly `places` decimals.
    public func formatted(places: Int) -> String {
        let v = scaledRounded(places: places)
        guard places > 0 else { return String(v) }
        let mag = v.magnitude
        var p: UInt64 = 1
        for _ in 0..<places { p *= 10 }
        let whole = String(mag / p)
        let frac = String(mag % p)
        let fracPadded = String(repeating: "0", count: places - frac.count) + frac
        return (v < 0 ? "-" : "") + whole + "." + fracPadded
    }

    /// The value with 6 decimals.
    public var description: String { formatted(places: 6) }

    /// The nearest `Double` (for display or models, never for sums).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
}

private func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
}
