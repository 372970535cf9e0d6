/// The batch-means method: a confidence interval from one long run.
///
/// Successive waiting times or queue samples in one run are correlated, so
/// `s / √n` of the raw values understates the error. Cutting the run into
/// contiguous batches and treating the batch means as roughly independent
/// observations gives an honest interval when batches are long compared with
/// the correlation time.
///
/// Memory is fixed: the run length is not known in advance, so batches start
/// at one observation and the batch size doubles whenever `2k` batches are
/// full (adjacent pairs are merged into `k`). The interval therefore always
/// uses between `k` and `2k − 1` complete batches once at least `k`
/// observations are in; the batch in progress is left out. ``lag1Correlation``
/// of the batch means is the usual check that batches are long enough
/// (near 0; above ~0.2 the interval is too narrow: run longer).

/// Batch means of a stationary series (after warm-up), in `2k` doubles.
/// A value type; recording never allocates.
public struct BatchMeans: Sendable, Equatable {
    /// `k`: the fewest complete batches kept once that many exist.
    public let minBatchCount: Int
    /// Sums of the complete batches, `2k` slots.
    @usableFromInline var sums: [Double]
    /// Number of complete batches in `sums`.
    @usableFromInline var filled: Int = 0
    /// Observations per batch now.
    @usableFromInline var size: Int = 1
    /// Sum of the batch in progress.
    @usableFromInline var partialSum: Double = 0
    /// Observations in the batch in progress.
    @usableFromInline var partialCount: Int = 0
    /// Observations recorded, complete batches and batch in progress.
    @usableFromInline var total: Int = 0

    /// A batch-means accumulator keeping between `batchCount` and
    /// `2 · batchCount − 1` batches.
    /// - Throws: ``MetricsError`` naming `batchCount` unless it is between 2 and 1,000,000.
    public init(batchCount: Int = 20) throws {
        guard batchCount >= 2, batchCount <= 1_000_000 else {
            throw MetricsError(field: "batchCount", "must be between 2 and 1,000,000, got \(batchCount)")
        }
        minBatchCount = batchCount
        sums = [Double](repeating: 0, count: 2 * batchCount)
    }

    /// Records the next observation of the series.
    /// - Precondition: `x` is finite.
    /// - Complexity: amortized O(1); O(k) when the batches double. No allocation.
    @inlinable
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "BatchMeans.add needs a finite value, got \(x)")
        total += 1
        partialSum += x
        partialCount += 1
        guard partialCount == size else { return }
        sums[filled] = partialSum
        filled += 1
        partialSum = 0
        partialCount = 0
        if filled == sums.count { collapse() }
    }

    /// Merges adjacent pairs of batches: `2k` batches of size `b` become `k`
    /// of size `2b`.
    @usableFromInline
    mutating func collapse() {
        for i in 0..<minBatchCount {
            sums[i] = sums[2 * i] + sums[2 * i + 1]
        }
        for i in minBatchCount..<sums.count { sums[i] = 0 }
        filled = minBatchCount
        size *= 2
    }

    /// Observations recorded (including the batch in progress).
    public var count: Int { total }

    /// Observations per batch at present.
    public var batchSize: Int { size }

    /// Number of complete batches.
    public var batchCount: Int { filled }

    /// The means of the complete batches, in order.
    /// - Complexity: O(k); allocates the result.
    public var batchMeans: [Double] {
        (0..<filled).map { sums[$0] / Double(size) }
    }

    /// The grand mean of the complete batches, or `nil` before the first.
    public var mean: Double? {
        filled > 0 ? Welford(batchMeans).mean : nil
    }

    /// The t interval for the steady-state mean from the batch means, with
    /// `batchCount − 1` degrees of freedom, or `nil` below two complete batches.
    /// - Throws: ``MetricsError`` naming `level` unless `0 < level < 1`.
    public func confidenceInterval(level: Double = 0.95) throws -> ConfidenceInterval? {
        try ConfidenceInterval(Welford(batchMeans), level: level)
    }

    /// The lag-1 autocorrelation of the batch means, or `nil` below three
    /// complete batches or when they are all equal. Near 0 means the batches
    /// are long enough to be treated as independent.
    public var lag1Correlation: Double? {
        let means = batchMeans
        guard means.count >= 3, let mean = Welford(means).mean else { return nil }
        var numerator = 0.0, denominator = 0.0
        for i in means.indices {
            let d = means[i] - mean
            denominator += d * d
            if i > 0 { numerator += d * (means[i - 1] - mean) }
        }
        return denominator > 0 ? numerator / denominator : nil
    }
}
