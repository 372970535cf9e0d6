import Metrics
import SimCore
import Testing
@testable import Platform
import Variates

/// Each primitive on hand-made traces whose outcome is worked out by hand.
@Suite struct PrimitiveTests {
    static func s(_ seconds: Double) -> SimTime { SimClock.nanoseconds(seconds: seconds) }
    static let seeds = SeedTree(root: 5)

    /// A trace source feeding `output`.
    static func traceSource(_ name: String, _ times: [Double], priority: UInt8 = 0, to output: Port) throws -> Source {
        try Source(name: name, process: .trace(times.map(s)), priority: priority, output: output, stream: seeds.stream(name))
    }

    @Test func finiteBufferDropsWhenFull() throws {
        // 1 server, K = 2, service 10 s; arrivals at 0, 1, 2, 3: 0 served, 1 waits, 2 and 3 dropped.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let station = net.add(try Station(name: "db", servers: 1, service: try .deterministic(10), capacity: 2,
                                          whenFull: .drop, output: sink, stream: Self.seeds.stream("db")))
        net.add(try Self.traceSource("in", [0, 1, 2, 3], to: station))
        let result = net.simulate()
        let db = result.stations[0].summary
        #expect(db.offered == 4)
        #expect(db.dropped == 2)
        #expect(db.departed == 2)
        #expect(result.conservation == .init(generated: 4, delivered: 2, dropped: 2, inFlight: 0, jobsInPool: 0, jobsInComponents: 0))
        #expect(db.blockingProbability == 0.5)
        #expect(result.endTime == Self.s(20))
        // Waits 0 and 9 s; sojourns 10 and 19 s.
        #expect(abs(try #require(db.meanWait) - 4.5) < 1e-9)
        #expect(abs(try #require(db.meanSojourn) - 14.5) < 1e-9)
    }

    @Test func fullStationBlocksItsSource() throws {
        // K = 1, service 10 s, arrivals at 0, 1, 2. Job 1 is refused at 1 s and the source waits;
        // it enters at 10 s, the source then emits job 2 at 10 s (trace time 2 s has passed),
        // which is refused until 20 s. Latencies 10, 19, 20 s; nothing dropped.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let station = net.add(try Station(name: "db", servers: 1, service: try .deterministic(10), capacity: 1,
                                          whenFull: .block, output: sink, stream: Self.seeds.stream("db")))
        net.add(try Self.traceSource("in", [0, 1, 2], to: station))
        let result = net.simulate()
        #expect(result.stations[0].summary.dropped == 0)
        #expect(result.sinks[0].records == 3)
        #expect(result.endTime == Self.s(30))
        let mean = try #require(result.sinks[0].latencies.meanSeconds)
        #expect(abs(mean - (10 + 19 + 20) / 3.0) < 1e-9)
        #expect(result.conservation.holds)
    }

    @Test func fullStationBlocksTheStationBeforeIt() throws {
        // Station 1: service 1 s; station 2: service 10 s, K = 1, block. Arrivals at 0, 0.1, 0.2.
        // Job 1 finishes at 2 s and holds server 1 until 11 s; job 2 starts at 11 s, holds until 21 s.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let second = Port(.station, 1)
        let first = net.add(try Station(name: "one", servers: 1, service: try .deterministic(1), output: second,
                                        stream: Self.seeds.stream("one")))
        net.add(try Station(name: "two", servers: 1, service: try .deterministic(10), capacity: 1, whenFull: .block,
                            output: sink, stream: Self.seeds.stream("two")))
        net.add(try Self.traceSource("in", [0, 0.1, 0.2], to: first))
        let result = net.simulate()
        let one = result.stations[0].summary, two = result.stations[1].summary
        let sojourn1: Double = try #require(one.meanSojourn)
        let sojourn2: Double = try #require(two.meanSojourn)
        let endToEnd: Double = try #require(result.sinks[0].latencies.meanSeconds)
        let expected1: Double = (1 + 10.9 + 20.8) / 3
        let expectedEnd: Double = (11 + 20.9 + 30.8) / 3
        #expect(abs(sojourn1 - expected1) < 1e-9)
        #expect(abs(sojourn2 - 10) < 1e-9)
        #expect(abs(endToEnd - expectedEnd) < 1e-9)
        #expect(result.endTime == Self.s(31))
        #expect(result.conservation.holds)
    }

    @Test func priorityClassesAreServedFirstFIFOWithin() throws {
        // One server, service 1 s. Class 1 arrives at 0, 0.1, 0.2; class 0 at 0.3.
        // Priority: A0 0–1, B0 1–2, A1 2–3, A2 3–4: waits 0, 0.7, 1.9, 2.8.
        // FIFO:     A0 0–1, A1 1–2, A2 2–3, B0 3–4: waits 0, 0.9, 1.8, 2.7.
        // (Equal service times: the mean wait is 1.35 s either way; the order shows in the waits.)
        func waits(_ discipline: Station.Discipline) throws -> Welford {
            var net = QueueingNetwork()
            let sink = net.add(Sink(name: "sink"))
            let station = net.add(try Station(name: "cpu", servers: 1, service: try .deterministic(1), discipline: discipline,
                                              output: sink, stream: Self.seeds.stream("cpu")))
            net.add(try Self.traceSource("low", [0, 0.1, 0.2], priority: 1, to: station))
            net.add(try Self.traceSource("high", [0.3], priority: 0, to: station))
            let calendar = net.start()
            var sim = Simulation(model: net, calendar: calendar)
            _ = sim.runNetwork()
            return sim.model.stations[0].statistics.waits
        }
        let priority = try waits(.priority(classes: 2))
        let fifo = try waits(.fifo)
        let priorityMax: Double = try #require(priority.max)
        let fifoMax: Double = try #require(fifo.max)
        let priorityMean: Double = try #require(priority.mean)
        #expect(abs(priorityMax - 2.8) < 1e-9)
        #expect(abs(fifoMax - 2.7) < 1e-9)
        #expect(abs(priorityMean - 1.35) < 1e-9)
        // Sum of squares tells the two orders apart: 0 + 0.49 + 3.61 + 7.84 against 0 + 0.81 + 3.24 + 7.29.
        let priorityVariance: Double = try #require(priority.populationVariance)
        let fifoVariance: Double = try #require(fifo.populationVariance)
        #expect(abs(priorityVariance - (11.94 / 4 - 1.35 * 1.35)) < 1e-9)
        #expect(abs(fifoVariance - (11.34 / 4 - 1.35 * 1.35)) < 1e-9)
    }

    @Test func batcherSendsWhenFull() throws {
        // A record every 1 ms, batch.size 10, linger 1 s: every batch fills up.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let batcher = net.add(try Batcher(name: "producer", size: 10, linger: Self.s(1), output: sink))
        net.add(try Self.traceSource("in", (0..<100).map { Double($0) * 0.001 }, to: batcher))
        let result = net.simulate()
        #expect(result.sinks[0].records == 100)
        #expect(result.conservation.holds)
        // Ten batches of ten records: the oldest record of each waited 9 ms.
        let maxLatency = try #require(result.sinks[0].latencies.maxNanos)
        #expect(abs(Double(maxLatency) - 9e6) <= 9e3)
    }

    @Test func batcherSendsWhenLingerEnds() throws {
        // A record every 100 ms, batch.size 100, linger 250 ms: batches of 3, sent 250 ms after their first.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let batcher = net.add(try Batcher(name: "producer", size: 100, linger: Self.s(0.25), output: sink))
        net.add(try Self.traceSource("in", (0..<9).map { Double($0) * 0.1 }, to: batcher))
        let calendar = net.start()
        var sim = Simulation(model: net, calendar: calendar)
        _ = sim.runNetwork()
        let b = sim.model.batchers[0]
        #expect(b.sentByLinger == 3)
        #expect(b.sentFull == 0)
        #expect(b.batchSizes.mean == 3)
        // Records wait 250, 150 and 50 ms.
        #expect(abs(try #require(b.recordWaits.mean) - 0.15) < 1e-9)
        #expect(sim.model.sinks[0].records == 9)
        #expect(sim.model.sinks[0].jobs == 3)
        #expect(sim.model.conservation().holds)
    }

    @Test func delayHoldsEachJobForItsDuration() throws {
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let delay = net.add(try Delay(name: "network", duration: try .deterministic(2), output: sink,
                                      stream: Self.seeds.stream("network")))
        net.add(try Self.traceSource("in", [0, 0.5, 0.5, 1], to: delay))
        let result = net.simulate()
        #expect(result.sinks[0].latencies.meanSeconds == 2)
        #expect(result.endTime == Self.s(3))
    }

    @Test func badParametersNameTheField() throws {
        let stream = RandomStream(seed: 1)
        let exp = try Distribution.exponential(mean: 1)
        #expect(throws: PlatformError(field: "station \"db\".servers", "must be at least 1, got 0")) {
            try Station(name: "db", servers: 0, service: exp, output: Port(.sink, 0), stream: stream)
        }
        #expect(throws: PlatformError.self) {
            try Station(name: "db", servers: 2, service: exp, capacity: 1, output: Port(.sink, 0), stream: stream)
        }
        #expect(throws: PlatformError.self) {
            try Source(name: "in", process: .poisson(rate: -1), output: Port(.sink, 0), stream: stream)
        }
        #expect(throws: PlatformError.self) {
            try Source(name: "in", process: .renewal(try .normal(mean: 1, sd: 1)), output: Port(.sink, 0), stream: stream)
        }
        #expect(throws: PlatformError.self) { try Batcher(name: "b", size: 0, linger: 0, output: Port(.sink, 0)) }
        var net = QueueingNetwork()
        net.add(try Source(name: "in", process: .poisson(rate: 1), output: Port(.station, 3), stream: stream))
        #expect(throws: PlatformError.self) { try net.validateConnections() }
    }
}

