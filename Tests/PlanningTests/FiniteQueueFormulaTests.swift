import Foundation
import Testing
@testable import Planning

/// M/M/c/K against its special cases: Erlang B (K = c), the closed form of
/// M/M/1/K, and M/M/c as K grows.
@Suite struct FiniteQueueFormulaTests {
    @Test func lossSystemIsErlangB() {
        for (c, a) in [(1, 0.5), (4, 3.0), (10, 12.0)] {
            let m = QueueingFormulas.mmck(arrivalRate: a, serviceRate: 1, servers: c, capacity: c)
            #expect(abs(m.blockingProbability - QueueingFormulas.erlangB(servers: c, offeredLoad: a)) < 1e-12)
            #expect(m.meanWait == 0)
        }
    }

    @Test func mm1kClosedForm() {
        // P(K) = (1 − ρ) ρ^K / (1 − ρ^(K+1)); at ρ = 1, 1 / (K + 1); also above saturation.
        for rho in [0.5, 0.9, 1.0, 1.5] {
            let k = 7
            let m = QueueingFormulas.mmck(arrivalRate: rho, serviceRate: 1, servers: 1, capacity: k)
            let expected = rho == 1 ? 1 / Double(k + 1) : (1 - rho) * pow(rho, Double(k)) / (1 - pow(rho, Double(k + 1)))
            #expect(abs(m.blockingProbability - expected) < 1e-12)
            #expect(abs(m.stateProbabilities.reduce(0, +) - 1) < 1e-12)
            // Little's law on the admitted stream.
            #expect(abs(m.meanInSystem - m.throughput * m.meanSojourn) < 1e-12)
        }
    }

    @Test func largeRoomTendsToMMc() throws {
        let finite = QueueingFormulas.mmck(arrivalRate: 3.2, serviceRate: 1, servers: 4, capacity: 2000)
        let infinite = try #require(QueueingFormulas.mmc(arrivalRate: 3.2, serviceRate: 1, servers: 4).metrics)
        #expect(abs(finite.meanWait - infinite.meanWait) < 1e-9)
        #expect(abs(finite.probabilityOfWait - infinite.probabilityOfWait) < 1e-9)
        // Far above saturation with a long buffer the terms are rescaled, not overflowed.
        let overloaded = QueueingFormulas.mmck(arrivalRate: 50, serviceRate: 1, servers: 2, capacity: 100_000)
        #expect(overloaded.blockingProbability.isFinite)
        #expect(abs(overloaded.utilization - 1) < 1e-9)
    }
}

/// The end-to-end sojourn of an M/M/1 line against its special cases.
@Suite struct TandemFormulaTests {
    @Test func oneStationIsMM1AndTwoStationsMatchTheClosedForm() throws {
        let one = try #require(QueueingFormulas.tandemMM1SojournQuantile(0.99, arrivalRate: 0.6, serviceRates: [1]))
        #expect(abs(one - (try #require(QueueingFormulas.mm1SojournQuantile(0.99, arrivalRate: 0.6, serviceRate: 1)))) < 1e-12)
        // θ = 0.4 and 0.2: P(T > t) = (0.2 e^{−0.4t} − 0.4 e^{−0.2t}) / (0.2 − 0.4) = 2 e^{−0.2t} − e^{−0.4t}.
        for t in [0.5, 3.0, 10.0, 40.0] {
            let tail = try #require(QueueingFormulas.tandemMM1SojournTail(t, arrivalRate: 0.6, serviceRates: [1, 0.8]))
            #expect(abs(tail - (2 * exp(-0.2 * t) - exp(-0.4 * t))) < 1e-12)
        }
        let p99 = try #require(QueueingFormulas.tandemMM1SojournQuantile(0.99, arrivalRate: 0.6, serviceRates: [1, 0.8]))
        #expect(abs(2 * exp(-0.2 * p99) - exp(-0.4 * p99) - 0.01) < 1e-9)
        // Equal rates (an Erlang total) are refused rather than computed badly; so is an unstable station.
        #expect(QueueingFormulas.tandemMM1SojournQuantile(0.5, arrivalRate: 0.5, serviceRates: [1, 1]) == nil)
        #expect(QueueingFormulas.tandemMM1SojournQuantile(0.5, arrivalRate: 1.5, serviceRates: [1, 2]) == nil)
    }
}
