import Testing
import Variates
@testable import Analytics

@Suite("streaming sessionization")
struct StreamingSessionizerTests {
    static let gap: Int64 = 30 * 60 * 1_000_000
    static let hour: Int64 = 3600 * 1_000_000

    /// Feeds `events` in the given order; returns the closed sessions as text rows in batch order and the late count.
    func stream(_ events: [(user: String, time: Int64, page: String, type: String)], lateness: Int64)
        -> (rows: [String], late: Int, maxOpen: Int) {
        var users = KeyInterner(), pages = KeyInterner(), types = KeyInterner()
        var s = StreamingSessionizer(gapMicroseconds: Self.gap, allowedLatenessMicroseconds: lateness)
        var closed: [SessionRecord] = []
        var maxOpen = 0
        for e in events {
            _ = s.add(user: users.intern(e.user), time: e.time, page: pages.intern(e.page), eventType: types.intern(e.type))
            maxOpen = max(maxOpen, s.openSessions)
            s.drainClosed { closed.append($0) }
        }
        s.finish()
        s.drainClosed { closed.append($0) }
        let ranks = users.byteOrderRanks()
        closed.sort { ranks[Int($0.user)] != ranks[Int($1.user)] ? ranks[Int($0.user)] < ranks[Int($1.user)] : $0.start < $1.start }
        return (closed.map { row($0, users: users) }, s.eventsLate, maxOpen)
    }

    /// Reorders `events` into an arrival order in which no event is later than `lateness`:
    /// each arrives at its time plus a random delay in [0, lateness].
    func boundedDisorder(_ events: [(user: String, time: Int64, page: String, type: String)], lateness: Int64, rng: RandomStream)
        -> [(user: String, time: Int64, page: String, type: String)] {
        events.map { ($0, $0.time + Int64(rng.uniformInt(below: UInt64(lateness + 1)))) }
            .enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 < $1.element.1 : $0.offset < $1.offset }
            .map { $0.element.0 }
    }

    @Test("streaming equals batch exactly when no event is later than the allowed lateness (seeds 1...200)", arguments: 1...200)
    func equalsBatch(seed: Int) {
        let rng = RandomStream(seed: UInt64(seed), name: "streaming-order")
        let events = randomEvents(seed: UInt64(seed), count: 400, users: 12, gap: Self.gap)
        let lateness = [0, Self.gap / 2, Self.hour, 6 * Self.hour][seed % 4]
        let arrival = boundedDisorder(events, lateness: lateness, rng: rng)
        let result = stream(arrival, lateness: lateness)
        #expect(result.late == 0, "seed \(seed)")
        #expect(result.rows == referenceRows(events, gap: Self.gap), "seed \(seed)")
    }

    @Test("late events go to the dead letters: exactly those older than max time seen − lateness (seeds 1...50)", arguments: 1...50)
    func lateEvents(seed: Int) {
        let events = randomEvents(seed: UInt64(seed), count: 300, users: 8, gap: Self.gap)  // shuffled: many are late
        var maxSeen = Int64.min
        var expectedLate = 0
        var accepted: [(user: String, time: Int64, page: String, type: String)] = []
        for e in events {
            maxSeen = max(maxSeen, e.time)
            if e.time < maxSeen - Self.hour { expectedLate += 1 } else { accepted.append(e) }
        }
        let result = stream(events, lateness: Self.hour)
        #expect(result.late == expectedLate, "seed \(seed)")
        #expect(result.rows == referenceRows(accepted, gap: Self.gap), "seed \(seed): the accepted events sessionize as in batch")
    }

    @Test("a session closes only when the watermark passes last event + gap (strictly)")
    func closingPoint() {
        var s = StreamingSessionizer(gapMicroseconds: Self.gap, allowedLatenessMicroseconds: 0)
        let a = s.add(user: 0, time: 0, page: 0, eventType: 0)
        let b = s.add(user: 1, time: Self.gap, page: 0, eventType: 0)   // watermark = gap = last + gap: still open
        #expect(a && b)
        #expect(s.closed.isEmpty)
        let c = s.add(user: 1, time: Self.gap + 1, page: 0, eventType: 0)
        #expect(c)
        #expect(s.closed.map(\.user) == [0])
        let late = s.add(user: 0, time: Self.gap, page: 0, eventType: 0)    // older than the watermark: late
        #expect(!late)
        #expect(s.eventsLate == 1)
    }

    @Test("an out-of-order event that bridges two open sessions merges them")
    func bridgeMerges() {
        var s = StreamingSessionizer(gapMicroseconds: Self.gap, allowedLatenessMicroseconds: 10 * Self.hour)
        let m: Int64 = 60_000_000
        _ = s.add(user: 0, time: 0, page: 0, eventType: 0)
        _ = s.add(user: 0, time: 50 * m, page: 1, eventType: 0)     // 50 min later: a second open session
        #expect(s.openSessions == 2)
        _ = s.add(user: 0, time: 25 * m, page: 2, eventType: 0)     // within 30 min of both
        #expect(s.openSessions == 1)
        _ = s.add(user: 0, time: 25 * m, page: 2, eventType: 0)     // exact duplicate
        s.finish()
        #expect(s.closed.count == 1)
        #expect(s.closed[0].events == 3 && s.closed[0].uniquePages == 3 && s.closed[0].start.microseconds == 0)
        #expect(s.duplicates == 1)
    }

    @Test("state is bounded by open sessions, not by history")
    func boundedState() {
        let rng = RandomStream(seed: 7, name: "bounded")
        var s = StreamingSessionizer(gapMicroseconds: Self.gap, allowedLatenessMicroseconds: Self.hour)
        var t: Int64 = 0
        var maxOpen = 0
        var closedCount = 0
        for _ in 0..<200_000 {
            t += Int64(rng.uniformInt(below: 20_000_000))
            _ = s.add(user: Int32(rng.uniformInt(below: 100)), time: t, page: Int32(rng.uniformInt(below: 50)), eventType: 0)
            maxOpen = max(maxOpen, s.openSessions)
            s.drainClosed { _ in closedCount += 1 }
        }
        #expect(maxOpen <= 200, "open sessions \(maxOpen)")
        #expect(closedCount > 1000)
    }
}

