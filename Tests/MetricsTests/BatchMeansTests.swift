import Testing
import Variates
@testable import Metrics

/// Batch means: doubling bookkeeping, coverage on iid data, honesty on correlated data.
@Suite struct BatchMeansTests {
    /// A standard normal draw by inversion of GSL's normal CDF on a uniform in (0, 1).
    static func normal(_ stream: RandomStream) -> Double {
        Quantile.standardNormal((Double(stream.nextUInt64() >> 11) + 0.5) * 0x1p-53)
    }

    @Test func batchesDoubleWhenFull() throws {
        // k = 2, four slots. 1,2,3,4 → [1+2, 3+4] of size 2; 5..8 → [3+7, 11+15] of size 4.
        var b = try BatchMeans(batchCount: 2)
        for x in 1...4 { b.add(Double(x)) }
        #expect(b.batchSize == 2 && b.batchCount == 2)
        #expect(b.batchMeans == [1.5, 3.5])
        for x in 5...9 { b.add(Double(x)) }
        #expect(b.batchSize == 4 && b.batchCount == 2)
        #expect(b.batchMeans == [2.5, 6.5])
        #expect(b.count == 9)
        #expect(b.mean == 4.5)
        // Memory stays 2k slots however long the run.
        for x in 0..<100_000 { b.add(Double(x % 10)) }
        #expect(b.sums.count == 4)
        #expect(b.batchCount >= 2 && b.batchCount < 4)
    }

    @Test func iidSeriesIsCoveredAbout95PercentOfTheTime() throws {
        // 1,000 runs of 1,000 iid Exponential(mean 2) draws (seed 808), k = 20:
        // 31 batches of 32 draws each. Batch means of 32 draws are close to
        // normal: coverage ≈ 95% (95.1% measured over 4,000 runs), binomial sd
        // √(0.95 · 0.05 / 1000) ≈ 0.69%, band ≈ ±2.9 sd = 93% ... 97%.
        let tree = SeedTree(root: 808)
        var covered = 0
        for run in 0..<1_000 {
            let stream = tree.stream("run-\(run)")
            var b = try BatchMeans(batchCount: 20)
            for _ in 0..<1_000 { b.add(stream.exponential(mean: 2)) }
            #expect(b.batchCount == 31 && b.batchSize == 32)
            let ci = try #require(try b.confidenceInterval())
            if ci.contains(2) { covered += 1 }
        }
        let rate = Double(covered) / 1_000
        #expect(rate >= 0.93 && rate <= 0.97, "coverage \(rate)")
    }

    @Test func correlatedSeriesGetsAWiderHonestInterval() throws {
        // AR(1) with φ = 0.9 around mean 0 (seed 99): the naive s/√n interval is
        // too narrow by √((1+φ)/(1−φ)) ≈ 4.4; batch means widen it accordingly.
        let stream = RandomStream(seed: 99)
        var b = try BatchMeans(batchCount: 20)
        var naive = Welford()
        var x = 0.0
        for _ in 0..<200_000 {
            x = 0.9 * x + Self.normal(stream)
            b.add(x)
            naive.add(x)
        }
        let batched = try #require(try b.confidenceInterval())
        let plain = try #require(try ConfidenceInterval(naive))
        #expect(batched.contains(0))
        let ratio = batched.halfWidth / plain.halfWidth
        #expect(ratio > 3 && ratio < 6.5, "ratio \(ratio)")
        #expect(abs(try #require(b.lag1Correlation)) < 0.5)
    }

    @Test func edgeCasesReportNil() throws {
        var b = try BatchMeans(batchCount: 5)
        #expect(b.mean == nil && b.lag1Correlation == nil)
        #expect(try b.confidenceInterval() == nil)
        b.add(1)
        #expect(try b.confidenceInterval() == nil)
        b.add(1)
        // Two equal batches: a zero-width interval, no correlation defined.
        #expect(try b.confidenceInterval()?.halfWidth == 0)
        #expect(throws: MetricsError.self) { try BatchMeans(batchCount: 1) }
        #expect(throws: MetricsError.self) { try b.confidenceInterval(level: 1.5) }
    }
}
