/// A binary min-heap of (time, slot) entries: the expiry schedule of the
/// feature store. An entry's time is a lower bound of its card's last
/// transaction time; the store pushes one entry per active card and touches
/// the heap only when its minimum is due, so the per-transaction cost is
/// one comparison (see ``FraudFeatureStore``).

/// Min-heap of `(time, slot)`, ties broken by slot (deterministic).
struct ExpiryHeap {
    private var times: [Int64] = []
    private var slots: [Int32] = []

    /// Number of entries.
    var count: Int { times.count }

    /// The earliest time in the heap, or `Int64.max` when empty.
    @inline(__always)
    var minimumTime: Int64 { times.isEmpty ? .max : times[0] }

    /// The slot of the earliest entry.
    /// - Precondition: not empty.
    var minimumSlot: Int32 { slots[0] }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        times[i] < times[j] || (times[i] == times[j] && slots[i] < slots[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        times.swapAt(i, j)
        slots.swapAt(i, j)
    }

    /// Adds an entry. - Complexity: O(log n).
    mutating func push(time: Int64, slot: Int32) {
        times.append(time)
        slots.append(slot)
        var i = times.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !less(i, parent) { break }
            swapAt(i, parent)
            i = parent
        }
    }

    /// Removes the earliest entry. - Precondition: not empty. - Complexity: O(log n).
    mutating func popMinimum() {
        let last = times.count - 1
        swapAt(0, last)
        times.removeLast()
        slots.removeLast()
        var i = 0
        let n = times.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < n && less(l, smallest) { smallest = l }
            if r < n && less(r, smallest) { smallest = r }
            if smallest == i { break }
            swapAt(i, smallest)
            i = smallest
        }
    }
}