@Suite("streaming sessionization, batched")
struct StreamingBatchTests {
    @Test("add(users:times:pages:eventTypes:) closes the same sessions in the same order as per-event add (seeds 1...20)",
          arguments: 1...20)
    func batchEqualsPerEvent(seed: Int) {
        let rng = RandomStream(seed: UInt64(seed), name: "batch")
        let n = 3000
        var users = [Int32](), times = [Int64](), pages = [Int32](), types = [Int32]()
        var t: Int64 = 0
        for _ in 0..<n {
            t += Int64(rng.uniformInt(below: 200_000_000))
            users.append(Int32(rng.uniformInt(below: 40)))
            times.append(t - Int64(rng.uniformInt(below: 4_000_000_000)))   // up to 66 min of disorder: some late
            pages.append(Int32(rng.uniformInt(below: 9)))
            types.append(Int32(rng.uniformInt(below: 2)))
        }
        let gap: Int64 = 30 * 60 * 1_000_000, lateness: Int64 = 3600 * 1_000_000
        var one = StreamingSessionizer(gapMicroseconds: gap, allowedLatenessMicroseconds: lateness)
        var expectedAccepted: [Bool] = []
        for i in 0..<n { expectedAccepted.append(one.add(user: users[i], time: times[i], page: pages[i], eventType: types[i])) }
        one.finish()
        var batch = StreamingSessionizer(gapMicroseconds: gap, allowedLatenessMicroseconds: lateness)
        var accepted = [Bool](repeating: false, count: n)
        let late = users.withUnsafeBufferPointer { u in times.withUnsafeBufferPointer { tt in pages.withUnsafeBufferPointer { p in
            types.withUnsafeBufferPointer { e in accepted.withUnsafeMutableBufferPointer { a in
                batch.add(users: u, times: tt, pages: p, eventTypes: e, accepted: a) } } } } }
        batch.finish()
        #expect(batch.closed == one.closed, "seed \(seed)")
        #expect(accepted == expectedAccepted, "seed \(seed)")
        #expect(late == one.eventsLate && late > 0, "seed \(seed)")
    }

    @Test("a copy of a sessionizer is independent of the original")
    func valueSemantics() {
        var a = StreamingSessionizer(gapMicroseconds: 10, allowedLatenessMicroseconds: 0)
        _ = a.add(user: 0, time: 0, page: 0, eventType: 0)
        var b = a
        _ = b.add(user: 0, time: 5, page: 1, eventType: 0)
        a.finish()
        b.finish()
        #expect(a.closed.map(\.events) == [1])
        #expect(b.closed.map(\.events) == [2])
    }
}
