/// Batch sessionization: all events at once, grouped per user by a counting
/// sort on the user's byte-order rank, each user's events sorted by time,
/// exact duplicates dropped, and sessions cut where the gap to the previous
/// event is strictly greater than the session gap.

/// The `analyze sessions` rules over a whole ``EventLog``.
public enum BatchSessionizer {
    /// One event reduced to what the rules compare: time, then (page, event type).
    struct PackedEvent {
        var time: Int64
        var key: UInt64   // page id << 32 | event type id

        @inline(__always)
        static func precedes(_ a: PackedEvent, _ b: PackedEvent) -> Bool {
            a.time != b.time ? a.time < b.time : a.key < b.key
        }
    }

    /// Counts reported with the sessions.
    public struct Counts: Sendable, Equatable {
        /// Events read.
        public var events = 0
        /// Exact duplicates dropped (rows equal to an earlier row in all four fields).
        public var duplicates = 0
        /// Sessions emitted.
        public var sessions = 0
        /// Distinct users.
        public var users = 0
    }

    /// Calls `emit` with every session of `log`: users in byte order of
    /// user_id, each user's sessions by start, `sequence` from 1 per user.
    ///
    /// Per user, events are taken in time order; exact duplicates (same
    /// time, page and event type) count once; a new session starts at the first
    /// event and wherever the gap to the previous event is strictly greater
    /// than `gapMicroseconds` (a gap of exactly the session gap stays in the session).
    /// - Precondition: `gapMicroseconds >= 0`.
    /// - Complexity: O(n + u log u + Σ kᵢ log kᵢ) for n events, u users with kᵢ events each;
    ///   16 bytes per event of working memory.
    @discardableResult
    public static func sessionize(_ log: EventLog, gapMicroseconds gap: Int64,
                                  _ emit: (SessionRecord) throws -> Void) rethrows -> Counts {
        precondition(gap >= 0, "BatchSessionizer: the session gap must be non-negative, got \(gap) µs")
        let n = log.count
        let userCount = log.users.count
        let ranks = log.users.byteOrderRanks()
        var idOfRank = [Int32](repeating: 0, count: userCount)
        for (id, r) in ranks.enumerated() { idOfRank[Int(r)] = Int32(id) }

        var offsets = [Int](repeating: 0, count: userCount + 1)
        var packed = [PackedEvent](repeating: PackedEvent(time: 0, key: 0), count: n)
        log.user.withUnsafeBufferPointer { users in
            ranks.withUnsafeBufferPointer { ranks in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    for u in users { offsets[Int(ranks[Int(u)]) + 1] += 1 }
                    for r in 0..<userCount { offsets[r + 1] += offsets[r] }
                    var fill = Array(offsets[0..<userCount])
                    log.time.withUnsafeBufferPointer { times in
                        log.page.withUnsafeBufferPointer { pages in
                            log.eventType.withUnsafeBufferPointer { types in
                                packed.withUnsafeMutableBufferPointer { out in
                                    fill.withUnsafeMutableBufferPointer { fill in
                                        for i in 0..<n {
                                            let r = Int(ranks[Int(users[i])])
                                            out[fill[r]] = PackedEvent(
                                                time: times[i],
                                                key: UInt64(UInt32(bitPattern: pages[i])) << 32 | UInt64(UInt32(bitPattern: types[i])))
                                            fill[r] += 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        var counts = Counts(events: n, duplicates: 0, sessions: 0, users: userCount)
        var pageStamp = [Int](repeating: -1, count: log.pages.count)
        var stamp = 0
        try packed.withUnsafeMutableBufferPointer { all in
            try pageStamp.withUnsafeMutableBufferPointer { marks in
                for r in 0..<userCount {
                    let lo = offsets[r], hi = offsets[r + 1]
                    guard hi > lo else { continue }
                    var events = UnsafeMutableBufferPointer(rebasing: all[lo..<hi])
                    var sorted = true
                    var i = 1
                    while i < events.count {
                        if PackedEvent.precedes(events[i], events[i - 1]) { sorted = false; break }
                        i += 1
                    }
                    if !sorted { events.sort(by: PackedEvent.precedes) }

                    let user = idOfRank[r]
                    var sequence = 0
                    var start = events[0].time
                    var last = start
                    var count = 0
                    var unique = 0
                    var previous = PackedEvent(time: Int64.min, key: UInt64.max)
                    stamp += 1
                    for e in events {
                        if e.time == previous.time && e.key == previous.key {
                            counts.duplicates += 1
                            continue
                        }
                        previous = e
                        if count > 0 && e.time - last > gap {
                            sequence += 1
                            try emit(SessionRecord(user: user, sequence: sequence, start: UTCTimestamp(microseconds: start),
                                                   end: UTCTimestamp(microseconds: last), events: count, uniquePages: unique))
                            start = e.time
                            count = 0
                            unique = 0
                            stamp += 1
                        }
                        last = e.time
                        count += 1
                        let page = Int(e.key >> 32)
                        if marks[page] != stamp { marks[page] = stamp; unique += 1 }
                    }
                    sequence += 1
                    try emit(SessionRecord(user: user, sequence: sequence, start: UTCTimestamp(microseconds: start),
                                           end: UTCTimestamp(microseconds: last), events: count, uniquePages: unique))
                    counts.sessions += sequence
                }
            }
        }
        return counts
    }
}
