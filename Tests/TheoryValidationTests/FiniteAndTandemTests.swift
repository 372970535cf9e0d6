import Foundation
import Planning
import Platform
import Testing
import Variates

/// M/M/1/K blocking, and two M/M/1 stations in tandem (Jackson).
@Suite struct FiniteAndTandemTests {
    @Test func mm1kBlockingProbability() throws {
        // ρ = 0.9, K = 5 (in the station, in service included):
        // P(block) = P(N = K) = (1 − ρ) ρ^K / (1 − ρ^(K+1)), seen by Poisson arrivals (PASTA).
        let rho = 0.9, k = 5
        let analytic = (1 - rho) * pow(rho, Double(k)) / (1 - pow(rho, Double(k + 1)))
        let results = try Replications.run("mm1k", warmUpSeconds: 100) { seeds in
            try QueueingNetwork.singleStation(
                interarrival: try .exponential(rate: rho), service: try .exponential(mean: 1),
                servers: 1, capacity: k, whenFull: .drop, customers: 30_000, seeds: seeds, maxLevel: k)
        }
        try Replications.expectCovers(try Replications.values(results) { $0.blockingProbability }, analytic,
                                      "M/M/1/5 blocking probability")
        // The station never holds more than K.
        for r in results { #expect(r.stations[0].summary.stateProbabilities[k + 1] == 0) }
    }

    @Test func jacksonTandem() throws {
        // λ = 0.6; station 1 mean service 1 s (ρ = 0.6), station 2 mean 1.25 s (ρ = 0.75):
        // W₁ = 1/(1 − 0.6) = 2.5 s, W₂ = 1/(0.8 − 0.6) = 5 s, total 7.5 s.
        let lambda = 0.6
        let results = try Replications.run("tandem", warmUpSeconds: 500) { seeds in
            try QueueingNetwork.series(
                interarrival: try .exponential(rate: lambda),
                services: [try .exponential(mean: 1), try .exponential(mean: 1.25)], servers: [1, 1],
                customers: 30_000, seeds: seeds)
        }
        let w1 = try #require(QueueingFormulas.mm1(arrivalRate: lambda, serviceRate: 1).metrics).meanSojourn
        let w2 = try #require(QueueingFormulas.mm1(arrivalRate: lambda, serviceRate: 0.8).metrics).meanSojourn
        try Replications.expectCovers(try Replications.values(results, station: 0) { $0.meanSojourn }, w1, "tandem W₁")
        try Replications.expectCovers(try Replications.values(results, station: 1) { $0.meanSojourn }, w2, "tandem W₂")
        let totals = try results.map { try #require($0.sinks[0].latencies.meanSeconds) }
        try Replications.expectCovers(totals, w1 + w2, "tandem total sojourn (end to end)")
    }
}
