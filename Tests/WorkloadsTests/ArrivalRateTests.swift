import CGSL
import Testing
import Variates
@testable import Workloads

/// Counts per time bin follow the rate curve: a chi-square test over all
/// bins, and a Poisson z-test on each bin inside a 5× spike.
@Suite struct ArrivalRateTests {
    static let from = Timestamp.parse("2026-06-01 06:00")!

    static func curve() -> RateCurve {
        let diurnal = DiurnalCurve(points: [(0, 0.4), (6 * 3600, 0.5), (12 * 3600, 1.0), (18 * 3600, 1.6), (21 * 3600, 1.2)])
        let spike = Spike(name: "final", start: from + 3 * Timestamp.hour, duration: Timestamp.hour,
                          multiplier: 5, rampUp: 10 * Timestamp.minute, rampDown: 10 * Timestamp.minute)
        return RateCurve(base: 20, diurnal: diurnal, weekly: [1, 1, 1, 1, 1.2, 1.5, 1.4], spikes: [spike])
    }

    /// Counts of arrivals per bin over six hours, seed 2026.
    static func counts(bin: Int64, meanBatch: Double = 1) -> (observed: [Double], expected: [Double]) {
        let c = curve()
        let process = ArrivalProcess(curve: c, meanBatchSize: meanBatch)
        let to = from + 6 * Timestamp.hour
        let n = Int((to - from) / bin)
        var observed = [Double](repeating: 0, count: n)
        let stream = SeedTree(root: 2026).stream("arrivals")
        var last = Int64.min
        process.forEachArrival(from: from, to: to, stream: stream) { t in
            precondition(t >= last && t >= from && t < to)
            last = t
            observed[Int((t - from) / bin)] += 1
        }
        let expected = (0..<n).map { c.expectedCount(from: from + Int64($0) * bin, to: from + Int64($0 + 1) * bin) }
        return (observed, expected)
    }

    @Test func countsPerBinMatchTheRateCurve() {
        let (observed, expected) = ArrivalRateTests.counts(bin: 5 * Timestamp.minute)
        var chi2 = 0.0
        for (o, e) in zip(observed, expected) { chi2 += (o - e) * (o - e) / e }
        let p = gsl_cdf_chisq_Q(chi2, Double(observed.count))
        #expect(p > 0.001, "chi-square \(chi2) on \(observed.count) bins, p = \(p) (seed 2026)")
    }

    @Test func binsInsideTheFiveFoldSpikeHaveFiveTimesTheRate() {
        let bin = 5 * Timestamp.minute
        let (observed, expected) = ArrivalRateTests.counts(bin: bin)
        let c = ArrivalRateTests.curve()
        // The plateau: 3h10m to 3h50m after `from`.
        for i in 38..<46 {
            let t = ArrivalRateTests.from + Int64(i) * bin + bin / 2
            let spike = c.spikes[0].factor(at: t)
            #expect(spike == 5)
            let z = (observed[i] - expected[i]) / expected[i].squareRoot()
            #expect(abs(z) < 4.5, "bin \(i): observed \(observed[i]), expected \(expected[i]) (seed 2026)")
            // Without the spike the same bin would expect a fifth as many.
            let withoutSpike = expected[i] / 5
            #expect(observed[i] > 4 * withoutSpike)
        }
    }

    @Test func batchArrivalsKeepTheEventRate() {
        let (observed, expected) = ArrivalRateTests.counts(bin: Timestamp.hour, meanBatch: 4)
        let total = observed.reduce(0, +), mean = expected.reduce(0, +)
        // Batches of 1 + Poisson(3): variance of the total is λ·E[B²]/E[B] = λ·(3 + 16)/4 per event.
        let sd = (mean * 19 / 4).squareRoot()
        #expect(abs(total - mean) < 4.5 * sd, "events \(total), expected \(mean) (seed 2026)")
    }

    @Test func weeklyPatternShowsOverAWeekend() {
        // Friday 00:00 to Monday 00:00 in 1-hour bins: weekly factors 1.2, 1.5, 1.4 (seed 77).
        let c = RateCurve(base: 3, weekly: [1, 1, 1, 1, 1.2, 1.5, 1.4])
        let from = Timestamp.parse("2026-06-05")!, to = Timestamp.parse("2026-06-08")!
        var observed = [Double](repeating: 0, count: 72)
        ArrivalProcess(curve: c).forEachArrival(from: from, to: to, stream: SeedTree(root: 77).stream("weekly")) { t in
            observed[Int((t - from) / Timestamp.hour)] += 1
        }
        var chi2 = 0.0
        for (i, o) in observed.enumerated() {
            let e = c.expectedCount(from: from + Int64(i) * Timestamp.hour, to: from + Int64(i + 1) * Timestamp.hour)
            #expect(abs(e - 3 * 3600 * [1.2, 1.5, 1.4][i / 24]) < 1e-6)
            chi2 += (o - e) * (o - e) / e
        }
        #expect(gsl_cdf_chisq_Q(chi2, 72) > 0.001, "chi-square \(chi2) on 72 bins (seed 77)")
        let saturday = observed[24..<48].reduce(0, +), friday = observed[0..<24].reduce(0, +)
        #expect(abs(saturday / friday - 1.25) < 0.03)
    }

    @Test func boundIsAnUpperBoundOfTheRate() {
        let c = ArrivalRateTests.curve()
        let stream = SeedTree(root: 5).stream("probe")
        for _ in 0..<2000 {
            let a = ArrivalRateTests.from + Int64(stream.uniformInt(below: UInt64(5 * Timestamp.hour)))
            let b = min(a + Int64(stream.uniformInt(below: UInt64(Timestamp.hour))) + 1, (Timestamp.dayIndex(a) + 1) * Timestamp.day)
            let bound = c.bound(from: a, to: b)
            for _ in 0..<20 {
                let t = a + Int64(stream.uniformInt(below: UInt64(b - a)))
                #expect(c.rate(at: t) <= bound)
            }
        }
    }
}
