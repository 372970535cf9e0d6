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
/// State: the events of open sessions (16 bytes each, in pooled chunks of 8),
/// one 56-byte slot and one 16-byte heap entry per open session, and 12 bytes
/// per user id (its open-session list and sequence counter). Closed history is
/// not kept. Steady state allocates nothing: slots, chunks and heap entries are reused.
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
    /// Open sessions now.
    public private(set) var openSessions = 0
    /// Sessions closed and not yet taken with ``drainClosed(_:)``.
    public private(set) var closed: [SessionRecord] = []

    struct UserState {
        var first: Int32 = -1       // open sessions, ordered by start
        var last: Int32 = -1
        var sequence: Int32 = 0     // sessions closed so far
    }

    struct Slot {
        var user: Int32 = -1
        var count: Int32 = 0
        var start: Int64 = 0
        var last: Int64 = 0
        var lastAppended: Int64 = 0 // time of the most recently added event
        var head: Int32 = -1        // newest chunk; older chunks are full
        var headFill: Int32 = 0
        var previous: Int32 = -1    // neighbours in the user's list
        var next: Int32 = -1
        var generation: UInt32 = 0
        var needsSort = false       // events not added in strictly increasing time
    }

    /// Events per chunk.
    static let chunkEvents = 8
    /// Words per chunk: the next chunk, then (time, key) pairs.
    static let chunkWords = 1 + 2 * chunkEvents

    private var users = HugePageArray<UserState>()
    private var slots = HugePageArray<Slot>()
    private var freeSlot: Int32 = -1
    private var chunks = HugePageArray<UInt64>()
    private var freeChunks: [Int32] = []
    private var heap = SessionDeadlineHeap()
    private var pageStamp: [Int] = []
    private var stamp = 0
    private var scratch: [BatchSessionizer.PackedEvent] = []

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
        users.makeUnique()
        slots.makeUnique()
        chunks.makeUnique()
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
        if Int(user) >= users.count { growUsers(Int(user)) }
        let lastSlot = users[Int(user)].last
        if lastSlot >= 0 {
            let last = slots[Int(lastSlot)].last
            if time >= last {
                if time - last <= gap {
                    appendEvent(to: lastSlot, time: time, key: key)
                    slots[Int(lastSlot)].last = time
                } else {
                    link(newSlot(user: user, time: time, key: key), after: lastSlot, user: user)
                }
                return true
            }
        }
        insertSlow(user: user, time: time, key: key)
        return true
    }

    /// Offers `users.count` events in order, exactly as that many calls of
    /// ``add(user:time:page:eventType:)`` would, but loads the state of the next
    /// 16 events' users together first, so that their cache misses overlap.
    /// `accepted[i]` (when given) is set to whether event i was accepted.
    /// - Returns: the number of late events in the batch.
    /// - Precondition: all buffers have the same count.
    public mutating func add(users us: UnsafeBufferPointer<Int32>, times: UnsafeBufferPointer<Int64>,
                             pages: UnsafeBufferPointer<Int32>, eventTypes: UnsafeBufferPointer<Int32>,
                             accepted: UnsafeMutableBufferPointer<Bool>? = nil) -> Int {
        let n = us.count
        precondition(times.count == n && pages.count == n && eventTypes.count == n && (accepted?.count ?? n) == n,
                     "StreamingSessionizer.add(users:times:pages:eventTypes:): buffers of different lengths")
        var late = 0
        var i = 0
        while i < n {
            let end = min(i + 16, n)
            var sink: Int64 = 0
            for k in i..<end {
                let u = Int(us[k])
                guard u < users.count else { continue }
                let s = users[u].last
                if s >= 0 { sink &+= slots[Int(s)].last }
            }
            probeSink &+= sink
            for k in i..<end {
                let ok = add(user: us[k], time: times[k], page: pages[k], eventType: eventTypes[k])
                if !ok { late += 1 }
                accepted?[k] = ok
            }
            i = end
        }
        return late
    }

    private var probeSink: Int64 = 0

    /// Closes every open session (end of input), in deadline order.
    public mutating func finish() {
        users.makeUnique()
        slots.makeUnique()
        chunks.makeUnique()
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

    /// An event that is before the user's latest session's last event, or a user without sessions.
    ///
    /// A session i can take the event when startᵢ − gap ≤ time ≤ lastᵢ + gap. Open
    /// sessions of a user are more than `gap` apart, so at most two can: the
    /// latest one with startᵢ − gap ≤ time, and the one before it (the event then
    /// bridges them and they merge).
    private mutating func insertSlow(user: Int32, time: Int64, key: UInt64) {
        var s = users[Int(user)].last
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
        var fill = slots[Int(s)].headFill
        if fill == Int32(Self.chunkEvents) {
            let c = newChunk(next: slots[Int(s)].head)
            slots[Int(s)].head = c
            fill = 0
        }
        let base = Int(slots[Int(s)].head) * Self.chunkWords + 1 + 2 * Int(fill)
        chunks[base] = UInt64(bitPattern: time)
        chunks[base + 1] = key
        slots[Int(s)].headFill = fill + 1
        if time <= slots[Int(s)].lastAppended { slots[Int(s)].needsSort = true }
        slots[Int(s)].lastAppended = time
        slots[Int(s)].count += 1
    }

    /// Calls `body` with every (time, key) of session `s`, newest chunk first.
    @inline(__always)
    private func forEachEvent(of s: Int32, _ body: (Int64, UInt64) -> Void) {
        var c = slots[Int(s)].head
        var fill = Int(slots[Int(s)].headFill)
        while c >= 0 {
            let base = Int(c) * Self.chunkWords
            for i in 0..<fill { body(Int64(bitPattern: chunks[base + 1 + 2 * i]), chunks[base + 2 + 2 * i]) }
            c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[base]))
            fill = Self.chunkEvents
        }
    }

    /// Returns the chunks of session `s` to the pool.
    private mutating func releaseChunks(of s: Int32) {
        var c = slots[Int(s)].head
        while c >= 0 {
            freeChunks.append(c)
            c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[Int(c) * Self.chunkWords]))
        }
    }

    /// Moves the events of `b` (the session after `a`) into `a` and frees `b`.
    private mutating func merge(_ b: Int32, into a: Int32) {
        scratch.removeAll(keepingCapacity: true)
        forEachEvent(of: b) { t, k in scratch.append(.init(time: t, key: k)) }
        for e in scratch { appendEvent(to: a, time: e.time, key: e.key) }
        slots[Int(a)].needsSort = true
        slots[Int(a)].last = max(slots[Int(a)].last, slots[Int(b)].last)
        releaseChunks(of: b)
        unlink(b)
        releaseSlot(b)
    }

    @inline(__always)
    private mutating func newChunk(next: Int32) -> Int32 {
        let c: Int32
        if let f = freeChunks.popLast() {
            c = f
        } else {
            c = Int32(chunks.count / Self.chunkWords)
            chunks.append(0, count: Self.chunkWords)
        }
        chunks[Int(c) * Self.chunkWords] = UInt64(bitPattern: Int64(next))
        return c
    }

    @inline(__always)
    private mutating func newSlot(user: Int32, time: Int64, key: UInt64) -> Int32 {
        let s: Int32
        if freeSlot >= 0 {
            s = freeSlot
            freeSlot = slots[Int(s)].next
        } else {
            slots.append(Slot())
            s = Int32(slots.count - 1)
        }
        let generation = slots[Int(s)].generation
        slots[Int(s)] = Slot(user: user, count: 0, start: time, last: time, lastAppended: Int64.min,
                             head: newChunk(next: -1), headFill: 0, previous: -1, next: -1,
                             generation: generation, needsSort: false)
        appendEvent(to: s, time: time, key: key)
        heap.push(.init(deadline: time + gap, slot: s, generation: generation))
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
        if next >= 0 { slots[Int(next)].previous = n } else { users[Int(user)].last = n }
    }

    private mutating func linkFirst(_ n: Int32, user: Int32) {
        let first = users[Int(user)].first
        slots[Int(n)].next = first
        if first >= 0 { slots[Int(first)].previous = n } else { users[Int(user)].last = n }
        users[Int(user)].first = n
    }

    private mutating func unlink(_ s: Int32) {
        let user = Int(slots[Int(s)].user)
        let p = slots[Int(s)].previous, n = slots[Int(s)].next
        if p >= 0 { slots[Int(p)].next = n } else { users[user].first = n }
        if n >= 0 { slots[Int(n)].previous = p } else { users[user].last = p }
    }

    private mutating func growUsers(_ user: Int) {
        let n = max(user + 1, users.count * 2)
        users.append(UserState(), count: n - users.count)
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
                heap.push(.init(deadline: deadline, slot: entry.slot, generation: entry.generation))
                continue
            }
            close(entry.slot)
        }
    }

    private mutating func close(_ s: Int32) {
        let slot = slots[Int(s)]
        stamp += 1
        var unique = 0
        var count = Int(slot.count)
        // Unique pages do not depend on duplicates (a duplicate has its original's page).
        let stampNow = stamp
        if slot.needsSort {
            scratch.removeAll(keepingCapacity: true)
            forEachEvent(of: s) { t, k in scratch.append(.init(time: t, key: k)) }
            scratch.sort(by: BatchSessionizer.PackedEvent.precedes)
            var previous = BatchSessionizer.PackedEvent(time: Int64.min, key: UInt64.max)
            for x in scratch {
                if x.time == previous.time && x.key == previous.key { duplicates += 1; count -= 1; continue }
                previous = x
                let page = Int(x.key >> 32)
                if pageStamp[page] != stampNow { pageStamp[page] = stampNow; unique += 1 }
            }
        } else {
            // Strictly increasing times: no two events are equal.
            var c = slot.head
            var fill = Int(slot.headFill)
            while c >= 0 {
                let base = Int(c) * Self.chunkWords
                for i in 0..<fill {
                    let page = Int(chunks[base + 2 + 2 * i] >> 32)
                    if pageStamp[page] != stampNow { pageStamp[page] = stampNow; unique += 1 }
                }
                c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[base]))
                fill = Self.chunkEvents
            }
        }
        let user = Int(slot.user)
        users[user].sequence += 1
        closed.append(SessionRecord(user: slot.user, sequence: Int(users[user].sequence),
                                    start: UTCTimestamp(microseconds: slot.start), end: UTCTimestamp(microseconds: slot.last),
                                    events: count, uniquePages: unique))
        releaseChunks(of: s)
        unlink(s)
        releaseSlot(s)
    }
}
