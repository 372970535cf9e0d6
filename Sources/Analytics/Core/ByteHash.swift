/// A fast, fixed (process-independent) 64-bit hash of a byte string for the
/// in-memory hash tables, reading 8 bytes at a time. It never reaches any
/// output: ids that must be stable across versions use ``FNV1a64``.

/// Word-at-a-time multiply-xorshift hash of bytes.
public enum ByteHash {
    /// The hash of `bytes`.
    /// - Complexity: O(length / 8).
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: n) &* 0xC2B2_AE3D_27D4_EB4F)
        guard n > 0, let base = bytes.baseAddress else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                i += 8
            }
            if i < n {
                // The last 8 bytes, overlapping the previous word.
                h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
                h ^= h >> 29
            }
        } else {
            var v: UInt64 = 0
            var i = 0
            while i < n { v |= UInt64(base[i]) << (8 * UInt64(i)); i += 1 }
            h = (h ^ v) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
        }
        return mix(h)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
