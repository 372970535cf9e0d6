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
    public internal(set) var watermark = Int64.min
    /// Largest event time seen.
    public internal(set) var maxEventTime = Int64.min
    /// Events accepted.
    public internal(set) var eventsAccepted = 0
    /// Events rejected as late.
    public internal(set) var eventsLate = 0
    /// Exact duplicates dropped when their sessions closed.
    public internal(set) var duplicates = 0
    /// Open sessions now.
    public internal(set) var openSessions = 0
    /// Sessions closed and not yet taken with ``drainClosed(_:)``.
    public internal(set) var closed: [SessionRecord] = []

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

    var homes = HugePageArray<UserHome>()
    var slots = HugePageArray<Slot>()
    var freeSlot: Int32 = -1
    var chunks = HugePageArray<UInt64>()
    var freeChunks: [Int32] = []
    var heap = SessionDeadlineHeap()
    var pageStamp: [Int] = []
    var stamp = 0
    var scratch: [BatchSessionizer.PackedEvent] = []

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

    var probeSink: Int64 = 0

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
}
