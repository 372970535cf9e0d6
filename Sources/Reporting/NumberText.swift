/// Deterministic number formatting shared by the renderers.
///
/// Uses only integer arithmetic and Swift's shortest round-trip `description`
/// (the same on every platform), never the C locale's `printf`, so a report
/// regenerates byte for byte.

/// Number-to-text helpers for reports.
public enum NumberText {
    /// `value` rounded half away from zero to `decimals` places, without
    /// exponent notation: `fixed(1234.5678, 2)` is `"1234.57"`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        precondition(decimals >= 0 && decimals <= 12, "NumberText.fixed: decimals must be 0...12")
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return value.description }
        let units = UInt64(scaled)
        let negative = value < 0 && units > 0
        var digits = String(units)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative ? "-" : "") + digits
    }

    /// Three significant figures, with thousands kept whole: `0.00123`,
    /// `1.23`, `123`, `12346`. For chart summaries and axis ticks.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 100 { return fixed(value, 0) }
        var decimals = 2
        var m = magnitude
        while m < 1, decimals < 9 { m *= 10; decimals += 1 }
        if magnitude >= 10 { decimals = 1 }
        var text = fixed(value, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An integer with thousands separators: `1234567` → `"1,234,567"`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }
}
