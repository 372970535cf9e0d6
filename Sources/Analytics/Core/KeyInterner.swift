/// Turns byte strings (user ids, pages, card tokens) into dense integer ids
/// with one open-addressing hash table, so the hot loops work on integers and
/// each distinct key is copied into memory once.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A table from byte strings to dense ids 0, 1, 2, … in order of first appearance.
///
/// Keys are hashed with ``ByteHash`` (fixed, so behaviour never depends on the
/// process); a slot holds the hash's high 32 bits and the id, so a probe
/// touches the key bytes only when those bits match. The table doubles at 50% load.
/// Ids never change once given.
public struct KeyInterner {
    /// Number of distinct keys.
    public private(set) var count = 0
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]      // key i is arena[offsets[i] ..< offsets[i + 1]]
    private var slots: [UInt64]           // 0 empty, else (hash >> 32) << 32 | (id + 1)
    private var mask: Int

    /// An empty table with room for about `capacity` keys before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        offsets.reserveCapacity(capacity + 1)
    }

    /// The id of `key`, adding it when new.
    /// - Complexity: O(length) expected.
    @inline(__always)
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(key, hash: ByteHash.hash(key))
    }

    /// Loads the first slot that `hash` (= `ByteHash.hash(key)`) probes and, when
    /// it is taken, the start of that key's bytes; returns a value depending on
    /// both, so that the loads of a batch of keys are in flight together before
    /// ``intern(_:hash:)`` runs on each.
    @inline(__always)
    public func touch(hash: UInt64) -> UInt64 {
        let s = slots[Int(truncatingIfNeeded: hash) & mask]
        guard s != 0 else { return 0 }
        let start = offsets[Int(s & 0xFFFF_FFFF) - 1]
        return s &+ UInt64(start < arena.count ? arena[start] : 0)
    }

    /// ``intern(_:)`` with `hash` = `ByteHash.hash(key)` already computed.
    @inline(__always)
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                if equals(Int(id), key) { return id }
            }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        slots[i] = tag | UInt64(count + 1)
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        count += 1
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `key`, adding it when new.
    public mutating func intern(_ key: String) -> Int32 {
        var k = key
        return k.withUTF8 { intern($0) }
    }

    /// The id of `key` if present.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteHash.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                if equals(Int(id), key) { return id }
            }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with the bytes of key `id`.
    @inline(__always)
    public func withKey<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let s = offsets[Int(id)]
        let e = offsets[Int(id) + 1]
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// Key `id` as a `String`.
    public func string(_ id: Int32) -> String {
        withKey(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Ids ordered by their keys' bytes (the byte order every output sorts ids in).
    /// - Complexity: O(n log n) comparisons.
    public func idsInByteOrder() -> [Int32] {
        arena.withUnsafeBufferPointer { a in
            offsets.withUnsafeBufferPointer { o in
                (0..<Int32(count)).sorted { x, y in
                    lexicographicallyPrecedes(a, o[Int(x)], o[Int(x) + 1], o[Int(y)], o[Int(y) + 1])
                }
            }
        }
    }

    /// Rank of each id in byte order: `ranks[id]` is the position of key `id`.
    public func byteOrderRanks() -> [Int32] {
        var ranks = [Int32](repeating: 0, count: count)
        for (r, id) in idsInByteOrder().enumerated() { ranks[Int(id)] = Int32(r) }
        return ranks
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = offsets[id]
        let n = offsets[id + 1] - s
        guard n == key.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBufferPointer { a in
            memcmp(a.baseAddress! + s, key.baseAddress!, n) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: a[offsets[id]..<offsets[id + 1]])
                let hash = ByteHash.hash(key)
                var i = Int(truncatingIfNeeded: hash) & newMask
                while fresh[i] != 0 { i = (i + 1) & newMask }
                fresh[i] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
            }
        }
        slots = fresh
        mask = newMask
    }
}

/// Byte-order comparison of `a[xs..<xe]` and `a[ys..<ye]`.
@inline(__always)
func lexicographicallyPrecedes(_ a: UnsafeBufferPointer<UInt8>, _ xs: Int, _ xe: Int, _ ys: Int, _ ye: Int) -> Bool {
    var i = xs, j = ys
    while i < xe && j < ye {
        if a[i] != a[j] { return a[i] < a[j] }
        i += 1
        j += 1
    }
    return (xe - xs) < (ye - ys)
}
