/// Event-time sessionization one event at a time, in arrival order, with a
/// watermark: the streaming form of the `analyze sessions` rules, and the
/// type the simulator calls per event.
///
/// - The watermark is (largest event time seen − allowed lateness).
/// - An event older than the watermark (time < watermark) is late: it is not
///   added and ``add(user:time:page:eventType:)`` returns `false` (the caller
///   sends it to a dead-letter output).
/// - Otherwise it joins the open session(s) of its user within the gap (two
///   sessions it bridges are merged), or starts a new one; events may arrive
///   out of order as long as they are not late.
/// - An open session closes when the watermark passes its last event + gap
///   (watermark > last + gap): no event that is not late can reach it any more.
///   Closing applies the batch rules: exact duplicates count once, unique
///   pages exact, `sequence` counts from 1 per user.
/// Whenever no event is late, the sessions closed (after ``finish()``) are
/// exactly those of ``BatchSessionizer``.
///
/// State: the events of open sessions (in a pooled free list), one slot per
/// open session, a heap entry per open session, and 12 bytes per user id
/// (its open-session list and sequence counter). Closed history is not kept.
/// Steady state allocates nothing: slots, events and heap entries are reused.
public struct StreamingSessionizer {
    /// Largest gap inside a session, microseconds.
    public let gap: Int64
    /// How far behind the largest event time the watermark trails, microseconds.
    public let allowedLateness: Int64
    /// Current watermark, microseconds (`Int64.min` before the first event).
    public private(set) var watermark = Int64.min
    /// Largest event time seen.
    public private(set) var maxEventTime = Int64.min
    /// Events accepted.
    public private(set) var eventsAccepted = 0
    /// Events rejected as late.
    public private(set) var eventsLate = 0
    /// Exact duplicates dropped when their sessions closed.
    public private(set) var duplicates = 0
    /// Sessions closed and not yet taken with ``drainClosed(_:)``.
    public private(set) var closed: [SessionRecord] = []

    struct Slot {
        var user: Int32 = -1
        var start: Int64 = 0
        var last: Int64 = 0
        var head: Int32 = -1
        var tail: Int32 = -1
        var count: Int32 = 0
        var previous: Int32 = -1      // neighbours in the user's list, ordered by start
        var next: Int32 = -1
        var generation: UInt32 = 0
        var needsSort = false
    }

    private var slots: [Slot] = []
    private var freeSlot: Int32 = -1
    private var eventTime: [Int64] = []
    private var eventKey: [UInt64] = []
    private var eventNext: [Int32] = []
    private var freeEvent: Int32 = -1
    private var userFirst: [Int32] = []
    private var userLast: [Int32] = []
    private var userSequence: [Int32] = []
    private var heap = SessionDeadlineHeap()
    private var pageStamp: [Int] = []
    private var stamp = 0
    private var scratch: [BatchSessionizer.PackedEvent] = []
    /// Open sessions now.
    public private(set) var openSessions = 0

    /// A sessionizer with `gap` and `allowedLateness` in microseconds (both ≥ 0).
    public init(gapMicroseconds gap: Int64, allowedLatenessMicroseconds lateness: Int64) {
        precondition(gap >= 0 && lateness >= 0, "StreamingSessionizer: gap and lateness must be non-negative")
        self.gap = gap
        self.allowedLateness = lateness
    }

    /// Offers one event: `user`, `page` and `eventType` are dense ids (≥ 0) of
    /// the caller's interners; `time` in microseconds. Returns `false` when the
    /// event is late (older than the watermark) and was not added. Sessions
    /// the advancing watermark closes are appended to ``closed``.
    /// - Complexity: O(log open sessions) amortized; O(1) for an in-order event
    ///   that neither starts nor closes a session.
    @inline(__always)
    public mutating func add(user: Int32, time: Int64, page: Int32, eventType: Int32) -> Bool {
        if time > maxEventTime {
            maxEventTime = time
            let (w, overflow) = time.subtractingReportingOverflow(allowedLateness)
            watermark = overflow ? Int64.min : w
            closeSessions(before: watermark)
        }
        if time < watermark { eventsLate += 1; return false }
        eventsAccepted += 1
        let key = UInt64(UInt32(bitPattern: page)) << 32 | UInt64(UInt32(bitPattern: eventType))
        if Int(page) >= pageStamp.count { growPages(Int(page)) }
        if Int(user) >= userFirst.count { growUsers(Int(user)) }
        let lastSlot = userLast[Int(user)]
        if lastSlot >= 0 && time >= slots[Int(lastSlot)].last {
            if time - slots[Int(lastSlot)].last <= gap {
                appendEvent(to: lastSlot, time: time, key: key)
                slots[Int(lastSlot)].last = time
                return true
            }
            let s = newSlot(user: user, time: time, key: key)
            link(s, after: lastSlot, user: user)
            return true
        }
        insertSlow(user: user, time: time, key: key)
        return true
    }

