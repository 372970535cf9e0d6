/// Locale-independent number formatting for derivations and reports.
///
/// Output must be byte-for-byte reproducible on every machine, so nothing
/// here consults the process locale: the thousands separator is always `,`
/// and the decimal mark always `.`.

import Foundation

/// Formatting of plain numbers: grouped digits, trimmed fractions, significant digits.
public enum NumberText {
    /// `1576.8` → `"1,576.8"`: thousands grouped with commas, at most
    /// `maxFractionDigits` decimals, trailing zeros removed.
    public static func plain(_ value: Double, maxFractionDigits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let text = String(format: "%.\(max(0, maxFractionDigits))f", value)
        return group(trim(text))
    }

    /// `1.5768` with 3 significant digits → `"1.58"`; `1576.8` → `"1,577"`.
    ///
    /// Numbers of 1,000 and more keep all their integer digits (no
    /// scientific notation); smaller numbers are rounded to `digits`
    /// significant digits and trailing zeros are removed.
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return plain(value) }
        if value == 0 { return "0" }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let decimals = max(0, digits - 1 - magnitude)
        return plain(value, maxFractionDigits: decimals)
    }

    /// `0.0123` → `"1.23%"` with `digits` significant digits.
    public static func percent(_ fraction: Double, digits: Int = 3) -> String {
        significant(fraction * 100, digits: digits) + "%"
    }

    /// Removes trailing zeros of a fixed-point string, and a dangling point.
    static func trim(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }

    /// Inserts a comma every three integer digits: `"4320000.5"` → `"4,320,000.5"`.
    static func group(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var grouped = ""
        for (i, ch) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
