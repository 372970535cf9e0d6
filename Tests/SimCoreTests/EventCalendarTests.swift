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

    /// A reference priority queue for the tests: a binary heap on
    /// (time, order), written independently of the calendar.
    struct ReferenceHeap {
        var items: [Event] = []
        mutating func push(_ e: Event) {
            items.append(e)
            var i = items.count - 1
            while i > 0, items[i].precedes(items[(i - 1) / 2]) { items.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
        }
        mutating func pop() -> Event? {
            guard !items.isEmpty else { return nil }
            items.swapAt(0, items.count - 1)
            let top = items.removeLast()
            var i = 0
            while true {
                var m = i
                for c in [2 * i + 1, 2 * i + 2] where c < items.count && items[c].precedes(items[m]) { m = c }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
            return top
        }
    }

    /// A hold model with 20,000 pending events (radix heap, and back to the
    /// 4-ary heap while draining) and exponential-like gaps over
    /// nine decades of nanoseconds, some ties and urgent events at `now`
    /// (seed 77): the calendar pops exactly what an independent heap pops.
    @Test func deepHoldModelMatchesAReferenceHeap() {
        var state: UInt64 = 77
        var calendar = EventCalendar()
        var reference = ReferenceHeap()
        var sequence: UInt64 = 0
        func schedule(_ time: SimTime, _ priority: UInt8, _ target: Int32) {
            calendar.schedule(at: time, target: target, kind: 0, priority: priority)
            reference.push(Event(time: time, target: target, kind: 0, priority: priority, sequence: sequence))
            sequence += 1
        }
        for i in 0..<20_000 { schedule(SimTime(Self.next(&state) % 1_000_000_000), 128, Int32(i)) }
        // More than radixAbove pending: the events moved to the radix heap.
        let large = calendar.usesRadixHeap
        #expect(large)
        for round in 0..<200_000 {
            guard let got = calendar.pop() else { Issue.record("calendar empty at round \(round)"); return }
            let want = reference.pop()
            #expect(got == want)
            if got != want { return }
            let r = Self.next(&state)
            let gap: SimTime
            switch r % 8 {
            case 0: gap = 0                                            // a tie at now
            case 1: gap = SimTime(r >> 40)                             // short
            default: gap = SimTime((r >> 8) % (1 << UInt64(r % 40)))   // up to 2^39 ns
            }
            schedule(calendar.now + gap, r % 16 == 0 ? Event.urgent : Event.normal, Int32(round))
            if r % 7 == 0, calendar.count > 1 {
                // A second event now and then, so the depth wanders.
                schedule(calendar.now + gap / 2, Event.late, Int32(round))
            }
            #expect(calendar.count == reference.items.count)
        }
        var drained = 0
        while let got = calendar.pop() {
            let want = reference.pop()
            #expect(got == want)
            drained += 1
            // Below heapBelow the events went back to the 4-ary heap.
            if calendar.count == EventCalendar.heapBelow - 2 {
                let small = !calendar.usesRadixHeap
                #expect(small)
            }
        }
        #expect(drained > EventCalendar.radixAbove)
        let left = reference.pop()
        #expect(left == nil)
    }

    @Test func countNextAndPendingAfterAPop() {
        var calendar = EventCalendar()
        for (i, t) in [50, 10, 40, 20, 30, 60].enumerated() { calendar.schedule(at: SimTime(t), target: Int32(i), kind: 0) }
        #expect(calendar.pop()?.time == 10)
        // Nothing was scheduled since the pop.
        #expect(calendar.count == 5)
        #expect(calendar.next?.time == 20)
        #expect(calendar.pending.map(\.time).sorted() == [20, 30, 40, 50, 60])
        calendar.advance(to: 15)
        // A schedule after the clock moved without an event.
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