/// The warm-up reset reaches every statistic of a network and nothing else.
@Suite struct NetworkWarmUpTests {
    @Test func statisticsStartAtTheWarmUpAndStateCarriesOver() throws {
        // Service 4 s, one server; arrivals at 0, 1, 2, 3, 10. Warm-up at 5 s:
        // job 0 left at 4 s (forgotten); job 1 is in service 4–8 s and jobs 2, 3 wait
        // (state kept); departures after 5 s: jobs 1, 2, 3, 4 at 8, 12, 16, 20 s.
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        let station = net.add(try Station(name: "cpu", servers: 1, service: try .deterministic(4), output: sink,
                                          stream: SeedTree(root: 1).stream("cpu")))
        net.add(try Source(name: "in", process: .trace([0, 1, 2, 3, 10].map { SimClock.nanoseconds(seconds: $0) }),
                           output: station, stream: SeedTree(root: 1).stream("in")))
        let result = net.simulate(warmUp: SimClock.nanoseconds(seconds: 5))
        let s = result.stations[0].summary
        #expect(s.departed == 4)
        #expect(s.admitted == 1)            // only job 4 arrived after the warm-up
        #expect(result.sinks[0].records == 4)
        #expect(result.conservation.generated == 5)   // the balance counts from the start
        // Window [5 s, 20 s]: the server is busy throughout.
        #expect(abs(s.windowSeconds - 15) < 1e-9)
        #expect(s.utilization == 1)
        // Number in station: 3 on [5, 8), 2 on [8, 10), 3 on [10, 12), 2 on [12, 16), 1 on [16, 20).
        let l: Double = try #require(s.meanInSystem)
        #expect(abs(l - (3.0 * 3 + 2 * 2 + 3 * 2 + 2 * 4 + 1 * 4) / 15) < 1e-12)
        // Sojourns of jobs 1...4: 7, 10, 13, 10 s (job 4: arrives 10, starts 16, leaves 20).
        let w: Double = try #require(s.meanSojourn)
        #expect(abs(w - 10) < 1e-9)
    }
}
