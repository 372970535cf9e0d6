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
///
/// Recording is a fast path: the counts live here, in a flat array laid out
/// exactly like hdrhistogram-swift's `Histogram<UInt64>` counts for this
/// layout (the same log-linear bucket index, computed with the layout's
/// constants folded in), plus the total, the largest and the smallest
/// non-zero value. hdrhistogram-swift stays the source of truth for every
/// query: percentiles, min and max, the recorded buckets and the encoded
/// form are those of a `Histogram` rebuilt from these counts
/// (``histogram``), which is the histogram `Histogram.record` would have
/// built from the same values (tested bucket by bucket on random values).
public struct LatencyHistogram: Sendable, Equatable, Codable {
    /// The smallest value told apart from zero, in nanoseconds.
    public static let lowestDiscernibleNanos: UInt64 = 1
    /// The largest value recorded as itself, in nanoseconds (one hour).
    public static let highestTrackableNanos: UInt64 = 3_600_000_000_000
    /// Significant decimal digits kept for every value.
    public static let significantDigits = 3

    /// Counts per bucket, in hdrhistogram-swift's array order for this layout.
    @usableFromInline var counts: [UInt64]
    /// Values recorded (the sum of ``counts``).
    @usableFromInline var totalCount: UInt64 = 0
    /// The largest value recorded, ns (0 while empty), as `Histogram` keeps it.
    @usableFromInline var maxValue: UInt64 = 0
    /// The smallest non-zero value recorded, ns (`UInt64.max` while none), as `Histogram` keeps it.
    @usableFromInline var minNonZeroValue: UInt64 = .max
    /// Exact sum of the (clamped) values recorded, in nanoseconds.
    @usableFromInline var sumNanos: Double = 0
    /// Values below 0 ns, recorded as 0.
    public private(set) var belowRangeCount: UInt64 = 0
    /// Values above ``highestTrackableNanos``, recorded as that ceiling.
    public private(set) var aboveRangeCount: UInt64 = 0

    /// An empty histogram.
    public init() {
        counts = Array(repeating: 0, count: Self.countsLength)
    }

