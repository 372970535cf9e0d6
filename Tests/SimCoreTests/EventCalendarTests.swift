import Testing
@testable import SimCore

/// The calendar returns events in (time, priority, sequence) order.
@Suite struct EventCalendarTests {
    /// A SplitMix64 step, so the test needs nothing but SimCore (seeded, deterministic).
    static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    @Test("popping gives the events sorted by (time, priority, sequence); seeds 1...20",
          arguments: 1...20)
    func ordersLikeASort(seed: UInt64) {
        var state = seed
        var calendar = EventCalendar()
        var scheduled: [Event] = []
        var popped: [Event] = []
        // Interleave pushes and pops, with many ties in time and priority.
        for round in 0..<2_000 {
            let time = calendar.now + SimTime(Self.next(&state) % 50)
            let priority = UInt8(Self.next(&state) % 3)
            let e = Event(time: time, target: Int32(round), kind: 0, priority: priority)
            calendar.schedule(e)
            scheduled.append(Event(time: time, target: Int32(round), kind: 0, priority: priority,
                                   sequence: UInt64(round)))
            if Self.next(&state) % 3 == 0, let p = calendar.pop() { popped.append(p) }
        }
        while let p = calendar.pop() { popped.append(p) }
        #expect(popped.count == scheduled.count)
        // Each pop is never earlier than the one before, and ties break by order.
        for (a, b) in zip(popped, popped.dropFirst()) {
            #expect(a.time <= b.time)
        }
        // Every event came out exactly once, with the sequence number it was given.
        #expect(Set(popped.map(\.target)).count == scheduled.count)
        for p in popped { #expect(p.sequence == UInt64(p.target)) }
    }

    @Test func fullDrainEqualsStableSort() {
        var state: UInt64 = 42
        var calendar = EventCalendar()
        var reference: [Event] = []
        for i in 0..<5_000 {
            let e = Event(time: SimTime(Self.next(&state) % 100), target: Int32(i), kind: 0,
                          priority: UInt8(Self.next(&state) % 4))
            calendar.schedule(e)
            reference.append(Event(time: e.time, target: e.target, kind: 0, priority: e.priority, sequence: UInt64(i)))
        }
        let expected = reference.sorted { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
        var got: [Event] = []
        while let e = calendar.pop() { got.append(e) }
        #expect(got == expected)
    }

    @Test func equalTimesAreFirstInFirstOut() {
        var calendar = EventCalendar()
        for i in 0..<1_000 { calendar.schedule(at: 7, target: Int32(i), kind: 1) }
        var order: [Int32] = []
        while let e = calendar.pop() { order.append(e.target) }
        #expect(order == Array(0..<1_000))
    }

    @Test func priorityGoesBeforeSequenceAtEqualTimes() {
        var calendar = EventCalendar()
        calendar.schedule(at: 5, target: 0, kind: 0)                              // normal
        calendar.schedule(at: 5, target: 1, kind: 0, priority: Event.late)
        calendar.schedule(at: 5, target: 2, kind: 0, priority: Event.urgent)
        calendar.schedule(at: 4, target: 3, kind: 0, priority: Event.late)
        var order: [Int32] = []
        while let e = calendar.pop() { order.append(e.target) }
        #expect(order == [3, 2, 0, 1])
    }

    @Test func popRespectsTheLimitAndMovesTheClock() {
        var calendar = EventCalendar()
        calendar.schedule(at: 10, target: 0, kind: 0)
        calendar.schedule(at: 20, target: 1, kind: 0)
        #expect(calendar.pop(notAfter: 9) == nil)
        #expect(calendar.now == 0)
        #expect(calendar.pop(notAfter: 10)?.target == 0)
        #expect(calendar.now == 10)
        #expect(calendar.pop(notAfter: 19) == nil)
        calendar.advance(to: 15)
        #expect(calendar.now == 15)
        calendar.schedule(after: 1, target: 2, kind: 0)
        #expect(calendar.pop()?.time == 16)
        #expect(calendar.count == 1)
    }

    @Test func countNextAndPendingSeeThroughTheHoleAPopLeaves() {
        var calendar = EventCalendar()
        for (i, t) in [50, 10, 40, 20, 30, 60].enumerated() { calendar.schedule(at: SimTime(t), target: Int32(i), kind: 0) }
        #expect(calendar.pop()?.time == 10)
        // The root is a hole now; nothing was scheduled yet.
        #expect(calendar.count == 5)
        #expect(calendar.next?.time == 20)
        #expect(calendar.pending.map(\.time).sorted() == [20, 30, 40, 50, 60])
        calendar.advance(to: 15)
        // A schedule fills the hole; a pop with the hole open closes it.
        calendar.schedule(at: 25, target: 9, kind: 0)
        #expect(calendar.count == 6)
        var times: [SimTime] = []
        while let e = calendar.pop() { times.append(e.time) }
        #expect(times == [20, 25, 30, 40, 50, 60])
        #expect(calendar.isEmpty && calendar.next == nil)
    }

    @Test func eventIs32Bytes() {
        #expect(MemoryLayout<Event>.size == 32)
        #expect(MemoryLayout<Event>.stride == 32)
    }
}
