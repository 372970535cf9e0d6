/// A throughput of data: bytes per unit of time.
///
/// Written `50MB/s`, `250 MiB/s`, `4.32TB/day`, or in bits for network
/// links: `10Gbit/s`, `10 Gbps`, `800Mbit/s` (bit prefixes are decimal, as
/// network rates always are: 1 Gbit/s = 125 MB/s).

/// Bytes per second.
public struct DataRate: Sendable, Hashable, Comparable, Codable {
    /// Bytes per second.
    public var bytesPerSecond: Double

    /// A throughput of `bytesPerSecond`.
    public init(bytesPerSecond: Double) { self.bytesPerSecond = bytesPerSecond }

    /// `size` every `per`: `DataRate(ByteCount(50, .MB), per: .init(seconds: 1))`.
    public init(_ size: ByteCount, per span: TimeSpan) {
        precondition(span.seconds > 0, "DataRate needs a positive time span")
        self.bytesPerSecond = size.bytes / span.seconds
    }

    /// The bytes moved in one second.
    public var perSecond: ByteCount { ByteCount(bytes: bytesPerSecond) }
    /// The bytes moved in `span`.
    public func over(_ span: TimeSpan) -> ByteCount { ByteCount(bytes: bytesPerSecond * span.seconds) }

    public static func < (lhs: DataRate, rhs: DataRate) -> Bool { lhs.bytesPerSecond < rhs.bytesPerSecond }
    public static func * (lhs: DataRate, rhs: Double) -> DataRate { DataRate(bytesPerSecond: lhs.bytesPerSecond * rhs) }
    public static func / (lhs: DataRate, rhs: Double) -> DataRate { DataRate(bytesPerSecond: lhs.bytesPerSecond / rhs) }

    /// Examples shown in error messages.
    public static let acceptedForms = ["50MB/s", "250 MiB/s", "4.32TB/day", "10Gbit/s", "10 Gbps"]

    /// Bit units and their size in bits (decimal prefixes only).
    static let bitUnits: [String: Double] = [
        "bit": 1, "Kbit": 1e3, "kbit": 1e3, "Mbit": 1e6, "Gbit": 1e9, "Tbit": 1e12,
    ]
    /// `…bps` shorthands, per second.
    static let bpsUnits: [String: Double] = ["bps": 1, "Kbps": 1e3, "kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9, "Tbps": 1e12]

    /// Parses `"50MB/s"`, `"250 MiB/s"`, `"10Gbit/s"`, `"10 Gbps"`, `"4.32TB/day"`.
    /// - Throws: ``PlanningError`` naming `field` for an unknown unit
    ///   (`50 MBs`, `50MBps`), a missing `/time` or a negative rate.
    public static func parse(_ text: String, field: String) throws -> DataRate {
        let q = try QuantityText(text, field: field, accepted: acceptedForms)
        guard q.number >= 0 else {
            throw PlanningError(field: field, "a throughput cannot be negative, got \"\(text)\"", accepted: acceptedForms)
        }
        let unit = q.unit.replacingOccurrences(of: " ", with: "")
        if let bits = bpsUnits[unit] {
            return DataRate(bytesPerSecond: q.number * bits / 8)
        }
        let parts = unit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            let hint = unit.hasSuffix("ps") || unit.hasSuffix("s") ? ByteCount.unknownUnitMessage(unit, in: text) : "\"\(text)\" has no time unit"
            throw PlanningError(field: field, hint + " (a throughput is a size per time)", accepted: acceptedForms)
        }
        guard let per = EventRate.perUnits[String(parts[1])] else {
            throw PlanningError(field: field, "unknown time unit \"/\(parts[1])\" in \"\(text)\"", accepted: acceptedForms)
        }
        let sizeUnit = String(parts[0])
        if let bits = bitUnits[sizeUnit] {
            return DataRate(bytesPerSecond: q.number * bits / 8 / per)
        }
        guard let bytes = ByteUnit.parse(sizeUnit) else {
            throw PlanningError(field: field, ByteCount.unknownUnitMessage(sizeUnit, in: text), accepted: acceptedForms)
        }
        return DataRate(bytesPerSecond: q.number * bytes.bytes / per)
    }

    /// `"50 MB/s (47.7 MiB/s)"`.
    public var formattedBoth: String {
        let size = ByteCount(bytes: bytesPerSecond)
        let first = size.formatted(system: .decimal) + "/s"
        guard bytesPerSecond >= 1000 else { return first }
        let other = size.readableUnit(system: .binary)
        return first + " (" + NumberText.fixedSignificant(size.value(in: other)) + " " + other.rawValue + "/s)"
    }

    /// `"50 MB/s"`.
    public var formatted: String { ByteCount(bytes: bytesPerSecond).formatted(system: .decimal) + "/s" }
}

import Foundation