    /// An empty hdrhistogram-swift histogram with this layout.
    static func emptyHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(
            lowestDiscernibleValue: Self.lowestDiscernibleNanos,
            highestTrackableValue: Self.highestTrackableNanos,
            numberOfSignificantValueDigits: .three)
    }

    /// Records one latency, in nanoseconds.
    /// - Complexity: O(1), no allocation. Inlined: the in-range path is a
    ///   bucket index (a leading-zero count, a shift and two adds), one
    ///   increment and the min/max/sum updates (the simulation kernel records
    ///   one or two latencies per event).
    @inlinable @inline(__always)
    public mutating func record(nanos: Int64) {
        guard nanos >= 0, UInt64(nanos) <= Self.highestTrackableNanos else {
            recordOutOfRange(nanos: nanos)
            return
        }
        recordInRange(UInt64(truncatingIfNeeded: nanos))
    }

    /// Records `value` (0 ... ``highestTrackableNanos``), as `Histogram.record` does.
    @inlinable @inline(__always)
    mutating func recordInRange(_ value: UInt64) {
        let index = Self.countsIndex(value)
        // Audited: countsIndex maps 0 ... highestTrackableNanos into
        // 0 ..< countsLength (checked at the top of the range by a test), and
        // `counts` always has countsLength elements.
        counts.withUnsafeMutableBufferPointer { $0.baseAddress.unsafelyUnwrapped[index] &+= 1 }
        totalCount &+= 1
        if value > maxValue { maxValue = value }
        if value < minNonZeroValue, value != 0 { minNonZeroValue = value }
        sumNanos += Double(value)
    }

    /// Records a latency below 0 (as 0) or above an hour (as an hour) and counts it.
    @usableFromInline @inline(never)
    mutating func recordOutOfRange(nanos: Int64) {
        if nanos < 0 {
            belowRangeCount &+= 1
            recordInRange(0)
        } else {
            aboveRangeCount &+= 1
            recordInRange(Self.highestTrackableNanos)
        }
    }

    // MARK: The layout (hdrhistogram-swift's, for 1 ns ... 1 h at three digits)

    /// log2 of half the sub-buckets per bucket: 2·10³ needs 2¹¹ sub-buckets, so half is 2¹⁰.
    @usableFromInline static var subBucketHalfCountMagnitude: Int { 10 }
    /// Half the sub-buckets per bucket (1024).
    @usableFromInline static var subBucketHalfCount: Int { 1 << subBucketHalfCountMagnitude }
    /// Values below this (2048) are in bucket 0 at unit resolution.
    @usableFromInline static var subBucketMask: UInt64 { UInt64(2 * subBucketHalfCount - 1) }
    /// 64 − unit magnitude (0 for 1 ns) − subBucketHalfCountMagnitude − 1.
    @usableFromInline static var leadingZeroCountBase: Int { 64 - subBucketHalfCountMagnitude - 1 }
    /// Buckets needed to reach ``highestTrackableNanos``: 2048·2ᵏ > 3.6·10¹² for k = 31, so 32.
    static var bucketCount: Int { 32 }
    /// Length of the counts array: (buckets + 1) · half the sub-buckets.
    static var countsLength: Int { (bucketCount + 1) * subBucketHalfCount }

    /// The counts index of `value`, exactly hdrhistogram-swift's `countsIndexForValue`.
    @inlinable @inline(__always)
    static func countsIndex(_ value: UInt64) -> Int {
        let bucket = leadingZeroCountBase &- (value | subBucketMask).leadingZeroBitCount
        let subBucket = Int(truncatingIfNeeded: value &>> UInt64(bucket))
        return ((bucket &+ 1) &<< subBucketHalfCountMagnitude) &+ (subBucket &- subBucketHalfCount)
    }

    /// The lowest value of counts index `index`, exactly hdrhistogram-swift's `valueFromIndex`.
    static func lowestValue(atIndex index: Int) -> UInt64 {
        var bucket = (index >> subBucketHalfCountMagnitude) - 1
        var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucket < 0 {
            subBucket -= subBucketHalfCount
            bucket = 0
        }
        return UInt64(subBucket) << UInt64(bucket)
    }

    // MARK: hdrhistogram-swift, the source of truth for queries

    /// The hdrhistogram-swift histogram of the values recorded: the same
    /// counts, total, maximum and smallest non-zero value that
    /// `Histogram.record` would have produced from them.
    /// - Complexity: O(buckets); allocates the histogram.
    public var histogram: Histogram<UInt64> {
        var h = Self.emptyHistogram()
        for i in counts.indices where counts[i] != 0 {
            // Record the bucket under the exact extreme when it holds one, so
            // that the histogram's own max and min are the recorded ones.
            let low = Self.lowestValue(atIndex: i)
            let value: UInt64
            if maxValue != 0, Self.countsIndex(maxValue) == i {
                value = maxValue
            } else if minNonZeroValue != .max, Self.countsIndex(minNonZeroValue) == i {
                value = minNonZeroValue
            } else {
                value = low
            }
            let recorded = h.record(value, count: counts[i])
            precondition(recorded, "LatencyHistogram: bucket \(i) is inside the layout yet was refused")
        }
        // The smallest non-zero value may share its bucket with the largest.
        if minNonZeroValue != .max, Self.countsIndex(minNonZeroValue) == Self.countsIndex(maxValue) {
            _ = h.record(minNonZeroValue, count: 0)
        }
        return h
    }

    /// Keys of the encoded form: the hdrhistogram-swift histogram and the
    /// fields kept beside it.
    enum CodingKeys: String, CodingKey {
        case histogram, sumNanos, belowRangeCount, aboveRangeCount, minNonZeroNanos
    }

    /// Decodes a histogram encoded by ``encode(to:)``.
    /// - Throws: `DecodingError.dataCorrupted` when the histogram's layout is not this one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let h = try c.decode(Histogram<UInt64>.self, forKey: .histogram)
        guard h.lowestDiscernibleValue == Self.lowestDiscernibleNanos,
              h.highestTrackableValue == Self.emptyHistogram().highestTrackableValue,
              h.numberOfSignificantValueDigits == .three else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath + [CodingKeys.histogram],
                debugDescription: "LatencyHistogram: the histogram's layout is not 1 ns ... 1 h at three digits"))
        }
        self.init()
        for value in h.recordedValues() {
            counts[Self.countsIndex(value.value)] &+= value.count
            totalCount &+= value.count
        }
        maxValue = h.maxRecorded
        minNonZeroValue = try c.decodeIfPresent(UInt64.self, forKey: .minNonZeroNanos) ?? h.minNonZero
        sumNanos = try c.decode(Double.self, forKey: .sumNanos)
        belowRangeCount = try c.decode(UInt64.self, forKey: .belowRangeCount)
        aboveRangeCount = try c.decode(UInt64.self, forKey: .aboveRangeCount)
    }

    /// Encodes the hdrhistogram-swift histogram (``histogram``) and the fields beside it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(histogram, forKey: .histogram)
        try c.encode(sumNanos, forKey: .sumNanos)
        try c.encode(belowRangeCount, forKey: .belowRangeCount)
        try c.encode(aboveRangeCount, forKey: .aboveRangeCount)
        try c.encode(minNonZeroValue, forKey: .minNonZeroNanos)
    }

    /// Adds every value of `other` to this histogram, exactly: afterwards it is
    /// the histogram that would have recorded both streams of values.
    /// - Complexity: O(buckets) ≈ 34,000 additions, no allocation.
    public mutating func merge(_ other: LatencyHistogram) {
        counts.withUnsafeMutableBufferPointer { mine in
            other.counts.withUnsafeBufferPointer { theirs in
                for i in mine.indices { mine[i] &+= theirs[i] }
            }
        }
        totalCount &+= other.totalCount
        maxValue = Swift.max(maxValue, other.maxValue)
        minNonZeroValue = Swift.min(minNonZeroValue, other.minNonZeroValue)
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
        counts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        totalCount = 0
        maxValue = 0
        minNonZeroValue = .max
        sumNanos = 0
        belowRangeCount = 0
        aboveRangeCount = 0
    }

    /// Number of values recorded, out-of-range ones included.
    public var count: UInt64 { totalCount }

    /// `true` while no value has been recorded.
    public var isEmpty: Bool { totalCount == 0 }

    /// The exact mean of the values recorded, in seconds, or `nil` while empty.
    public var meanSeconds: Double? {
        isEmpty ? nil : sumNanos / Double(totalCount) * 1e-9
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
        let histogram = self.histogram
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
