import Foundation
import Histogram
import Testing
import Variates
@testable import Metrics

/// The latency histogram: merge, percentiles, out-of-range values.
@Suite struct LatencyHistogramTests {
    /// Latencies spread over nine decades: 1 ns to ~10 s (seed given by caller).
    static func latencies(seed: UInt64, count: Int) -> [Int64] {
        let stream = RandomStream(seed: seed)
        return (0..<count).map { _ in
            let decade = Double(stream.uniformInt(below: 10))
            return Int64(stream.exponential(mean: 1) * pow10(decade))
        }
    }

    static func pow10(_ x: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(x) { r *= 10 }
        return r
    }

    /// The fast path against hdrhistogram-swift's own `record` on the same
    /// values (seed 20_261_201): every bucket's count, the total, min, max and
    /// every percentile, over the whole range and at every bucket edge.
    @Test func fastPathCountsEqualHdrHistogramsOwnRecord() throws {
        let stream = RandomStream(seed: 20_261_201)
        var values: [UInt64] = []
        // Log-uniform over 0 ... 1 h, so every bucket of the layout is hit.
        for _ in 0..<200_000 {
            let exponent = stream.uniform() * 41.7  // 2^41.7 ≈ 3.6e12
            values.append(Swift.min(UInt64(Foundation.pow(2, exponent)) &- 1, LatencyHistogram.highestTrackableNanos))
        }
        // Bucket edges: the values on either side of every power of two, 0, the ceiling.
        for k in 0..<42 {
            let p = UInt64(1) << UInt64(k)
            values += [p &- 1, p, p &+ 1].filter { $0 <= LatencyHistogram.highestTrackableNanos }
        }
        values += [0, 0, LatencyHistogram.highestTrackableNanos, 2047, 2048, 2049]
        var fast = LatencyHistogram()
        var reference = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000,
                                          numberOfSignificantValueDigits: .three)
        for v in values {
            fast.record(nanos: Int64(v))
            let accepted = reference.record(v)
            #expect(accepted)
        }
        let rebuilt = fast.histogram
        #expect(rebuilt == reference)
        #expect(rebuilt.totalCount == reference.totalCount && fast.count == reference.totalCount)
        #expect(rebuilt.maxRecorded == reference.maxRecorded)
        #expect(rebuilt.min == reference.min && rebuilt.minNonZero == reference.minNonZero)
        #expect(fast.maxNanos == reference.max && fast.minNanos == reference.min)
        #expect(fast.recordedBuckets().map(\.count) == reference.recordedValues().map(\.count))
        #expect(fast.recordedBuckets().map(\.upperNanos) == reference.recordedValues().map(\.value))
        for p in stride(from: 0.0, through: 100.0, by: 0.5) + [99.9, 99.99, 99.999] {
            #expect(fast.valueNanos(atPercentile: p) == reference.valueAtPercentile(p))
        }
        // Every value's bucket index is the library's (through its public
        // equivalence functions): the lowest value of the index is the
        // library's lowest equivalent value.
        for v in values.prefix(20_000) {
            #expect(LatencyHistogram.lowestValue(atIndex: LatencyHistogram.countsIndex(v))
                    == reference.lowestEquivalentForValue(v))
        }
        #expect(LatencyHistogram.countsIndex(LatencyHistogram.highestTrackableNanos) < LatencyHistogram.countsLength)
        // A histogram whose values all share one bucket keeps its exact extremes.
        var narrow = LatencyHistogram()
        var narrowReference = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000,
                                                numberOfSignificantValueDigits: .three)
        for v: UInt64 in [1_000_000_001, 1_000_000_300, 1_000_000_200] {
            narrow.record(nanos: Int64(v))
            narrowReference.record(v)
        }
        #expect(narrow.histogram.maxRecorded == 1_000_000_300 && narrow.histogram.min == 1_000_000_001)
        #expect(narrow.histogram == narrowReference)
    }

    @Test func mergedHistogramsEqualOneFedAllValues() throws {
        let values = Self.latencies(seed: 4_242, count: 30_000) + [-3, 5_000_000_000_000]
        var all = LatencyHistogram()
        for v in values { all.record(nanos: v) }
        // Three shards of unequal size, one of them empty.
        var shards = [LatencyHistogram(), LatencyHistogram(), LatencyHistogram(), LatencyHistogram()]
        for (i, v) in values.enumerated() { shards[i % 7 < 4 ? 0 : (i % 7 < 6 ? 1 : 3)].record(nanos: v) }
        var merged = LatencyHistogram()
        for shard in shards { merged.merge(shard) }

        #expect(merged.count == all.count)
        #expect(merged.recordedBuckets() == all.recordedBuckets())
        #expect(merged.percentiles() == all.percentiles())
        for p in [0.0, 1, 10, 50, 90, 95, 99, 99.9, 99.99, 100] {
            #expect(merged.valueNanos(atPercentile: p) == all.valueNanos(atPercentile: p))
        }
        #expect(merged.belowRangeCount == 1 && merged.aboveRangeCount == 1)
        #expect(merged == all)
        // Merge is symmetric.
        #expect(shards[1].merged(with: shards[0]).recordedBuckets()
                == shards[0].merged(with: shards[1]).recordedBuckets())
    }

    @Test func percentilesAreWithinThreeDigits() throws {
        // 1 µs ... 1000 µs in equal steps: the p-th percentile is p·10 µs.
        var h = LatencyHistogram()
        for k in 1...1_000 { h.record(nanos: Int64(k) * 1_000) }
        let summary = try #require(h.percentiles())
        #expect(summary.count == 1_000)
        #expect(abs(summary.p50Seconds - 500e-6) <= 500e-6 * 1e-3)
        #expect(abs(summary.p95Seconds - 950e-6) <= 950e-6 * 1e-3)
        #expect(abs(summary.p99Seconds - 990e-6) <= 990e-6 * 1e-3)
        #expect(abs(summary.p999Seconds - 999e-6) <= 999e-6 * 1e-3)
        #expect(abs(summary.maxSeconds - 1e-3) <= 1e-3 * 1e-3)
        // The mean is exact (not from buckets): (1 + 1000) / 2 µs, up to one rounding.
        #expect(abs(summary.meanSeconds - 500.5e-6) <= 500.5e-6 * 1e-15)
        #expect(h.minNanos == 1_000)
    }

    @Test func outOfRangeValuesAreCountedNotTrapped() throws {
        var h = LatencyHistogram()
        h.record(nanos: -1)
        h.record(nanos: .max)
        h.record(nanos: Int64(LatencyHistogram.highestTrackableNanos))
        h.record(nanos: 0)
        #expect(h.count == 4)
        #expect(h.belowRangeCount == 1)
        #expect(h.aboveRangeCount == 1)
        // The clamped value reports as one hour (to three digits).
        let top = try #require(h.valueSeconds(atPercentile: 100))
        #expect(abs(top - 3_600) <= 3_600 * 1e-3)
        #expect(h.valueNanos(atPercentile: 0) == 0)
    }

    @Test func jsonRoundTripKeepsEveryCount() throws {
        // Shards write their histograms; a later step decodes and merges them (seed 12).
        var h = LatencyHistogram()
        for v in Self.latencies(seed: 12, count: 2_000) { h.record(nanos: v) }
        h.record(nanos: -9)
        let decoded = try JSONDecoder().decode(LatencyHistogram.self, from: JSONEncoder().encode(h))
        #expect(decoded == h)
        #expect(decoded.percentiles() == h.percentiles())
        #expect(decoded.belowRangeCount == 1)
    }

    @Test func emptyHistogramReportsNil() {
        var h = LatencyHistogram()
        #expect(h.isEmpty && h.count == 0)
        #expect(h.percentiles() == nil && h.meanSeconds == nil && h.maxNanos == nil)
        #expect(h.valueSeconds(atPercentile: 99) == nil)
        #expect(h.recordedBuckets().isEmpty)
        h.merge(LatencyHistogram())
        #expect(h.isEmpty)
        h.record(nanos: 123)
        h.reset()
        #expect(h == LatencyHistogram())
    }
}
