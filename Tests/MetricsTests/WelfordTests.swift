import Testing
import Variates
@testable import Metrics

/// Welford against the two-pass textbook formulas, and Chan's merge.
@Suite struct WelfordTests {
    /// A seeded sample with a large offset, where the one-pass `Σx² − n·x̄²`
    /// would lose digits but Welford and two-pass agree.
    static func sample(seed: UInt64, count: Int) -> [Double] {
        let stream = RandomStream(seed: seed)
        return (0..<count).map { _ in 1_000_000 + stream.exponential(mean: 3) }
    }

    @Test func matchesTwoPassFormulasOnSeededSample() throws {
        let xs = Self.sample(seed: 2_024, count: 10_000)
        let stats = Welford(xs)
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
        #expect(stats.count == xs.count)
        #expect(abs(try #require(stats.mean) - mean) <= 1e-9 * mean)
        #expect(abs(try #require(stats.variance) - variance) <= 1e-9 * variance)
        #expect(abs(try #require(stats.standardDeviation) - variance.squareRoot()) <= 1e-9 * variance.squareRoot())
        #expect(stats.min == xs.min())
        #expect(stats.max == xs.max())
        let populationVariance = variance * Double(xs.count - 1) / Double(xs.count)
        #expect(abs(try #require(stats.populationVariance) - populationVariance) <= 1e-9 * populationVariance)
    }

    @Test func mergeEqualsSinglePass() throws {
        let xs = Self.sample(seed: 77, count: 5_001)
        let whole = Welford(xs)
        // Uneven split points, including an empty part.
        for split in [0, 1, 17, 2_500, 4_999, 5_001] {
            let merged = Welford(xs[..<split]).merged(with: Welford(xs[split...]))
            #expect(merged.count == whole.count)
            #expect(abs(try #require(merged.mean) - whole.mean!) <= 1e-9 * whole.mean!)
            #expect(abs(try #require(merged.variance) - whole.variance!) <= 1e-9 * whole.variance!)
            #expect(merged.min == whole.min)
            #expect(merged.max == whole.max)
        }
    }

    @Test func mergeOfManyShardsEqualsSinglePass() throws {
        let xs = Self.sample(seed: 9, count: 3_000)
        var merged = Welford()
        for start in stride(from: 0, to: xs.count, by: 250) {
            merged.merge(Welford(xs[start..<(start + 250)]))
        }
        let whole = Welford(xs)
        #expect(abs(try #require(merged.variance) - whole.variance!) <= 1e-9 * whole.variance!)
        #expect(abs(try #require(merged.mean) - whole.mean!) <= 1e-12 * whole.mean!)
    }

    @Test func emptyAndSingleValueReportNil() {
        var stats = Welford()
        #expect(stats.isEmpty)
        #expect(stats.mean == nil && stats.variance == nil && stats.min == nil && stats.max == nil)
        #expect(stats.standardError == nil && stats.populationVariance == nil)
        #expect(stats.sum == 0)
        stats.add(4)
        #expect(stats.mean == 4 && stats.min == 4 && stats.max == 4)
        #expect(stats.variance == nil)
        #expect(stats.populationVariance == 0)
        stats.reset()
        #expect(stats == Welford())
    }

    @Test func constantSeriesHasZeroVariance() {
        let stats = Welford(Array(repeating: 0.1, count: 1_000))
        #expect(stats.variance! >= 0)
        #expect(stats.variance! < 1e-28)
    }
}