    /// Closes every open session (end of input), in deadline order.
    public mutating func finish() {
        closeSessions(before: Int64.max)
    }

    /// Hands the closed sessions to `body` in closing order and forgets them.
    @inline(__always)
    public mutating func drainClosed(_ body: (SessionRecord) throws -> Void) rethrows {
        guard !closed.isEmpty else { return }
        for s in closed { try body(s) }
        closed.removeAll(keepingCapacity: true)
    }

    // MARK: Insertion

    /// An event that is not after the user's last session's last event, or a user without sessions.
    ///
    /// A session i can take the event when startᵢ − gap ≤ time ≤ lastᵢ + gap. Open
    /// sessions of a user are more than `gap` apart, so at most two can: the
    /// latest one with startᵢ − gap ≤ time, and the one before it (the event then
    /// bridges them and they merge).
    private mutating func insertSlow(user: Int32, time: Int64, key: UInt64) {
        var s = userLast[Int(user)]
        while s >= 0 && slots[Int(s)].start - gap > time { s = slots[Int(s)].previous }
        guard s >= 0 else {
            linkFirst(newSlot(user: user, time: time, key: key), user: user)
            return
        }
        let p = slots[Int(s)].previous
        let joinsS = time <= slots[Int(s)].last + gap
        let joinsP = p >= 0 && time <= slots[Int(p)].last + gap
        switch (joinsP, joinsS) {
        case (true, true):
            appendEvent(to: p, time: time, key: key)
            merge(s, into: p)
        case (false, true):
            appendEvent(to: s, time: time, key: key)
            if time < slots[Int(s)].start { slots[Int(s)].start = time }
            if time > slots[Int(s)].last { slots[Int(s)].last = time }
        case (true, false):
            appendEvent(to: p, time: time, key: key)
            if time > slots[Int(p)].last { slots[Int(p)].last = time }
        case (false, false):
            link(newSlot(user: user, time: time, key: key), after: s, user: user)
        }
    }

    @inline(__always)
    private mutating func appendEvent(to s: Int32, time: Int64, key: UInt64) {
        let e = newEvent(time: time, key: key)
        let tail = slots[Int(s)].tail
        if time <= eventTime[Int(tail)] { slots[Int(s)].needsSort = true }
        eventNext[Int(tail)] = e
        slots[Int(s)].tail = e
        slots[Int(s)].count += 1
    }

    /// Moves the events of `b` (the session after `a`) into `a` and frees `b`.
    private mutating func merge(_ b: Int32, into a: Int32) {
        eventNext[Int(slots[Int(a)].tail)] = slots[Int(b)].head
        slots[Int(a)].tail = slots[Int(b)].tail
        slots[Int(a)].count += slots[Int(b)].count
        slots[Int(a)].needsSort = true
        slots[Int(a)].last = max(slots[Int(a)].last, slots[Int(b)].last)
        unlink(b)
        releaseSlot(b)
    }

    @inline(__always)
    private mutating func newEvent(time: Int64, key: UInt64) -> Int32 {
        if freeEvent >= 0 {
            let e = freeEvent
            freeEvent = eventNext[Int(e)]
            eventTime[Int(e)] = time
            eventKey[Int(e)] = key
            eventNext[Int(e)] = -1
            return e
        }
        eventTime.append(time)
        eventKey.append(key)
        eventNext.append(-1)
        return Int32(eventTime.count - 1)
    }

