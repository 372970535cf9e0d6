/// Latency distributions in fixed memory, on HdrHistogram.
///
/// A latency is recorded in integer nanoseconds into an HdrHistogram
/// (`hdrhistogram-swift`) with a fixed layout:
///
/// - lowest discernible value 1 ns, highest trackable value 1 hour
///   (3,600,000,000,000 ns), three significant digits: every percentile is
///   within 0.1% of a value actually recorded;
/// - about 275 KB of counts per histogram, whatever the number of values.
///
/// Every histogram has the same layout, so two of them merge exactly (bucket
/// by bucket): replications, shards and stages combine into one distribution
/// with the same percentiles as if one histogram had seen every value.
///
/// Out-of-range values are counted, never a trap: a negative latency is
/// recorded as 0 and counted in ``belowRangeCount``; one above an hour is
/// recorded as one hour and counted in ``aboveRangeCount``, so a saturated run
/// reports a p99 of an hour rather than silently dropping its worst values.
///
/// A histogram is `Codable` (every field is finite), so shards of a sweep can
/// write theirs and a later step can decode and merge them.

import Histogram

/// A latency histogram over 1 ns ... 1 hour at three significant digits.
/// A value type; recording never allocates (after the first copy-on-write).
public struct LatencyHistogram: Sendable, Equatable, Codable {
    /// The smallest value told apart from zero, in nanoseconds.
    public static let lowestDiscernibleNanos: UInt64 = 1
    /// The largest value recorded as itself, in nanoseconds (one hour).
    public static let highestTrackableNanos: UInt64 = 3_600_000_000_000
    /// Significant decimal digits kept for every value.
    public static let significantDigits = 3

    /// The underlying HdrHistogram, in nanoseconds.
    @usableFromInline var histogram: Histogram<UInt64>
    /// Exact sum of the (clamped) values recorded, in nanoseconds.
    @usableFromInline var sumNanos: Double = 0
    /// Values below 0 ns, recorded as 0.
    public private(set) var belowRangeCount: UInt64 = 0
    /// Values above ``highestTrackableNanos``, recorded as that ceiling.
    public private(set) var aboveRangeCount: UInt64 = 0

    /// An empty histogram.
    public init() {
        histogram = Histogram<UInt64>(
            lowestDiscernibleValue: Self.lowestDiscernibleNanos,
            highestTrackableValue: Self.highestTrackableNanos,
            numberOfSignificantValueDigits: .three)
    }

    /// Records one latency, in nanoseconds.
    /// - Complexity: O(1), no allocation. Inlinable: the in-range path is a
    ///   handful of instructions in the caller (the simulation kernel records
    ///   one or two latencies per event).
    @inlinable @inline(__always)
    public mutating func record(nanos: Int64) {
        guard nanos >= 0, UInt64(nanos) <= Self.highestTrackableNanos else {
            recordOutOfRange(nanos: nanos)
            return
        }
        let recorded = histogram.record(UInt64(nanos))
        precondition(recorded, "LatencyHistogram: \(nanos) ns is inside the layout yet was refused")
        sumNanos += Double(nanos)
    }

    /// Records a latency below 0 (as 0) or above an hour (as an hour) and counts it.
    @usableFromInline
    mutating func recordOutOfRange(nanos: Int64) {
        let value: UInt64
        if nanos < 0 {
            belowRangeCount &+= 1
            value = 0
        } else {
            aboveRangeCount &+= 1
            value = Self.highestTrackableNanos
        }
        let recorded = histogram.record(value)
        precondition(recorded, "LatencyHistogram: \(value) ns is inside the layout yet was refused")
        sumNanos += Double(value)
    }

    /// Adds every value of `other` to this histogram, exactly: afterwards it is
    /// the histogram that would have recorded both streams of values.
    /// - Complexity: O(buckets) ≈ 34,000 additions, no allocation.
    public mutating func merge(_ other: LatencyHistogram) {
        histogram.add(other.histogram)
        sumNanos += other.sumNanos
        belowRangeCount &+= other.belowRangeCount
        aboveRangeCount &+= other.aboveRangeCount
    }

    /// This histogram merged with `other`; neither is changed.
    public func merged(with other: LatencyHistogram) -> LatencyHistogram {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Forgets every value recorded (used at the end of a warm-up).
    /// - Complexity: O(buckets), no allocation.
    public mutating func reset() {
        histogram.reset()
        sumNanos = 0
        belowRangeCount = 0
        aboveRangeCount = 0
    }

    /// Number of values recorded, out-of-range ones included.
    public var count: UInt64 { histogram.totalCount }

    /// `true` while no value has been recorded.
    public var isEmpty: Bool { histogram.totalCount == 0 }

    /// The exact mean of the values recorded, in seconds, or `nil` while empty.
    public var meanSeconds: Double? {
        isEmpty ? nil : sumNanos / Double(histogram.totalCount) * 1e-9
    }

    /// The value at `percentile` (0 ... 100), in nanoseconds, or `nil` while
    /// empty: the highest value equivalent (at three digits) to the value below
    /// which `percentile`% of the recorded values lie.
    /// - Precondition: `0 <= percentile <= 100`.
    /// - Complexity: O(buckets).
    public func valueNanos(atPercentile percentile: Double) -> UInt64? {
        precondition(percentile >= 0 && percentile <= 100,
                     "LatencyHistogram: a percentile lies in 0 ... 100, got \(percentile)")
        return isEmpty ? nil : histogram.valueAtPercentile(percentile)
    }

    /// The value at `percentile` (0 ... 100), in seconds, or `nil` while empty.
    public func valueSeconds(atPercentile percentile: Double) -> Double? {
        valueNanos(atPercentile: percentile).map { Double($0) * 1e-9 }
    }

    /// The largest value recorded, in nanoseconds (to three digits), or `nil` while empty.
    public var maxNanos: UInt64? { isEmpty ? nil : histogram.max }

    /// The smallest value recorded, in nanoseconds (to three digits), or `nil` while empty.
    public var minNanos: UInt64? { isEmpty ? nil : histogram.min }

    /// Count, mean, p50, p95, p99, p99.9 and max in seconds, or `nil` while empty.
    /// - Complexity: O(buckets).
    public func percentiles() -> Percentiles? {
        guard let mean = meanSeconds, let maxNanos else { return nil }
        func seconds(_ p: Double) -> Double { Double(histogram.valueAtPercentile(p)) * 1e-9 }
        return Percentiles(
            count: count, meanSeconds: mean,
            p50Seconds: seconds(50), p95Seconds: seconds(95), p99Seconds: seconds(99),
            p999Seconds: seconds(99.9), maxSeconds: Double(maxNanos) * 1e-9)
    }

    /// One non-empty bucket: every value recorded within it is reported as
    /// `upperNanos`, the highest value equivalent to them at three digits.
    public struct Bucket: Sendable, Equatable, Codable {
        /// The highest value of the bucket, in nanoseconds.
        public let upperNanos: UInt64
        /// How many values fell in the bucket.
        public let count: UInt64
    }

    /// The non-empty buckets in increasing order of value, for CSV export and
    /// for comparing histograms.
    /// - Complexity: O(buckets); allocates the result.
    public func recordedBuckets() -> [Bucket] {
        histogram.recordedValues().map { Bucket(upperNanos: $0.value, count: $0.count) }
    }
}
