/// Kafka's key hash, so that a key-hash router sends a key where Kafka's
/// default partitioner would.
///
/// Kafka (`org.apache.kafka.common.utils.Utils.murmur2`) hashes the
/// serialized key with MurmurHash2 (seed `0x9747b28c`) and picks partition
/// `(hash & 0x7fffffff) % partitions`. A job key `k` is hashed as the UTF-8
/// bytes of its decimal form, which is what a `StringSerializer` sends for
/// the key `String(k)`. The function is fixed (not Swift's per-process
/// randomly seeded `Hasher`), so routing is the same in every run and on
/// every machine.

/// MurmurHash2 as Kafka computes it.
public enum StableHash {
    /// Kafka's `murmur2` of `bytes`, as a signed 32-bit value (like Java's `int`).
    /// - Complexity: O(bytes).
    public static func murmur2<C: Collection>(_ bytes: C) -> Int32 where C.Element == UInt8 {
        let m: UInt32 = 0x5bd1_e995
        let length = bytes.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        var iterator = bytes.makeIterator()
        for _ in 0..<(length / 4) {
            var k = UInt32(iterator.next()!)
            k |= UInt32(iterator.next()!) << 8
            k |= UInt32(iterator.next()!) << 16
            k |= UInt32(iterator.next()!) << 24
            k = k &* m
            k ^= k >> 24
            k = k &* m
            h = h &* m
            h ^= k
        }
        let rest = length % 4
        if rest > 0 {
            let b0 = UInt32(iterator.next()!)
            let b1 = rest > 1 ? UInt32(iterator.next()!) : 0
            let b2 = rest > 2 ? UInt32(iterator.next()!) : 0
            if rest == 3 { h ^= b2 << 16 }
            if rest >= 2 { h ^= b1 << 8 }
            h ^= b0
            h = h &* m
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// Kafka's partition for the key `String(key)`: `(murmur2 & 0x7fffffff) % partitions`.
    /// - Precondition: `partitions > 0`.
    /// - Complexity: O(digits); no allocation.
    public static func partition(ofKey key: UInt64, partitions: Int) -> Int {
        precondition(partitions > 0, "StableHash: partitions must be positive, got \(partitions)")
        // Decimal digits of the key, most significant first, in a fixed buffer.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { raw in
            var n = key
            var start = 20
            repeat {
                start -= 1
                raw[start] = UInt8(truncatingIfNeeded: 48 &+ n % 10)
                n /= 10
            } while n > 0
            let hash = murmur2(UnsafeRawBufferPointer(rebasing: raw[start..<20]))
            return Int(UInt32(bitPattern: hash) & 0x7fff_ffff) % partitions
        }
    }
}
