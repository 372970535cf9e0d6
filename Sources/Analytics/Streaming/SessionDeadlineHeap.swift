/// A 4-ary min-heap of (deadline, session slot, generation): the order in
/// which open sessions become closable as the watermark advances. Entries are
/// 16 bytes, so the four children of a node share one 64-byte cache line and
/// a heap of 300,000 open sessions is 9 levels deep.

/// Min-heap keyed by (deadline, slot).
struct SessionDeadlineHeap {
    struct Entry {
        var deadline: Int64
        var slot: Int32
        var generation: UInt32

        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.deadline != b.deadline ? a.deadline < b.deadline : a.slot < b.slot
        }
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The smallest entry. - Precondition: not empty.
    @inline(__always)
    var top: Entry { entries[0] }

    /// Adds `e`. - Complexity: O(log₄ n); O(1) when `e` is not smaller than its parent
    /// (the usual case: new deadlines are near the latest event time).
    @inline(__always)
    mutating func push(_ e: Entry) {
        entries.append(e)
        entries.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let parent = (i - 1) >> 2
                guard Entry.precedes(e, h[parent]) else { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = e
        }
    }

    /// Removes the smallest entry. - Precondition: not empty. - Complexity: O(log₄ n).
    @inline(__always)
    mutating func removeTop() {
        let last = entries.removeLast()
        entries.withUnsafeMutableBufferPointer { h in
            let n = h.count
            guard n > 0 else { return }
            var i = 0
            while true {
                let first = 4 * i + 1
                guard first < n else { break }
                var c = first
                var k = first + 1
                let end = min(first + 4, n)
                while k < end {
                    if Entry.precedes(h[k], h[c]) { c = k }
                    k += 1
                }
                guard Entry.precedes(h[c], last) else { break }
                h[i] = h[c]
                i = c
            }
            h[i] = last
        }
    }
}
