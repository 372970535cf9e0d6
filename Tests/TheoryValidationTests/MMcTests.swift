import Planning
import Platform
import Testing
import Variates

/// M/M/c at ρ = 0.8 for c = 2, 4, 8 (mean service 1 s, λ = 0.8 c): the
/// probability of waiting is Erlang C and Wq = C / (c μ − λ).
@Suite struct MMcTests {
    static func results(servers c: Int) throws -> [NetworkResult] {
        try Replications.run("mm\(c)", warmUpSeconds: 200) { seeds in
            try QueueingNetwork.singleStation(
                interarrival: try .exponential(rate: 0.8 * Double(c)), service: try .exponential(mean: 1),
                servers: c, customers: 40_000, seeds: seeds, maxLevel: 16)
        }
    }

    @Test(arguments: [2, 4, 8])
    func erlangCWaitProbabilityAndMeanWait(servers c: Int) throws {
        let results = try Self.results(servers: c)
        let theory = try #require(QueueingFormulas.mmc(arrivalRate: 0.8 * Double(c), serviceRate: 1, servers: c).metrics)
        try Replications.expectCovers(try Replications.values(results) { $0.probabilityOfWait },
                                      theory.probabilityOfWait, "M/M/\(c) P(wait) (Erlang C)")
        try Replications.expectCovers(try Replications.values(results) { $0.meanWait },
                                      theory.meanWait, "M/M/\(c) mean wait")
        try Replications.expectCovers(try Replications.values(results) { $0.utilization }, 0.8, "M/M/\(c) utilization")
    }
}
