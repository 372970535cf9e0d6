/// A binary min-heap of (deadline, user, session slot, generation): the order
/// in which open sessions become closable as the watermark advances.

/// Min-heap keyed by (deadline, user, slot).
struct SessionDeadlineHeap {
    struct Entry {
        var deadline: Int64
        var user: Int32
        var slot: Int32
        var generation: UInt32

        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            if a.deadline != b.deadline { return a.deadline < b.deadline }
            if a.user != b.user { return a.user < b.user }
            return a.slot < b.slot
        }
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The smallest entry. - Precondition: not empty.
    @inline(__always)
    var top: Entry { entries[0] }

    /// Adds `e`. - Complexity: O(log n).
    @inline(__always)
    mutating func push(_ e: Entry) {
        entries.append(e)
        var i = entries.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard Entry.precedes(e, entries[parent]) else { break }
            entries[i] = entries[parent]
            i = parent
        }
        entries[i] = e
    }

    /// Removes the smallest entry. - Precondition: not empty. - Complexity: O(log n).
    @inline(__always)
    mutating func removeTop() {
        let last = entries.removeLast()
        let n = entries.count
        guard n > 0 else { return }
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < n else { break }
            let r = l + 1
            let c = r < n && Entry.precedes(entries[r], entries[l]) ? r : l
            guard Entry.precedes(entries[c], last) else { break }
            entries[i] = entries[c]
            i = c
        }
        entries[i] = last
    }
}
