/// An amount of data, stored as a number of bytes.
///
/// Parsing accepts a number and a unit as people write them (`1KB`,
/// `1 KiB`, `1,576.8 TB`); formatting picks the largest unit with a value of
/// at least 1 and states the other system beside it (`1.58 PB (1.40 PiB)`),
/// so a reader never has to guess which system a figure is in.

/// A data size in bytes. Value type; arithmetic is on `Double` bytes.
public struct ByteCount: Sendable, Hashable, Comparable, Codable {
    /// The size in bytes (may be fractional after division, e.g. per event).
    public var bytes: Double

    /// A size of `bytes` bytes.
    public init(bytes: Double) { self.bytes = bytes }

    /// A size of `value` in `unit`: `ByteCount(1, .KB)` is 1000 bytes.
    public init(_ value: Double, _ unit: ByteUnit) { self.bytes = value * unit.bytes }

    /// The size expressed in `unit`.
    public func value(in unit: ByteUnit) -> Double { bytes / unit.bytes }

    /// Zero bytes.
    public static let zero = ByteCount(bytes: 0)

    public static func < (lhs: ByteCount, rhs: ByteCount) -> Bool { lhs.bytes < rhs.bytes }
    public static func + (lhs: ByteCount, rhs: ByteCount) -> ByteCount { ByteCount(bytes: lhs.bytes + rhs.bytes) }
    public static func - (lhs: ByteCount, rhs: ByteCount) -> ByteCount { ByteCount(bytes: lhs.bytes - rhs.bytes) }
    public static func * (lhs: ByteCount, rhs: Double) -> ByteCount { ByteCount(bytes: lhs.bytes * rhs) }
    public static func / (lhs: ByteCount, rhs: Double) -> ByteCount { ByteCount(bytes: lhs.bytes / rhs) }
}

extension ByteCount {
    /// Parses `"1KB"`, `"1 KiB"`, `"1,576.8 TB"`, `"512 B"`.
    ///
    /// - Parameter field: the name shown in errors (`--event-size`).
    /// - Throws: ``PlanningError`` naming `field` for a missing or unknown
    ///   unit (`10 KBs`, `10 kb`, `10`), a malformed number or a negative size.
    public static func parse(_ text: String, field: String) throws -> ByteCount {
        let q = try QuantityText(text, field: field, accepted: ByteUnit.acceptedForms)
        guard !q.unit.isEmpty else {
            throw PlanningError(field: field, "\"\(text)\" has no unit (a size needs one: KB is 1000 bytes, KiB is 1024)", accepted: ByteUnit.acceptedForms)
        }
        guard let unit = ByteUnit.parse(q.unit) else {
            throw PlanningError(field: field, ByteCount.unknownUnitMessage(q.unit, in: text), accepted: ByteUnit.acceptedForms)
        }
        guard q.number >= 0 else {
            throw PlanningError(field: field, "a size cannot be negative, got \"\(text)\"", accepted: ByteUnit.acceptedForms)
        }
        return ByteCount(q.number, unit)
    }

    /// The message for an unknown byte unit, with a hint for common near misses.
    static func unknownUnitMessage(_ unit: String, in text: String) -> String {
        var hint = ""
        let lower = unit.lowercased()
        if lower.hasSuffix("bs") || lower.hasSuffix("ps") {
            hint = " (a plural or per-second suffix is ambiguous: write the size as 10KB, or a rate as 10KB/s)"
        } else if unit.count == 2, unit.hasSuffix("b") {
            hint = " (lower-case b means bits; write KB/MB/GB for bytes)"
        } else if lower.hasSuffix("ib"), ByteUnit.parse(unit) == nil {
            hint = " (binary units are written KiB, MiB, GiB, TiB, PiB)"
        }
        return "unknown unit \"\(unit)\" in \"\(text)\"" + hint
    }
}

extension ByteCount {
    /// The largest unit of `system` in which the size is at least 1 (B for less than 1 KB).
    public func readableUnit(system: UnitSystem) -> ByteUnit {
        var exponent = 0
        var value = Swift.abs(bytes)
        while exponent < 6, value >= system.base {
            value /= system.base
            exponent += 1
        }
        return ByteUnit.unit(system: system, exponent: exponent)
    }

    /// `"1.58 PB"`: 3 significant digits in the readable unit of `system`.
    public func formatted(system: UnitSystem = .decimal, digits: Int = 3) -> String {
        let unit = readableUnit(system: system)
        return NumberText.significant(value(in: unit), digits: digits) + " " + unit.rawValue
    }

    /// `"1.58 PB (1.40 PiB)"`: the decimal figure with its binary counterpart.
    ///
    /// Below 1 KB only bytes are shown, as both systems agree there.
    /// - Parameter suffix: appended to both units (`"/day"` gives `4.32 TB/day (3.93 TiB/day)`).
    public func formattedBoth(primary: UnitSystem = .decimal, digits: Int = 3, suffix: String = "") -> String {
        let first = formatted(system: primary, digits: digits) + suffix
        guard Swift.abs(bytes) >= 1000 else { return first }
        let otherUnit = readableUnit(system: primary.other)
        let other = NumberText.fixedSignificant(value(in: otherUnit), digits: digits) + " " + otherUnit.rawValue + suffix
        return first + " (" + other + ")"
    }

    /// `"129.6 TB (118 TiB)"`: the exact decimal figure (up to 4 decimals in
    /// the readable unit) with its binary counterpart to 3 digits, for steps
    /// a reader checks by hand.
    public func formattedExact(suffix: String = "") -> String {
        let unit = readableUnit(system: .decimal)
        let first = NumberText.plain(value(in: unit), maxFractionDigits: 4) + " " + unit.rawValue + suffix
        guard Swift.abs(bytes) >= 1000 else { return first }
        let otherUnit = readableUnit(system: .binary)
        return first + " (" + NumberText.fixedSignificant(value(in: otherUnit)) + " " + otherUnit.rawValue + suffix + ")"
    }
}

extension NumberText {
    /// Like ``significant(_:digits:)`` but keeps trailing zeros (`1.40`), for
    /// a figure shown beside another at the same precision.
    public static func fixedSignificant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite, value != 0 else { return significant(value, digits: digits) }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let decimals = max(0, digits - 1 - magnitude)
        return group(String(format: "%.\(decimals)f", value))
    }
}

import Foundation
