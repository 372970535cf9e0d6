import Foundation
import Planning
import Platform
import Testing
import Variates

/// M/M/1 at ρ = 0.8 (λ = 0.8/s, μ = 1/s): Wq = ρ/(μ − λ) = 4 s, L = ρ/(1 − ρ) = 4,
/// P(N = n) = (1 − ρ) ρⁿ.
@Suite struct MM1Tests {
    static let lambda = 0.8
    static let results: [NetworkResult] = {
        try! Replications.run("mm1", warmUpSeconds: 500) { seeds in
            try QueueingNetwork.singleStation(
                interarrival: try .exponential(rate: lambda), service: try .exponential(mean: 1),
                servers: 1, customers: 40_000, seeds: seeds, maxLevel: 8)
        }
    }()

    @Test func meanWaitAndNumberInSystem() throws {
        let theory = try #require(QueueingFormulas.mm1(arrivalRate: Self.lambda, serviceRate: 1).metrics)
        try Replications.expectCovers(try Replications.values(Self.results) { $0.meanWait }, theory.meanWait, "M/M/1 mean wait")
        try Replications.expectCovers(try Replications.values(Self.results) { $0.meanInSystem }, theory.meanInSystem, "M/M/1 L")
        try Replications.expectCovers(try Replications.values(Self.results) { $0.utilization }, 0.8, "M/M/1 utilization")
    }

    @Test(arguments: 0...5)
    func stateProbability(n: Int) throws {
        let rho = Self.lambda
        let analytic = (1 - rho) * pow(rho, Double(n))
        try Replications.expectCovers(try Replications.values(Self.results) { $0.stateProbabilities[n] }, analytic,
                                      "M/M/1 P(N = \(n))")
    }
}
