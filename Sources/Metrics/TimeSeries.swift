/// Fixed-width time bins: a signal over the course of a run.
///
/// Throughput per second, consumer lag after a spike, the queue at each
/// minute: a report plots them against simulated time. A ``TimeSeries`` cuts
/// the horizon `[startNanos, startNanos + horizonNanos)` into bins of
/// `binWidthNanos` and keeps, per bin, the number of observations, their sum
/// and their maximum. Memory is fixed when it is made:
/// `⌈horizonNanos / binWidthNanos⌉ × 24` bytes (at most 10,000,000 bins),
/// whatever the number of observations. Observations outside the horizon are
/// counted in ``outsideHorizonCount`` and otherwise ignored.
///
/// Events (records delivered) go in with `record(1, at:)` and come out as a
/// rate with ``ratePerSecond(ofBin:)``; a gauge (lag sampled at each poll)
/// goes in with its value and comes out as the bin mean or maximum.

/// Count, sum and maximum per fixed-width time bin, in fixed memory.
/// A value type; recording never allocates.
public struct TimeSeries: Sendable, Equatable {
    /// Start of the first bin, in nanoseconds.
    public let startNanos: Int64
    /// Width of every bin, in nanoseconds.
    public let binWidthNanos: Int64
    /// Observations per bin.
    @usableFromInline var counts: [Int64]
    /// Sum of the values per bin.
    @usableFromInline var sums: [Double]
    /// Largest value per bin (`−∞` for an empty bin).
    @usableFromInline var maxima: [Double]
    /// Observations before the start or past the horizon (storage).
    @usableFromInline var outside: Int64 = 0

    /// Observations before the start or past the horizon, not binned.
    public var outsideHorizonCount: Int64 { outside }

    /// The most bins a series may have (240 MB of bins).
    public static let maxBinCount = 10_000_000

    /// Bins of `binWidthNanos` covering `[startNanos, startNanos + horizonNanos)`;
    /// the last bin is full width even when it reaches past the horizon.
    /// - Throws: ``MetricsError`` naming `binWidthNanos` or `horizonNanos`
    ///   when either is not positive, or when they make more than
    ///   ``maxBinCount`` bins.
    public init(binWidthNanos: Int64, horizonNanos: Int64, startNanos: Int64 = 0) throws {
        guard binWidthNanos > 0 else {
            throw MetricsError(field: "binWidthNanos", "must be greater than 0 ns, got \(binWidthNanos)")
        }
        guard horizonNanos > 0 else {
            throw MetricsError(field: "horizonNanos", "must be greater than 0 ns, got \(horizonNanos)")
        }
        let (quotient, remainder) = horizonNanos.quotientAndRemainder(dividingBy: binWidthNanos)
        let binCount = quotient + (remainder > 0 ? 1 : 0)
        guard binCount <= Int64(Self.maxBinCount) else {
            throw MetricsError(field: "binWidthNanos",
                               "\(binWidthNanos) ns over a horizon of \(horizonNanos) ns makes \(binCount) bins, "
                               + "more than \(Self.maxBinCount); use wider bins")
        }
        self.startNanos = startNanos
        self.binWidthNanos = binWidthNanos
        counts = [Int64](repeating: 0, count: Int(binCount))
        sums = [Double](repeating: 0, count: Int(binCount))
        maxima = [Double](repeating: -.infinity, count: Int(binCount))
    }

    /// Number of bins.
    public var binCount: Int { counts.count }

    /// The index of the bin holding `timeNanos`, or `nil` outside the horizon.
    @inlinable
    public func binIndex(at timeNanos: Int64) -> Int? {
        guard timeNanos >= startNanos else { return nil }
        let index = (timeNanos &- startNanos) / binWidthNanos
        return index < Int64(counts.count) ? Int(index) : nil
    }

    /// Records `value` at `timeNanos` in the bin that holds that time.
    /// - Precondition: `value` is finite.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func record(_ value: Double, at timeNanos: Int64) {
        precondition(value.isFinite, "TimeSeries.record needs a finite value, got \(value)")
        guard let i = binIndex(at: timeNanos) else {
            outside &+= 1
            return
        }
        counts[i] &+= 1
        sums[i] += value
        if value > maxima[i] { maxima[i] = value }
    }

    /// Adds every observation of `other` to this series, bin by bin.
    /// - Precondition: both have the same start, width and number of bins.
    /// - Complexity: O(bins).
    public mutating func merge(_ other: TimeSeries) {
        precondition(startNanos == other.startNanos && binWidthNanos == other.binWidthNanos
                     && binCount == other.binCount,
                     "TimeSeries.merge needs the same start, bin width and bin count")
        for i in counts.indices {
            counts[i] &+= other.counts[i]
            sums[i] += other.sums[i]
            maxima[i] = Swift.max(maxima[i], other.maxima[i])
        }
        outside &+= other.outside
    }

    /// One bin's summary.
    public struct Bin: Sendable, Equatable {
        /// Start of the bin, in nanoseconds (inclusive).
        public let startNanos: Int64
        /// End of the bin, in nanoseconds (exclusive).
        public let endNanos: Int64
        /// Number of observations in the bin.
        public let count: Int64
        /// Sum of their values (0 for an empty bin).
        public let sum: Double
        /// Their largest value, or `nil` for an empty bin.
        public let max: Double?

        /// Their mean, or `nil` for an empty bin.
        public var mean: Double? { count > 0 ? sum / Double(count) : nil }
    }

    /// The summary of bin `index`.
    /// - Precondition: `0 <= index < binCount`.
    public func bin(_ index: Int) -> Bin {
        precondition(counts.indices.contains(index), "TimeSeries: bin \(index) outside 0..<\(binCount)")
        let start = startNanos &+ Int64(index) &* binWidthNanos
        return Bin(startNanos: start, endNanos: start &+ binWidthNanos, count: counts[index],
                   sum: sums[index], max: counts[index] > 0 ? maxima[index] : nil)
    }

    /// Every bin in time order.
    /// - Complexity: O(bins); allocates the result.
    public var bins: [Bin] { counts.indices.map(bin) }

    /// Sum of the values in bin `index` per second of bin width: the
    /// throughput of that bin when each event was recorded as 1.
    public func ratePerSecond(ofBin index: Int) -> Double {
        bin(index).sum / (Double(binWidthNanos) * 1e-9)
    }

    /// Total observations inside the horizon.
    public var totalCount: Int64 { counts.reduce(0, &+) }

    /// Sum of every value inside the horizon.
    public var totalSum: Double { sums.reduce(0, +) }
}
