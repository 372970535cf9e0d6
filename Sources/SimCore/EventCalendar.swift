/// The event calendar: a 4-ary min-heap of ``Event`` values on one flat buffer.
///
/// Why a 4-ary heap: events are 32 bytes, so the four children of a node are
/// 128 contiguous bytes (two cache lines), and the tree is half as deep as a
/// binary heap's. With 100,000 pending events a pop visits about 9 levels
/// instead of 17; a push usually stops after one comparison because new
/// events tend to be later than most pending ones. Sifting moves a hole
/// rather than swapping.
///
/// The calendar is a noncopyable value that owns its buffer: there is one
/// calendar per run, it is passed `inout` to the model, and no operation
/// pays for a copy-on-write uniqueness check. The buffer doubles when full
/// and never shrinks, so memory follows the largest number of events ever
/// pending, not the length of the run.
///
/// A pop leaves a hole at the root instead of sifting at once: most handlers
/// schedule an event right away, and the first ``schedule(_:)`` after a pop
/// drops the new event into the hole and sifts it down, one pass instead of
/// a sift-down for the removal plus a sift-up for the insertion. The next
/// pop with the hole still open closes it the usual way (the last event
/// moves into it).
///
/// The calendar also holds the clock (``now``) and hands out the sequence
/// numbers that make equal times first-in first-out.

/// The pending events of a run and the current simulated time.
public struct EventCalendar: ~Copyable {
    /// The heap, in array order: `heap[0]` is the next event.
    @usableFromInline var heap: UnsafeMutablePointer<Event>
    /// Allocated slots of ``heap``.
    @usableFromInline var capacity: Int
    /// Slots in use, the root hole included (see ``rootIsHole``).
    @usableFromInline var size = 0
    /// `true` when `heap[0]` is the hole left by the last pop.
    @usableFromInline var rootIsHole = false
    /// The next sequence number to give.
    @usableFromInline var nextSequence: UInt64 = 0
    /// Storage of ``now``.
    @usableFromInline var clock: SimTime = 0

    /// An empty calendar at time 0, with room for `capacity` events.
    public init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 4)
        heap = .allocate(capacity: self.capacity)
    }

    deinit { heap.deallocate() }

    /// The simulated time of the event being handled (or of the last one), ns.
    @inlinable public var now: SimTime { clock }
    /// The number of pending events.
    @inlinable public var count: Int { rootIsHole ? size &- 1 : size }
    /// `true` when no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }
    /// The number of events scheduled so far (the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }
    /// The next event, without removing it.
    @inlinable public var next: Event? {
        guard rootIsHole else { return size > 0 ? heap[0] : nil }
        // The root is a hole: the next event is the earliest of its children.
        guard size > 1 else { return nil }
        var best = heap[1]
        var c = 2
        while c < Swift.min(5, size) {
            if heap[c].precedes(best) { best = heap[c] }
            c &+= 1
        }
        return best
    }

    /// The pending events in heap order (for inspection and tests).
    /// - Complexity: O(n); allocates the result.
    public var pending: [Event] {
        let all = Array(UnsafeBufferPointer(start: heap, count: size))
        return rootIsHole ? Array(all.dropFirst()) : all
    }

    /// Schedules `event` (its ``Event/priority`` is kept; its sequence number
    /// is set here).
    /// - Precondition: `event.time >= now` (no event in the past).
    /// - Complexity: O(log₄ n), usually O(1); allocates only when the buffer doubles.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event) {
        precondition(event.time >= clock, "EventCalendar: event scheduled in the past")
        var e = event
        e.order = (e.order & ~((1 << Event.sequenceBits) - 1)) | nextSequence
        nextSequence &+= 1
        if rootIsHole {
            // Fill the hole the last pop left and sift down from the root.
            rootIsHole = false
            siftDown(placing: e)
            return
        }
        if size == capacity { grow() }
        // Sift up from the new leaf, moving the hole.
        var hole = size
        size &+= 1
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            let p = heap[parent]
            guard e.precedes(p) else { break }
            heap[hole] = p
            hole = parent
        }
        heap[hole] = e
    }

    /// Schedules an event at absolute time `time`.
    @inlinable @inline(__always)
    public mutating func schedule(at time: SimTime, target: Int32, kind: Int32, payload: Int64 = 0,
                                  priority: UInt8 = Event.normal) {
        schedule(Event(time: time, target: target, kind: kind, payload: payload, priority: priority))
    }

    /// Schedules an event `delay` nanoseconds from ``now``.
    /// - Precondition: `delay >= 0`.
    @inlinable @inline(__always)
    public mutating func schedule(after delay: SimTime, target: Int32, kind: Int32, payload: Int64 = 0,
                                  priority: UInt8 = Event.normal) {
        schedule(Event(time: clock &+ delay, target: target, kind: kind, payload: payload, priority: priority))
    }

    /// Removes and returns the next event if it happens at or before `limit`,
    /// and advances ``now`` to its time; otherwise leaves it pending.
    /// - Complexity: O(log₄ n).
    @inlinable @inline(__always)
    public mutating func pop(notAfter limit: SimTime = .max) -> Event? {
        if rootIsHole { closeHole() }
        guard size > 0 else { return nil }
        let first = heap[0]
        guard first.time <= limit else { return nil }
        rootIsHole = true
        clock = first.time
        return first
    }

    /// Moves the last event into the root hole and sifts it down.
    @inlinable @inline(__always)
    mutating func closeHole() {
        rootIsHole = false
        size &-= 1
        if size > 0 { siftDown(placing: heap[size]) }
    }

    /// Moves the clock to `time` without an event (the end of a run at a
    /// stop time).
    /// - Precondition: `time >= now` and no pending event is earlier than `time`.
    public mutating func advance(to time: SimTime) {
        precondition(time >= clock, "EventCalendar: cannot move the clock back from \(clock) ns to \(time) ns")
        if let first = next {
            precondition(first.time >= time, "EventCalendar: cannot pass a pending event at \(first.time) ns")
        }
        clock = time
    }

    /// Doubles the buffer.
    @usableFromInline @inline(never)
    mutating func grow() {
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: heap, count: size)
        heap.deallocate()
        heap = bigger
        capacity *= 2
    }

    /// Places `element` in the root's hole and moves it down to its place.
    @inlinable @inline(__always)
    mutating func siftDown(placing element: Event) {
        let n = size
        var hole = 0
        while true {
            let first = 4 &* hole &+ 1
            if first >= n { break }
            var best = first
            var bestEvent = heap[first]
            let end = Swift.min(first &+ 4, n)
            var c = first &+ 1
            while c < end {
                let candidate = heap[c]
                if candidate.precedes(bestEvent) { best = c; bestEvent = candidate }
                c &+= 1
            }
            guard bestEvent.precedes(element) else { break }
            heap[hole] = bestEvent
            hole = best
        }
        heap[hole] = element
    }
}
