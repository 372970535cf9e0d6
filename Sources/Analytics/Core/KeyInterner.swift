/// Turns byte strings (user ids, pages, card tokens) into dense integer ids
/// with one open-addressing hash table, so the hot loops work on integers and
/// each distinct key is copied into memory once.

/// A table from byte strings to dense ids 0, 1, 2, … in order of first appearance.
///
/// Keys are hashed with FNV-1a 64 (fixed, so behaviour never depends on the
/// process); the table doubles at 50% load. Ids never change once given.
public struct KeyInterner {
    /// Number of distinct keys.
    public private(set) var count = 0
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]      // key i is arena[offsets[i] ..< offsets[i + 1]]
    private var hashes: [UInt64] = []     // hash of key i
    private var slots: [Int32]            // -1 empty, else key id
    private var mask: Int

    /// An empty table with room for about `capacity` keys before it grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        offsets.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// The id of `key`, adding it when new.
    /// - Complexity: O(length) expected.
    @inline(__always)
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        var h = FNV1a64()
        h.add(key)
        let hash = h.value
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = slots[i]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), key) { return id }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        slots[i] = id
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        hashes.append(hash)
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
        var h = FNV1a64()
        h.add(key)
        let hash = h.value
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = slots[i]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && equals(Int(id), key) { return id }
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
            (0..<Int32(count)).sorted { x, y in
                let xs = offsets[Int(x)], xe = offsets[Int(x) + 1]
                let ys = offsets[Int(y)], ye = offsets[Int(y) + 1]
                return lexicographicallyPrecedes(a, xs, xe, ys, ye)
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
            memcmpBytes(a.baseAddress! + s, key.baseAddress!, n)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            let hash = hashes[id]
            var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
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