    @inline(__always)
    private mutating func newSlot(user: Int32, time: Int64, key: UInt64) -> Int32 {
        let e = newEvent(time: time, key: key)
        let s: Int32
        if freeSlot >= 0 {
            s = freeSlot
            freeSlot = slots[Int(s)].next
        } else {
            slots.append(Slot())
            s = Int32(slots.count - 1)
        }
        let generation = slots[Int(s)].generation
        slots[Int(s)] = Slot(user: user, start: time, last: time, head: e, tail: e, count: 1,
                             previous: -1, next: -1, generation: generation, needsSort: false)
        heap.push(.init(deadline: time + gap, user: user, slot: s, generation: generation))
        openSessions += 1
        return s
    }

    @inline(__always)
    private mutating func releaseSlot(_ s: Int32) {
        slots[Int(s)].generation &+= 1
        slots[Int(s)].user = -1
        slots[Int(s)].next = freeSlot
        freeSlot = s
        openSessions -= 1
    }

    private mutating func link(_ n: Int32, after p: Int32, user: Int32) {
        let next = slots[Int(p)].next
        slots[Int(n)].previous = p
        slots[Int(n)].next = next
        slots[Int(p)].next = n
        if next >= 0 { slots[Int(next)].previous = n } else { userLast[Int(user)] = n }
    }

    private mutating func linkFirst(_ n: Int32, user: Int32) {
        let first = userFirst[Int(user)]
        slots[Int(n)].next = first
        if first >= 0 { slots[Int(first)].previous = n } else { userLast[Int(user)] = n }
        userFirst[Int(user)] = n
    }

    private mutating func unlink(_ s: Int32) {
        let user = Int(slots[Int(s)].user)
        let p = slots[Int(s)].previous, n = slots[Int(s)].next
        if p >= 0 { slots[Int(p)].next = n } else { userFirst[user] = n }
        if n >= 0 { slots[Int(n)].previous = p } else { userLast[user] = p }
    }

    private mutating func growUsers(_ user: Int) {
        let n = max(user + 1, userFirst.count * 2)
        userFirst += [Int32](repeating: -1, count: n - userFirst.count)
        userLast += [Int32](repeating: -1, count: n - userLast.count)
        userSequence += [Int32](repeating: 0, count: n - userSequence.count)
    }

    private mutating func growPages(_ page: Int) {
        let n = max(page + 1, pageStamp.count * 2, 64)
        pageStamp += [Int](repeating: -1, count: n - pageStamp.count)
    }

    // MARK: Closing

    /// Closes sessions whose last event + gap is before `watermark`, in deadline order.
    @inline(__always)
    private mutating func closeSessions(before watermark: Int64) {
        while !heap.isEmpty && heap.top.deadline < watermark {
            let entry = heap.top
            heap.removeTop()
            let slot = slots[Int(entry.slot)]
            guard slot.generation == entry.generation, slot.user >= 0 else { continue }   // merged away
            let deadline = slot.last + gap
            if deadline != entry.deadline {
                heap.push(.init(deadline: deadline, user: entry.user, slot: entry.slot, generation: entry.generation))
                continue
            }
            close(entry.slot)
        }
    }

    private mutating func close(_ s: Int32) {
        let slot = slots[Int(s)]
        scratch.removeAll(keepingCapacity: true)
        var e = slot.head
        while e >= 0 {
            scratch.append(.init(time: eventTime[Int(e)], key: eventKey[Int(e)]))
            e = eventNext[Int(e)]
        }
        if slot.needsSort { scratch.sort(by: BatchSessionizer.PackedEvent.precedes) }
        stamp += 1
        var count = 0
        var unique = 0
        var previous = BatchSessionizer.PackedEvent(time: Int64.min, key: UInt64.max)
        for x in scratch {
            if x.time == previous.time && x.key == previous.key { duplicates += 1; continue }
            previous = x
            count += 1
            let page = Int(x.key >> 32)
            if pageStamp[page] != stamp { pageStamp[page] = stamp; unique += 1 }
        }
        let user = Int(slot.user)
        userSequence[user] += 1
        closed.append(SessionRecord(user: slot.user, sequence: Int(userSequence[user]),
                                    start: UTCTimestamp(microseconds: slot.start), end: UTCTimestamp(microseconds: slot.last),
                                    events: count, uniquePages: unique))
        // Return the events to the pool in O(1) and free the slot.
        eventNext[Int(slot.tail)] = freeEvent
        freeEvent = slot.head
        unlink(s)
        releaseSlot(s)
    }
}
