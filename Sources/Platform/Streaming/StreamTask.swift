/// One task of the stream job: a single FIFO server with a bounded buffer.
///
/// `ends` holds, in order, the completion times of the records fetched and
/// not yet finished at the last look: the buffer occupancy at time t is the
/// number of entries after t. It never holds more than the buffer capacity.
struct StreamTask {
    /// When the last scheduled record finishes (ns).
    var busyUntil: Int64 = 0
    /// Completion times of buffered records, oldest first (a ring over `ends`).
    var ends: [Int64]
    var first = 0
    var count = 0
    /// Rotates the partition fetched first, so no partition is favoured.
    var rotation = 0
    /// Largest occupancy seen.
    var maxOccupancy = 0

    init(capacity: Int, from time: Int64) {
        ends = Array(repeating: 0, count: capacity)
        busyUntil = time
    }

    /// Forgets records finished by `time`; returns the occupancy then.
    @inline(__always)
    mutating func occupancy(at time: Int64) -> Int {
        while count > 0 && ends[first] <= time {
            first = first + 1 == ends.count ? 0 : first + 1
            count -= 1
        }
        return count
    }

    /// Adds a fetched record that will finish at `end`.
    @inline(__always)
    mutating func push(_ end: Int64) {
        precondition(count < ends.count, "StreamTask: buffer over its capacity \(ends.count)")
        var i = first + count
        if i >= ends.count { i -= ends.count }
        ends[i] = end
        count += 1
        if count > maxOccupancy { maxOccupancy = count }
    }

    /// The completion time of the `k`-th oldest buffered record (0-based).
    func end(_ k: Int) -> Int64 {
        var i = first + k
        if i >= ends.count { i -= ends.count }
        return ends[i]
    }
}
