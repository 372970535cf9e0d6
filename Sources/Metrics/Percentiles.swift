/// The latency summary every report shows: count, mean and the tail.

/// A latency distribution summarized in seconds: the percentiles a service
/// level objective is written in, the maximum and the mean.
///
/// Percentiles come from a ``LatencyHistogram`` and carry its resolution
/// (three significant digits: within 0.1% of the value recorded). The mean is
/// exact. Made only from a non-empty histogram, so every field is a number.
public struct Percentiles: Sendable, Equatable, Codable {
    /// Number of values summarized.
    public let count: UInt64
    /// Arithmetic mean, in seconds (exact, not from the buckets).
    public let meanSeconds: Double
    /// Median, in seconds.
    public let p50Seconds: Double
    /// 95th percentile, in seconds.
    public let p95Seconds: Double
    /// 99th percentile, in seconds.
    public let p99Seconds: Double
    /// 99.9th percentile, in seconds.
    public let p999Seconds: Double
    /// Largest value recorded, in seconds (to the histogram's resolution).
    public let maxSeconds: Double

    /// A summary from its parts, all in seconds.
    public init(count: UInt64, meanSeconds: Double, p50Seconds: Double, p95Seconds: Double,
                p99Seconds: Double, p999Seconds: Double, maxSeconds: Double) {
        self.count = count
        self.meanSeconds = meanSeconds
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
        self.p999Seconds = p999Seconds
        self.maxSeconds = maxSeconds
    }
}
