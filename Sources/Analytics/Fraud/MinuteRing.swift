/// The ring of a card's non-empty one-minute buckets, in a heap buffer of
/// packed 18-byte buckets (no padding; read and written unaligned):
///
/// | bytes | content |
/// | ----- | ------- |
/// | 0–1   | the bucket's minute since the epoch, modulo 2^16 |
/// | 2–3   | transactions in the bucket (`UInt16`, at most 65,535) |
/// | 4–9   | sum of amounts, 1/10,000 currency units (signed 48 bits) |
/// | 10–17 | sum of squared amounts, (1/10,000 units)² (`Double`) |
///
/// A minute modulo 2^16 is enough: the ring only holds minutes of the last
/// 24 h before the card's previous transaction, and a card silent for 24 h
/// starts afresh, so at any update every bucket is less than 2 × 1,440
/// minutes old and its age is `(now − stamp) mod 2^16` exactly. A bucket
/// whose count or sum would leave its field is followed by another bucket
/// of the same minute (``fits(count:sum:)``); one amount must fit 48 bits
/// (below 2^47 units, 14 billion currency units; the CSV reader's limit is
/// 10^9). Compared with the unpacked bucket (`Int64` minute and sum,
/// `Int32` count, 32 bytes with padding) a card's day of minutes takes
/// 27 KiB (1,536 buckets) instead of 64 KiB (2,048), and an hour of
/// minutes 1.1 KiB instead of 2 KiB.
///
/// Positions wrap at the buffer's capacity (not a power of two): callers
/// pass positions in `0..<capacity` and use ``wrap(_:_:)``.
enum MinuteRing {
    /// Bytes per bucket.
    static let stride = 18
    /// Bound of a bucket's sum (and of one amount): |sum| < 2^47 units.
    static let sumLimit: Int64 = 1 << 47

    /// A buffer for `capacity` buckets (uninitialized).
    static func allocate(_ capacity: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer.allocate(byteCount: capacity * stride, alignment: 8)
    }

    /// `position` (less than 2 × `capacity`) brought into `0..<capacity`.
    @inline(__always)
    static func wrap(_ position: Int, _ capacity: Int) -> Int {
        position >= capacity ? position - capacity : position
    }

    /// The stored minute (mod 2^16) of bucket `i`.
    @inline(__always)
    static func stamp(_ ring: UnsafeMutableRawPointer, _ i: Int) -> UInt16 {
        ring.loadUnaligned(fromByteOffset: i * stride, as: UInt16.self)
    }

    /// Minutes from bucket `i` to the minute whose stamp is `now`.
    @inline(__always)
    static func age(_ ring: UnsafeMutableRawPointer, _ i: Int, _ now: UInt16) -> UInt16 {
        now &- stamp(ring, i)
    }

    /// Transactions in bucket `i`.
    @inline(__always)
    static func count(_ ring: UnsafeMutableRawPointer, _ i: Int) -> UInt16 {
        ring.loadUnaligned(fromByteOffset: i * stride + 2, as: UInt16.self)
    }

    /// Sum of amounts of bucket `i`, 1/10,000 units.
    @inline(__always)
    static func sum(_ ring: UnsafeMutableRawPointer, _ i: Int) -> Int64 {
        ring.loadUnaligned(fromByteOffset: i * stride + 2, as: Int64.self) >> 16
    }

    /// Sum of squared amounts of bucket `i`.
    @inline(__always)
    static func squares(_ ring: UnsafeMutableRawPointer, _ i: Int) -> Double {
        ring.loadUnaligned(fromByteOffset: i * stride + 10, as: Double.self)
    }

    /// Whether bucket `i` can take one more transaction of `amount`
    /// (its count stays within 16 bits and its sum within 48).
    @inline(__always)
    static func canAdd(_ ring: UnsafeMutableRawPointer, _ i: Int, amount: Int64) -> Bool {
        let total = sum(ring, i) &+ amount
        return count(ring, i) < UInt16.max && total < sumLimit && total >= -sumLimit
    }

    /// Writes the count and sum of bucket `i` (both in range).
    @inline(__always)
    static func store(_ ring: UnsafeMutableRawPointer, _ i: Int, count: UInt16, sum: Int64) {
        ring.storeBytes(of: (sum << 16) | Int64(count), toByteOffset: i * stride + 2, as: Int64.self)
    }

    /// Makes bucket `i` hold one transaction of `amount` in minute `stamp`.
    /// - Precondition: |amount| < 2^47 units.
    @inline(__always)
    static func set(_ ring: UnsafeMutableRawPointer, _ i: Int, stamp: UInt16, amount: Int64, square: Double) {
        precondition(amount < sumLimit && amount >= -sumLimit, "an amount must be below 2^47 units (14 billion currency units), got \(amount)")
        let b = i * stride
        ring.storeBytes(of: stamp, toByteOffset: b, as: UInt16.self)
        store(ring, i, count: 1, sum: amount)
        ring.storeBytes(of: square, toByteOffset: b + 10, as: Double.self)
    }

    /// Adds one transaction of `amount` to bucket `i` (``canAdd(_:_:amount:)``).
    @inline(__always)
    static func add(_ ring: UnsafeMutableRawPointer, _ i: Int, amount: Int64, square: Double) {
        store(ring, i, count: count(ring, i) + 1, sum: sum(ring, i) + amount)
        ring.storeBytes(of: squares(ring, i) + square, toByteOffset: i * stride + 10, as: Double.self)
    }

    /// Copies the `count` buckets from `head` of a ring of `capacity` to
    /// the start of `to`, in order.
    static func copy(from ring: UnsafeMutableRawPointer, head: Int, count: Int, capacity: Int, to: UnsafeMutableRawPointer) {
        let first = Swift.min(count, capacity - head)
        to.copyMemory(from: ring + head * stride, byteCount: first * stride)
        if count > first { (to + first * stride).copyMemory(from: ring, byteCount: (count - first) * stride) }
    }
}
