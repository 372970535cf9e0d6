import Foundation
import Metrics
import SimCore
import Testing
@testable import Platform
import Variates

/// Arrival processes against their theory.
@Suite struct SourceTests {
    @Test func nonHomogeneousPoissonFollowsItsRateProfile() throws {
        // Rate rising linearly from 0 to 10/s over 100 s: 500 arrivals expected,
        // 125 in the first half. Seeds 1...20; counts are Poisson, so each run is
        // within 4 sd and the mean of 20 runs within 3 standard errors.
        let profile = try RateProfile(points: [(0, 0), (100, 10)])
        #expect(abs(profile.expectedArrivals(until: 100) - 500) < 1e-9)
        #expect(abs(profile.expectedArrivals(until: 50) - 125) < 1e-9)
        var totals: [Double] = [], firstHalves: [Double] = []
        for seed in UInt64(1)...20 {
            var net = QueueingNetwork()
            let sink = net.add(Sink(name: "sink"))
            net.add(try Source(name: "in", process: .nonHomogeneous(profile), output: sink,
                               stream: SeedTree(root: seed).stream("in")))
            let calendar = net.start()
            var sim = Simulation(model: net, calendar: calendar)
            _ = sim.runNetwork(until: SimClock.nanoseconds(seconds: 50))
            firstHalves.append(Double(sim.model.sinks[0].records))
            _ = sim.runNetwork(until: SimClock.nanoseconds(seconds: 100))
            let total = Double(sim.model.sinks[0].records)
            #expect(abs(total - 500) < 4 * 500.0.squareRoot(), "seed \(seed): \(total) arrivals")
            totals.append(total)
        }
        let mean = totals.reduce(0, +) / 20
        #expect(abs(mean - 500) < 3 * (500.0 / 20).squareRoot())
        let firstMean = firstHalves.reduce(0, +) / 20
        #expect(abs(firstMean - 125) < 3 * (125.0 / 20).squareRoot())
    }

    @Test func rateProfileInterpolatesAndRepeats() throws {
        let diurnal = try RateProfile(points: [(0, 100), (6, 50), (12, 200), (24, 100)], period: 24)
        #expect(diurnal.rate(at: 3) == 75)
        #expect(diurnal.rate(at: 27) == 75)
        #expect(diurnal.rate(at: 18) == 150)
        #expect(diurnal.maxRate == 200)
        #expect(throws: PlatformError.self) { try RateProfile(points: [(0, 1), (0, 2)]) }
        #expect(throws: PlatformError.self) { try RateProfile(points: [(0, 0)]) }
    }

    @Test func renewalWithExponentialGapsIsPoissonDrawForDraw() throws {
        // The two spellings of Poisson arrivals give the same arrival times from the same stream.
        func times(_ process: ArrivalProcess) throws -> [SimTime] {
            var net = QueueingNetwork()
            let sink = net.add(Sink(name: "sink"))
            net.add(try Source(name: "in", process: process, limit: 1000, output: sink, stream: SeedTree(root: 3).stream("in")))
            let calendar = net.start()
            var sim = Simulation(model: net, calendar: calendar)
            var log = EventLog(limit: 1000)
            _ = sim.runNetwork(trace: &log)
            return log.events.map(\.time)
        }
        let poisson = try times(.poisson(rate: 4))
        #expect(poisson.count == 1000)
        #expect(try times(.renewal(try .exponential(mean: 0.25))) == poisson)
    }

    @Test func sourceBankKeepsOneEventPerMember() throws {
        var net = QueueingNetwork()
        let sink = net.add(Sink(name: "sink"))
        net.add(try SourceBank(name: "devices", rates: Array(repeating: 1, count: 1000), output: sink,
                               stream: SeedTree(root: 9).stream("devices")))
        let calendar = net.start()
        var sim = Simulation(model: net, calendar: calendar)
        _ = sim.runNetwork(until: SimClock.nanoseconds(seconds: 100))
        #expect(sim.calendar.count == 1000)
        // 100,000 arrivals expected (Poisson, sd 316): seed 9 lands within 4 sd.
        #expect(abs(Double(sim.model.sinks[0].records) - 100_000) < 4 * 316)
        #expect(sim.model.conservation().holds)
    }
}
