/// The event calendar: a 4-ary min-heap of ``Event`` values for the usual
/// few pending events, and a radix heap on the monotone times when many are
/// pending.
///
/// **Small calendars** (up to ``radixAbove`` pending events, every queueing
/// station and most models): a 4-ary min-heap on one flat buffer. The four
/// children of a node are 128 contiguous bytes (two cache lines), and the
/// tree is half as deep as a binary heap's. A push usually stops after one
/// comparison because new events tend to be later than most pending ones.
/// Sifting moves a hole rather than swapping. A pop leaves a hole at the
/// root instead of sifting at once: most handlers schedule an event right
/// away, and the first ``schedule(_:)`` after a pop drops the new event into
/// the hole and sifts it down, one pass instead of a sift-down for the
/// removal plus a sift-up for the insertion.
///
/// **Large calendars** (more than ``radixAbove`` pending, until fewer than
/// ``heapBelow`` are left): a radix heap (Ahuja, Mehlhorn, Orlin and
/// Tarjan, 1990) with radix 16. Simulated time never goes back (no event is
/// scheduled before ``now``), so the keys are monotone. An event goes to the
/// bucket of (L, d): L the highest hexadecimal digit in which its time
/// differs from the last minimum taken (the *base*), d its time's digit
/// there; a schedule appends to its bucket (a leading-zero count, a shift
/// and a store); a pop finds the lowest non-empty bucket (trailing-zero
/// counts on a 256-bit mask), takes its earliest event, moves the base there
/// and spreads the rest of the bucket over lower levels. An event moves at
/// most once per level (16 levels; about five for times a second apart at
/// 10 µs between events). Every access is a
/// sequential scan or an append, where the heap of 100,000 events walked a
/// 3.2 MB tree with a cache miss at most levels. Bucket 0 holds events at
/// exactly the base time, as a binary heap on ``Event/order``.
///
/// Both serve events in the same total order, (time, priority, sequence):
/// equal times by priority, then first-in first-out. Moving the pending
/// events from one structure to the other therefore changes no result.
///
/// The calendar is a noncopyable value that owns its buffers: there is one
/// calendar per run, it is passed `inout` to the model, and no operation
/// pays for a copy-on-write uniqueness check or a reference count. Buffers
/// double when full; the heap's never shrinks, and an emptied radix bucket
/// frees a buffer of more than ``keptBucketCapacity`` events, so memory
/// follows the largest number of events ever pending, not the length of
/// the run.
///
/// The calendar also holds the clock (``now``) and hands out the sequence
/// numbers that make equal times first-in first-out.

/// The pending events of a run and the current simulated time.
public struct EventCalendar: ~Copyable {
    /// The heap, in array order: `heap[0]` is the next event (small calendars).
    @usableFromInline var heap: UnsafeMutablePointer<Event>
    /// Allocated slots of ``heap``.
    @usableFromInline var capacity: Int
    /// Slots of ``heap`` in use, the root hole included (see ``rootIsHole``).
    @usableFromInline var size = 0
    /// `true` when `heap[0]` is the hole left by the last pop.
    @usableFromInline var rootIsHole = false
    /// `true` while the events are in the radix heap (``buckets``).
    @usableFromInline var isLarge = false
    /// Radix buckets 0 ... 256 (large calendars).
    @usableFromInline let buckets: UnsafeMutablePointer<EventBucket>
    /// Bit (b − 1) % 64 of word (b − 1) / 64 is set when radix bucket b (1 ... 256) holds an event.
    @usableFromInline var occupied: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The radix base: the time of the last minimum taken; no pending event is earlier.
    @usableFromInline var base: UInt64 = 0
    /// Events in the radix heap.
    @usableFromInline var radixSize = 0
    /// The next sequence number to give.
    @usableFromInline var nextSequence: UInt64 = 0
    /// Storage of ``now``.
    @usableFromInline var clock: SimTime = 0

    /// A calendar moves its events to the radix heap when more than this many are pending.
    public static var radixAbove: Int { 4096 }
    /// A large calendar moves its events back to the 4-ary heap when fewer than this many are pending.
    public static var heapBelow: Int { 1024 }
    /// Number of radix buckets: 16 digits for each of the 16 hexadecimal
    /// digits of the time, plus bucket 0.
    @usableFromInline static var bucketCount: Int { 257 }

    /// An empty calendar at time 0, with room for `capacity` events in the heap.
    public init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 4)
        heap = .allocate(capacity: self.capacity)
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: EventBucket(), count: Self.bucketCount)
    }

    deinit {
        heap.deallocate()
        for b in 0..<Self.bucketCount { buckets[b].free() }
        buckets.deinitialize(count: Self.bucketCount)
        buckets.deallocate()
    }

    /// The simulated time of the event being handled (or of the last one), ns.
    @inlinable public var now: SimTime { clock }
    /// The number of pending events.
    @inlinable public var count: Int { isLarge ? radixSize : (rootIsHole ? size &- 1 : size) }
    /// `true` when no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }
    /// The number of events scheduled so far (the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }
    /// `true` while the pending events are in the radix heap (for tests).
    public var usesRadixHeap: Bool { isLarge }

    /// The next event, without removing it.
    @inlinable public var next: Event? {
        if isLarge { return radixNext }
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

    /// The pending events, in no particular order (for inspection and tests).
    /// - Complexity: O(n); allocates the result.
    public var pending: [Event] {
        var all = Array(UnsafeBufferPointer(start: heap, count: size))
        if rootIsHole { all.removeFirst() }
        for b in 0..<Self.bucketCount where buckets[b].count > 0 {
            all.append(contentsOf: UnsafeBufferPointer(start: buckets[b].base, count: buckets[b].count))
        }
        return all
    }

    /// Schedules `event` (its ``Event/priority`` is kept; its sequence number
    /// is set here).
    /// - Precondition: `event.time >= now` (no event in the past).
    /// - Complexity: O(log₄ n), usually O(1), in the heap; O(1) amortized in
    ///   the radix heap; allocates only when a buffer doubles.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event) {
        precondition(event.time >= clock, "EventCalendar: event scheduled in the past")
        var e = event
        e.order = (e.order & ~((1 << Event.sequenceBits) - 1)) | nextSequence
        nextSequence &+= 1
        if isLarge {
            radixSize &+= 1
            place(e)
            return
        }
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
        if size > Self.radixAbove { moveToRadixHeap() }
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
    /// - Complexity: O(log₄ n) in the heap; O(1) amortized per bit of the time in the radix heap.
    @inlinable @inline(__always)
    public mutating func pop(notAfter limit: SimTime = .max) -> Event? {
        if isLarge { return radixPop(notAfter: limit) }
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
