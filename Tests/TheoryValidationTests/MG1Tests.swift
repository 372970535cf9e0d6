import Foundation
import Planning
import Platform
import Testing
import Variates

/// Pollaczek–Khinchine: Wq = ρ (1 + Cs²) E[S] / (2 (1 − ρ)) for Poisson
/// arrivals and any service distribution.
@Suite struct MG1Tests {
    static func meanWaits(_ model: String, lambda: Double, service: Distribution) throws -> [Double] {
        let results = try Replications.run(model, warmUpSeconds: 500) { seeds in
            try QueueingNetwork.singleStation(interarrival: try .exponential(rate: lambda), service: service,
                                             servers: 1, customers: 40_000, seeds: seeds)
        }
        return try Replications.values(results) { $0.meanWait }
    }

    @Test func md1() throws {
        // ρ = 0.8, D = 1 s: Wq = 0.8 / (2 · 0.2) = 2 s, half of M/M/1's.
        let theory = try #require(QueueingFormulas.md1(arrivalRate: 0.8, serviceTime: 1).metrics)
        #expect(abs(theory.meanWait - 2) < 1e-12)
        try Replications.expectCovers(try Self.meanWaits("md1", lambda: 0.8, service: try .deterministic(1)),
                                      theory.meanWait, "M/D/1 mean wait")
    }

    @Test func mg1Lognormal() throws {
        // Lognormal service with mean 1 s and Cs² = 2 (σ² = ln 3), ρ = 0.7:
        // Wq = 0.7 · 3 / (2 · 0.3) = 3.5 s.
        let sigma2 = log(3.0)
        let service = try Distribution.lognormal(mu: -sigma2 / 2, sigma: sigma2.squareRoot())
        #expect(abs(service.mean - 1) < 1e-12)
        #expect(abs(service.squaredCoefficientOfVariation - 2) < 1e-12)
        let theory = try #require(QueueingFormulas.mg1(arrivalRate: 0.7, meanService: service.mean,
                                                       serviceSCV: service.squaredCoefficientOfVariation).metrics)
        try Replications.expectCovers(try Self.meanWaits("mg1-lognormal", lambda: 0.7, service: service),
                                      theory.meanWait, "M/G/1 (lognormal) mean wait")
    }
}
