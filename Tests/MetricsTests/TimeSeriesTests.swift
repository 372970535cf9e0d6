import Testing
import Variates
@testable import Metrics

/// Fixed-width bins: every observation lands in exactly one bin.
@Suite struct TimeSeriesTests {
    @Test func binsSumCorrectly() throws {
        // 10 s horizon in 1 s bins; 5,000 seeded events with values (seed 5).
        let second: Int64 = 1_000_000_000
        var series = try TimeSeries(binWidthNanos: second, horizonNanos: 10 * second)
        let stream = RandomStream(seed: 5)
        var expectedSum = [Double](repeating: 0, count: 10)
        var expectedCount = [Int64](repeating: 0, count: 10)
        var expectedMax = [Double](repeating: -.infinity, count: 10)
        for _ in 0..<5_000 {
            let t = Int64(stream.uniformInt(below: UInt64(10 * second)))
            let v = stream.exponential(mean: 4)
            series.record(v, at: t)
            let b = Int(t / second)
            expectedSum[b] += v
            expectedCount[b] += 1
            expectedMax[b] = max(expectedMax[b], v)
        }
        #expect(series.binCount == 10)
        #expect(series.totalCount == 5_000)
        for i in 0..<10 {
            let bin = series.bin(i)
            #expect(bin.startNanos == Int64(i) * second && bin.endNanos == Int64(i + 1) * second)
            #expect(bin.count == expectedCount[i])
            #expect(bin.sum == expectedSum[i])
            #expect(bin.max == expectedMax[i])
        }
    }

    @Test func boundariesRatesAndOutsideHorizon() throws {
        // Bins of 10 ns from t = 100 over 25 ns: [100,110), [110,120), [120,130).
        var series = try TimeSeries(binWidthNanos: 10, horizonNanos: 25, startNanos: 100)
        #expect(series.binCount == 3)
        series.record(1, at: 100)
        series.record(1, at: 109)
        series.record(1, at: 110)
        series.record(1, at: 129)
        series.record(1, at: 99)
        series.record(1, at: 130)
        #expect(series.bins.map(\.count) == [2, 1, 1])
        #expect(series.outsideHorizonCount == 2)
        // 2 events in a 10 ns bin = 2e8 events per second.
        #expect(series.ratePerSecond(ofBin: 0) == 2e8)
        #expect(series.bin(1).mean == 1)
    }

    @Test func emptyBinsAndMerge() throws {
        var a = try TimeSeries(binWidthNanos: 5, horizonNanos: 20)
        var b = try TimeSeries(binWidthNanos: 5, horizonNanos: 20)
        #expect(a.bin(2).max == nil && a.bin(2).mean == nil && a.bin(2).sum == 0)
        a.record(3, at: 1)
        b.record(-7, at: 2)
        b.record(4, at: 19)
        a.merge(b)
        #expect(a.bin(0) == TimeSeries.Bin(startNanos: 0, endNanos: 5, count: 2, sum: -4, max: 3))
        #expect(a.bin(3).max == 4)
        #expect(a.totalSum == 0)
    }

    @Test func badConfigurationThrowsNamingTheField() {
        #expect(throws: MetricsError(field: "binWidthNanos", "must be greater than 0 ns, got 0")) {
            try TimeSeries(binWidthNanos: 0, horizonNanos: 10)
        }
        #expect(throws: MetricsError(field: "horizonNanos", "must be greater than 0 ns, got -5")) {
            try TimeSeries(binWidthNanos: 1, horizonNanos: -5)
        }
        #expect(throws: MetricsError.self) { try TimeSeries(binWidthNanos: 1, horizonNanos: 1_000_000_000) }
    }
}
