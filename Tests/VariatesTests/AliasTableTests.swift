import CGSL
import Testing
@testable import Variates

/// The inlined alias-table draw must make GSL's decision on the same uniform.
@Suite struct AliasTableTests {
    @Test func inlinedSampleEqualsGSLDiscreteOnTheSameStream() throws {
        // Seed 11; Zipf weights over 1,000 outcomes plus an uneven short table.
        for weights in [(1...1000).map { 1 / Double($0) }, [0.5, 0.0, 2.0, 1.0, 0.25]] {
            let table = try AliasTable(weights: weights)
            let swift = RandomStream(seed: 11)
            let viaGSL = RandomStream(seed: 11)
            for _ in 0..<100_000 {
                #expect(table.sample(swift) == gsl_ran_discrete(viaGSL.gsl, table.table))
            }
        }
    }
}
