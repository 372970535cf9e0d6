/// Deduplication of transactions by transaction_id in one pass: a hash
/// table whose value is the row that currently wins for that id.
///
/// A row replaces the current winner when its (transaction_ts, is SUCCESS)
/// is greater than or equal to the winner's, compared in that order. Rows are
/// offered in file order, so at a full tie the row later in the file wins.

/// The winning row per transaction_id.
///
/// The slot table lives in a ``HugePageTable`` shared by copies of the
/// value: use one value at a time (it is built once, then read).
public struct TransactionWinners {
    /// The winning row of one transaction_id.
    public struct Winner {
        var hash: UInt64
        var keyStart: Int
        var keyLength: Int32
        /// Country id (in the caller's interner).
        public var country: Int32
        /// transaction_ts, microseconds since the epoch.
        public var time: Int64
        /// amount in 1/10,000 units.
        public var amount: Int64
        /// Whether status is exactly `SUCCESS`.
        public var success: Bool
        /// 1-based line of the winning row in the file.
        public var line: Int32
    }

    /// The winners, in order of first appearance of their transaction_id.
    public private(set) var winners: [Winner] = []
    /// Rows offered.
    public private(set) var rowsOffered = 0
    private var table: HugePageTable     // 0 empty, else (hash >> 32) << 32 | (index + 1)
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var arena: [UInt8] = []

    /// An empty table sized for about `expected` distinct ids.
    public init(expected: Int) {
        var size = 1024
        while size < expected * 2 { size *= 2 }
        table = HugePageTable(count: size)
        slots = table.base
        mask = size - 1
        winners.reserveCapacity(expected)
        arena.reserveCapacity(expected * 12)
    }

    /// Offers one row; it becomes the winner of `key` by the rule above.
    /// - Complexity: O(key length) expected.
    @inline(__always)
    public mutating func offer(key: UnsafeBufferPointer<UInt8>, time: Int64, success: Bool,
                               amount: Int64, country: Int32, line: Int) {
        offer(key: key, hash: Self.hash(key), time: time, success: success, amount: amount, country: country, line: line)
    }

    /// The table's hash of `key` (``ByteHash``).
    @inline(__always)
    public static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.hash(key)
    }

    /// Loads the first slot `hash` probes and returns it, so that a batch of
    /// independent loads can be in flight before the rows are offered.
    @inline(__always)
    public func touch(hash: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: hash >> 7) & mask]
    }

    /// ``offer(key:time:success:amount:country:line:)`` with `hash` = ``hash(_:)`` of `key`.
    @inline(__always)
    public mutating func offer(key: UnsafeBufferPointer<UInt8>, hash: UInt64, time: Int64, success: Bool,
                               amount: Int64, country: Int32, line: Int) {
        rowsOffered += 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(s & 0xFFFF_FFFF) - 1
                if winners[index].hash == hash && keyEquals(index, key) {
                    let w = winners[index]
                    if time > w.time || (time == w.time && (success || !w.success)) {
                        winners[index].time = time
                        winners[index].success = success
                        winners[index].amount = amount
                        winners[index].country = country
                        winners[index].line = Int32(truncatingIfNeeded: line)
                    }
                    return
                }
            }
            i = (i + 1) & mask
        }
        let start = arena.count
        arena.append(contentsOf: key)
        winners.append(Winner(hash: hash, keyStart: start, keyLength: Int32(key.count), country: country,
                              time: time, amount: amount, success: success, line: Int32(truncatingIfNeeded: line)))
        slots[i] = tag | UInt64(winners.count)
        if winners.count * 2 > table.count { grow() }
    }

    /// The transaction_id of winner `index`.
    public func key(_ index: Int) -> String {
        let w = winners[index]
        return String(decoding: arena[w.keyStart..<(w.keyStart + Int(w.keyLength))], as: UTF8.self)
    }

    @inline(__always)
    private func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let w = winners[index]
        guard Int(w.keyLength) == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var j = 0
            while j < key.count {
                if a[w.keyStart + j] != key[j] { return false }
                j += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = table.count * 2
        table = HugePageTable(count: size)
        slots = table.base
        mask = size - 1
        for (index, w) in winners.enumerated() {
            var i = Int(truncatingIfNeeded: w.hash >> 7) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = (w.hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
        }
    }
}
