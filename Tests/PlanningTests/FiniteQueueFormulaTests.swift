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
