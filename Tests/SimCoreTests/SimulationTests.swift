import Testing
@testable import SimCore

/// A model that reschedules itself: each event at t schedules one at t + gap,
/// counts what it saw and can ask to stop.
struct Ticker: Model {
    var gap: SimTime
    var seen: [SimTime] = []
    var countSinceReset = 0
    var resets: [SimTime] = []
    var stopAfter = Int.max

    mutating func handle(_ event: Event, in calendar: inout EventCalendar) {
        seen.append(calendar.now)
        countSinceReset += 1
        calendar.schedule(after: gap, target: event.target, kind: event.kind)
    }

    mutating func resetStatistics(at time: SimTime) {
        resets.append(time)
        countSinceReset = 0
    }

    var isFinished: Bool { seen.count >= stopAfter }
}

/// A hook that logs (time, target) pairs, to check the trace sees every event in order.
struct PairLog: TraceHook {
    var pairs: [(SimTime, Int32)] = []
    mutating func record(_ event: Event) { pairs.append((event.time, event.target)) }
}

@Suite struct SimulationTests {
    func ticker(gap: SimTime = 10) -> Simulation<Ticker> {
        var calendar = EventCalendar()
        calendar.schedule(at: 0, target: 0, kind: 0)
        return Simulation(model: Ticker(gap: gap), calendar: calendar)
    }

    @Test func stopsAtTimeAndMovesTheClockThere() {
        var sim = ticker()
        let summary = sim.run(until: 95)
        #expect(summary.reason == .timeReached)
        #expect(summary.endTime == 95)
        #expect(sim.model.seen == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
        // An event exactly at the stop time is handled.
        let more = sim.run(until: 100)
        #expect(more.eventsHandled == 1)
        #expect(sim.model.seen.last == 100)
        #expect(sim.eventsHandled == 11)
    }

    @Test func stopsAfterNEventsAndContinues() {
        var sim = ticker()
        #expect(sim.run(maxEvents: 7) == RunSummary(reason: .eventLimitReached, eventsHandled: 7, endTime: 60))
        #expect(sim.run(maxEvents: 3).endTime == 90)
        #expect(sim.model.seen.count == 10)
    }

    @Test func stopsWhenTheModelSaysSo() {
        var sim = ticker()
        sim.model.stopAfter = 4
        let summary = sim.run()
        #expect(summary.reason == .modelFinished)
        #expect(summary.eventsHandled == 4)
        #expect(sim.run().eventsHandled == 0)
    }

    @Test func stopsWhenTheCalendarIsEmpty() {
        struct Once: Model {
            var handled = 0
            mutating func handle(_ event: Event, in calendar: inout EventCalendar) { handled += 1 }
            mutating func resetStatistics(at time: SimTime) {}
        }
        var calendar = EventCalendar()
        calendar.schedule(at: 3, target: 0, kind: 0)
        calendar.schedule(at: 8, target: 0, kind: 0)
        var sim = Simulation(model: Once(), calendar: calendar)
        #expect(sim.run() == RunSummary(reason: .calendarEmpty, eventsHandled: 2, endTime: 8))
    }

    @Test func warmUpResetsOnceAtTheWarmUpTimeBeforeLaterEvents() {
        var calendar = EventCalendar()
        calendar.schedule(at: 0, target: 0, kind: 0)
        var sim = Simulation(model: Ticker(gap: 10), calendar: calendar, warmUp: 35)
        _ = sim.run(until: 100)
        #expect(sim.model.resets == [35])
        // Events at 40 ... 100 come after the reset: 7 of them.
        #expect(sim.model.countSinceReset == 7)
        let warmed = sim.isWarmedUp
        #expect(warmed)
        _ = sim.run(until: 200)
        #expect(sim.model.resets == [35])
    }

    @Test func warmUpOnAnEventTimeResetsBeforeThatEvent() {
        var calendar = EventCalendar()
        calendar.schedule(at: 0, target: 0, kind: 0)
        var sim = Simulation(model: Ticker(gap: 10), calendar: calendar, warmUp: 40)
        _ = sim.run(until: 100)
        #expect(sim.model.resets == [40])
        #expect(sim.model.countSinceReset == 7)   // 40, 50, ..., 100
    }

    @Test func warmUpLaterThanTheStopWaitsForTheNextRun() {
        var calendar = EventCalendar()
        calendar.schedule(at: 0, target: 0, kind: 0)
        var sim = Simulation(model: Ticker(gap: 10), calendar: calendar, warmUp: 150)
        _ = sim.run(until: 100)
        #expect(sim.model.resets.isEmpty)
        let warmed = sim.isWarmedUp
        #expect(!warmed)
        _ = sim.run(until: 200)
        #expect(sim.model.resets == [150])
        #expect(sim.model.countSinceReset == 6)   // 150 ... 200
    }

    @Test func traceSeesEveryEventInOrder() {
        var calendar = EventCalendar()
        calendar.schedule(at: 0, target: 0, kind: 0)
        calendar.schedule(at: 5, target: 1, kind: 0)
        var sim = Simulation(model: Ticker(gap: 10), calendar: calendar)
        var log = PairLog()
        _ = sim.run(until: 30, trace: &log)
        #expect(log.pairs.map(\.0) == [0, 5, 10, 15, 20, 25, 30])
        #expect(log.pairs.map(\.1) == [0, 1, 0, 1, 0, 1, 0])
        var bounded = EventLog(limit: 3)
        _ = sim.run(until: 60, trace: &bounded)
        #expect(bounded.events.count == 3)
        #expect(bounded.seen == 6)
    }

    @Test func sameModelStateGivesTheSameRun() {
        var a = ticker(gap: 7)
        var b = ticker(gap: 7)
        _ = a.run(until: 10_000)
        _ = b.run(until: 10_000)
        #expect(a.model.seen == b.model.seen)
        #expect(a.calendar.scheduledCount == b.calendar.scheduledCount)
    }

    @Test func secondsConversionRoundsToTheNanosecond() {
        #expect(SimClock.nanoseconds(seconds: 1.5) == 1_500_000_000)
        #expect(SimClock.nanoseconds(seconds: 2.4e-9) == 2)
        #expect(SimClock.nanoseconds(seconds: 2.6e-9) == 3)
        #expect(SimClock.seconds(250_000_000) == 0.25)
    }
}
