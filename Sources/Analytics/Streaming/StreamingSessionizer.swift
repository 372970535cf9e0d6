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
/// a 56-byte slot and a 16-byte heap entry per open session, and a 72-byte
/// record per user id seen (its open-session list, its sequence counter, and
/// the slot of its latest session inline, so that an event extending that
/// session touches one record). Closed history is not kept. Steady state
/// allocates nothing: slots, chunks and heap entries are reused.
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

    /// A user's state and, inline in the same record, the slot of the user's
    /// latest session (slot id −2 − user), so that an event that extends the
    /// latest session touches one record; other open sessions are in `slots`.
    struct UserHome {
        var slot = Slot()           // first, so that a pointer to the home is one to its slot
        var state = UserState()
    }

    private var homes = HugePageArray<UserHome>()
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
        homes.makeUnique()
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
        if Int(user) >= homes.count { growUsers(Int(user)) }
        let lastSlot = hp(Int(user)).pointee.state.last
        if lastSlot != -1 {
            let last = sp(lastSlot).pointee.last
            if time >= last {
                if time - last <= gap {
                    appendEvent(to: lastSlot, time: time, key: key)
                    sp(lastSlot).pointee.last = time
                } else {
                    // A new latest session: it takes the inline slot, whose current session
                    // (then the latest one) moves to the pool first.
                    let previous = sp(inlineSlot(user)).pointee.user >= 0 ? moveInlineToPool(user) : lastSlot
                    link(newInlineSlot(user: user, time: time, key: key), after: previous, user: user)
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
                guard u < homes.count else { continue }
                let s = hp(u).pointee.state.last
                if s != -1 { sink &+= sp(s).pointee.last }
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
        homes.makeUnique()
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
        var s = hp(Int(user)).pointee.state.last
        while s != -1 && sp(s).pointee.start - gap > time { s = sp(s).pointee.previous }
        guard s != -1 else {
            // Before every open session of the user; the latest one only when there is none.
            let none = hp(Int(user)).pointee.state.last == -1
            linkFirst(none ? newInlineSlot(user: user, time: time, key: key) : newSlot(user: user, time: time, key: key), user: user)
            return
        }
        let p = sp(s).pointee.previous
        let joinsS = time <= sp(s).pointee.last + gap
        let joinsP = p != -1 && time <= sp(p).pointee.last + gap
        switch (joinsP, joinsS) {
        case (true, true):
            appendEvent(to: p, time: time, key: key)
            merge(s, into: p)
        case (false, true):
            appendEvent(to: s, time: time, key: key)
            if time < sp(s).pointee.start { sp(s).pointee.start = time }
            if time > sp(s).pointee.last { sp(s).pointee.last = time }
        case (true, false):
            appendEvent(to: p, time: time, key: key)
            if time > sp(p).pointee.last { sp(p).pointee.last = time }
        case (false, false):
            link(newSlot(user: user, time: time, key: key), after: s, user: user)
        }
    }

    @inline(__always)
    private mutating func appendEvent(to s: Int32, time: Int64, key: UInt64) {
        var fill = sp(s).pointee.headFill
        if fill == Int32(Self.chunkEvents) {
            let c = newChunk(next: sp(s).pointee.head)
            sp(s).pointee.head = c
            fill = 0
        }
        let base = Int(sp(s).pointee.head) * Self.chunkWords + 1 + 2 * Int(fill)
        chunks[base] = UInt64(bitPattern: time)
        chunks[base + 1] = key
        sp(s).pointee.headFill = fill + 1
        if time <= sp(s).pointee.lastAppended { sp(s).pointee.needsSort = true }
        sp(s).pointee.lastAppended = time
        sp(s).pointee.count += 1
    }

    /// Calls `body` with every (time, key) of session `s`, newest chunk first.
    @inline(__always)
    private func forEachEvent(of s: Int32, _ body: (Int64, UInt64) -> Void) {
        var c = sp(s).pointee.head
        var fill = Int(sp(s).pointee.headFill)
        while c >= 0 {
            let base = Int(c) * Self.chunkWords
            for i in 0..<fill { body(Int64(bitPattern: chunks[base + 1 + 2 * i]), chunks[base + 2 + 2 * i]) }
            c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[base]))
            fill = Self.chunkEvents
        }
    }

    /// Returns the chunks of session `s` to the pool.
    private mutating func releaseChunks(of s: Int32) {
        var c = sp(s).pointee.head
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
        sp(a).pointee.needsSort = true
        sp(a).pointee.last = max(sp(a).pointee.last, sp(b).pointee.last)
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
            freeSlot = sp(s).pointee.next
        } else {
            slots.append(Slot())
            s = Int32(slots.count - 1)
        }
        let generation = sp(s).pointee.generation
        sp(s).pointee = Slot(user: user, count: 0, start: time, last: time, lastAppended: Int64.min,
                             head: newChunk(next: -1), headFill: 0, previous: -1, next: -1,
                             generation: generation, needsSort: false)
        appendEvent(to: s, time: time, key: key)
        heap.push(.init(deadline: time + gap, slot: s, generation: generation))
        openSessions += 1
        return s
    }

    @inline(__always)
    private mutating func releaseSlot(_ s: Int32) {
        sp(s).pointee.generation &+= 1
        sp(s).pointee.user = -1
        if s >= 0 {
            sp(s).pointee.next = freeSlot
            freeSlot = s
        }
        openSessions -= 1
    }

    /// The id of `user`'s inline slot.
    @inline(__always)
    private func inlineSlot(_ user: Int32) -> Int32 { -2 - user }

    /// The home record of user `u`.
    @inline(__always)
    private func hp(_ u: Int) -> UnsafeMutablePointer<UserHome> { homes.base + u }

    /// The slot with id `s`: pooled (s ≥ 0) or the inline slot of user −2 − s.
    @inline(__always)
    private func sp(_ s: Int32) -> UnsafeMutablePointer<Slot> {
        if s >= 0 { return slots.base + Int(s) }
        return UnsafeMutableRawPointer(homes.base + Int(-2 - s)).assumingMemoryBound(to: Slot.self)
    }

    /// Starts a session of `user` in its inline slot. - Precondition: the inline slot is free.
    @inline(__always)
    private mutating func newInlineSlot(user: Int32, time: Int64, key: UInt64) -> Int32 {
        let s = inlineSlot(user)
        let generation = sp(s).pointee.generation
        sp(s).pointee = Slot(user: user, count: 0, start: time, last: time, lastAppended: Int64.min,
                             head: newChunk(next: -1), headFill: 0, previous: -1, next: -1,
                             generation: generation, needsSort: false)
        appendEvent(to: s, time: time, key: key)
        heap.push(.init(deadline: time + gap, slot: s, generation: generation))
        openSessions += 1
        return s
    }

    /// Moves the session in `user`'s inline slot (its latest) to a pooled slot; returns that slot.
    private mutating func moveInlineToPool(_ user: Int32) -> Int32 {
        let inline = inlineSlot(user)
        let p: Int32
        if freeSlot >= 0 {
            p = freeSlot
            freeSlot = sp(p).pointee.next
        } else {
            slots.append(Slot())
            p = Int32(slots.count - 1)
        }
        var moved = sp(inline).pointee
        moved.generation = sp(p).pointee.generation
        sp(p).pointee = moved
        if moved.previous != -1 { sp(moved.previous).pointee.next = p } else { hp(Int(user)).pointee.state.first = p }
        hp(Int(user)).pointee.state.last = p
        heap.push(.init(deadline: moved.last + gap, slot: p, generation: moved.generation))
        sp(inline).pointee.generation &+= 1
        sp(inline).pointee.user = -1
        return p
    }

    private mutating func link(_ n: Int32, after p: Int32, user: Int32) {
        let next = sp(p).pointee.next
        sp(n).pointee.previous = p
        sp(n).pointee.next = next
        sp(p).pointee.next = n
        if next != -1 { sp(next).pointee.previous = n } else { hp(Int(user)).pointee.state.last = n }
    }

    private mutating func linkFirst(_ n: Int32, user: Int32) {
        let first = hp(Int(user)).pointee.state.first
        sp(n).pointee.next = first
        if first != -1 { sp(first).pointee.previous = n } else { hp(Int(user)).pointee.state.last = n }
        hp(Int(user)).pointee.state.first = n
    }

    private mutating func unlink(_ s: Int32) {
        let user = Int(sp(s).pointee.user)
        let p = sp(s).pointee.previous, n = sp(s).pointee.next
        if p != -1 { sp(p).pointee.next = n } else { hp(user).pointee.state.first = n }
        if n != -1 { sp(n).pointee.previous = p } else { hp(user).pointee.state.last = p }
    }

    private mutating func growUsers(_ user: Int) {
        let n = max(user + 1, homes.count * 2)
        homes.append(UserHome(), count: n - homes.count)
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
            let slot = sp(entry.slot).pointee
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
        let slot = sp(s).pointee
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
        hp(user).pointee.state.sequence += 1
        closed.append(SessionRecord(user: slot.user, sequence: Int(hp(user).pointee.state.sequence),
                                    start: UTCTimestamp(microseconds: slot.start), end: UTCTimestamp(microseconds: slot.last),
                                    events: count, uniquePages: unique))
        releaseChunks(of: s)
        unlink(s)
        releaseSlot(s)
    }
}
