/// Units of data size: decimal (SI, powers of 1000) and binary (IEC, powers of 1024).
///
/// `KB` is always 1000 bytes and `KiB` always 1024; Headroom never guesses.
/// The difference grows with the prefix: 2.4% at kilo, 4.9% at mega, 7.4%
/// at giga, 10.0% at tera, 12.6% at peta. Mixing the two systems in one
/// conversion (dividing a decimal terabyte figure by 1024 to get
/// "petabytes") is the classic sizing slip; see ``UnitSlipCheck``.

/// The two systems of data-size prefixes.
public enum UnitSystem: String, Sendable, Codable, CaseIterable {
    /// SI prefixes: kB/KB = 1000 B, MB = 1000² B, ... (disks, networks, cloud bills per GB).
    case decimal
    /// IEC prefixes: KiB = 1024 B, MiB = 1024² B, ... (memory, EBS throughput limits).
    case binary

    /// 1000 for decimal, 1024 for binary.
    public var base: Double { self == .decimal ? 1000 : 1024 }
    /// The other system.
    public var other: UnitSystem { self == .decimal ? .binary : .decimal }
}

/// A data-size unit from bytes to exabytes/exbibytes.
public enum ByteUnit: String, Sendable, Codable, CaseIterable {
    case B, KB, MB, GB, TB, PB, EB, KiB, MiB, GiB, TiB, PiB, EiB

    /// The system this unit's prefix belongs to (`B` counts as decimal).
    public var system: UnitSystem {
        switch self {
        case .KiB, .MiB, .GiB, .TiB, .PiB, .EiB: .binary
        default: .decimal
        }
    }

    /// The power of the base: 0 for B, 1 for KB/KiB, ..., 6 for EB/EiB.
    public var exponent: Int {
        switch self {
        case .B: 0
        case .KB, .KiB: 1
        case .MB, .MiB: 2
        case .GB, .GiB: 3
        case .TB, .TiB: 4
        case .PB, .PiB: 5
        case .EB, .EiB: 6
        }
    }

    /// Bytes in one of this unit: `base^exponent`.
    public var bytes: Double {
        var result = 1.0
        for _ in 0..<exponent { result *= system.base }
        return result
    }

    /// The unit with the given system and exponent (0...6).
    public static func unit(system: UnitSystem, exponent: Int) -> ByteUnit {
        precondition((0...6).contains(exponent), "byte unit exponent must be 0...6, got \(exponent)")
        let decimal: [ByteUnit] = [.B, .KB, .MB, .GB, .TB, .PB, .EB]
        let binary: [ByteUnit] = [.B, .KiB, .MiB, .GiB, .TiB, .PiB, .EiB]
        return system == .decimal ? decimal[exponent] : binary[exponent]
    }

    /// The same prefix in the other system: `TB` ↔ `TiB` (`B` stays `B`).
    public var counterpart: ByteUnit { ByteUnit.unit(system: system.other, exponent: exponent) }

    /// Parses a unit symbol. Case matters for the `i` of binary units and for
    /// `B` (byte) versus `b` (bit); `kB` and `KB` are both 1000 bytes, and
    /// the spelled-out `byte(s)` is accepted. Bits are not byte units: see
    /// ``DataRate`` for `Gbit/s`.
    /// - Returns: `nil` for anything else (`KBs`, `kb`, `Kib`, `MBps`).
    public static func parse(_ symbol: String) -> ByteUnit? {
        switch symbol {
        case "B", "byte", "bytes": return .B
        case "kB": return .KB
        case "KiB", "kiB": return .KiB
        default: return ByteUnit(rawValue: symbol)
        }
    }

    /// Examples shown in error messages.
    public static let acceptedForms = ["1KB", "1 KiB", "512 B", "2.5GB", "1.4 PiB"]
}
