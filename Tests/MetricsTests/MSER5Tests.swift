import Foundation
import Testing
import Variates
@testable import Metrics

/// MSER-5 on synthetic series whose transient is known.
@Suite struct MSER5Tests {
    /// A standard normal draw by inversion of GSL's normal CDF on a uniform in (0, 1).
    static func normal(_ stream: RandomStream) -> Double {
        Quantile.standardNormal((Double(stream.nextUInt64() >> 11) + 0.5) * 0x1p-53)
    }

    @Test func findsTheEndOfAStepTransient() throws {
        // Mean 10 for the first 500 observations, then 0; noise N(0, 1); n = 5,000.
        // Seeds 0..<20. The step is 10 sd high: MSER-5 must never keep a biased
        // observation (cut ≥ 500); on stationary data it may delete a few
        // extra batches when their noise happens to be large, so allow up to
        // 5 extra batches (cut ≤ 525, 0.5% of the run). (Observed: 500 ... 515.)
        for seed: UInt64 in 0..<20 {
            let stream = RandomStream(seed: seed)
            let series = (0..<5_000).map { t in (t < 500 ? 10.0 : 0.0) + Self.normal(stream) }
            let cut = try #require(MSER5.truncation(of: series))
            #expect(cut.firstKept >= 500 && cut.firstKept <= 525, "seed \(seed): cut at \(cut.firstKept)")
            #expect(!cut.reachedSearchLimit)
            #expect(cut.batchCount == 1_000 && cut.firstKept == 5 * cut.batchesDeleted)
        }
    }

    @Test func findsTheEndOfAnExponentiallyDecayingTransient() throws {
        // Offset 20·exp(−t/100) plus N(0, 1) noise, n = 10,000, seeds 100..<120.
        // The offset falls to half the noise sd of a batch mean (0.22) at
        // t = 100·ln(20/0.22) ≈ 450 and to 0.05 at t ≈ 600. Tolerance: the cut
        // lies in 250 ... 1,000 (bias left below 20·e^(−2.5) ≈ 1.6 at the cut,
        // at most 10% of the run deleted), and the mean after the cut is
        // within 0.05 of 0 while the untruncated mean is biased by ≈ 0.2.
        // (Observed for these seeds: cuts at 330 ... 425.)
        for seed: UInt64 in 100..<120 {
            let stream = RandomStream(seed: seed)
            let series = (0..<10_000).map { t in 20 * exp(-Double(t) / 100) + Self.normal(stream) }
            let cut = try #require(MSER5.truncation(of: series))
            #expect(cut.firstKept >= 250 && cut.firstKept <= 1_000, "seed \(seed): cut at \(cut.firstKept)")
            let kept = try #require(Welford(series[cut.firstKept...]).mean)
            let all = try #require(Welford(series).mean)
            #expect(abs(kept) < 0.05, "seed \(seed): mean after cut \(kept)")
            #expect(all > 0.15)
        }
    }

    @Test func aTrendThatNeverSettlesHitsTheSearchLimit() throws {
        // A steady upward drift: deleting more always helps, so the minimum is
        // at the end of the first half and the rule says "run longer" (seed 7).
        let stream = RandomStream(seed: 7)
        let series = (0..<2_000).map { t in Double(t) / 50 + Self.normal(stream) }
        let cut = try #require(MSER5.truncation(of: series))
        #expect(cut.reachedSearchLimit)
        #expect(cut.batchesDeleted == (cut.batchCount - 1) / 2)
    }

    @Test func shortSeriesAndPartialBatches() throws {
        #expect(MSER5.truncation(of: [Double]()) == nil)
        #expect(MSER5.truncation(of: [Double](repeating: 1, count: 9)) == nil)
        // 12 observations = 2 batches + 2 left over; only d = 0 is searched.
        let cut = try #require(MSER5.truncation(of: (0..<12).map(Double.init)))
        #expect(cut.batchCount == 2 && cut.firstKept == 0 && !cut.reachedSearchLimit)
        // Plain MSER (batches of 1) on a clean step: cut exactly at the step.
        let step = [Double](repeating: 5, count: 10) + [Double](repeating: 0, count: 30)
        #expect(MSER5.truncation(of: step, batchSize: 1)?.firstKept == 10)
    }
}
