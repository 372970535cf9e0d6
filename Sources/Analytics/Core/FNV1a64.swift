/// FNV-1a, 64-bit (Fowler–Noll–Vo): a fixed, documented, platform-independent
/// hash. Used where an id must be identical across runs, machines and versions
/// (Swift's `Hasher` is seeded per process and must not reach any output).

/// The FNV-1a 64-bit hash state.
public struct FNV1a64: Sendable {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The current hash value.
    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    /// A fresh hash at the offset basis.
    public init() {}

    /// Mixes in one byte: `value = (value XOR byte) * prime` (mod 2^64).
    @inline(__always)
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes in `bytes` in order.
    @inline(__always)
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var v = value
        for b in bytes { v = (v ^ UInt64(b)) &* Self.prime }
        value = v
    }

    /// Mixes in the 8 bytes of `x`, most significant first (big-endian two's complement).
    @inline(__always)
    public mutating func addBigEndian(_ x: Int64) {
        let u = UInt64(bitPattern: x)
        var shift: UInt64 = 56
        while true {
            add(UInt8(truncatingIfNeeded: u >> shift))
            if shift == 0 { break }
            shift -= 8
        }
    }

    /// The value as 16 lowercase hexadecimal digits, zero-padded.
    public var hex: String {
        var out = [UInt8](repeating: 0x30, count: 16)
        writeHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the 16 lowercase hex digits of the value into `out[0..<16]`.
    @inline(__always)
    public func writeHex(to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        var v = value
        for i in stride(from: 15, through: 0, by: -1) {
            out[i] = digits.utf8Start[Int(v & 15)]
            v >>= 4
        }
    }
}
