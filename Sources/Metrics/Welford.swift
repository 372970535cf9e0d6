/// Streaming mean, variance, minimum and maximum (Welford's algorithm).
///
/// Welford's update keeps the running mean and the sum of squared deviations
/// from it (`m2`), which is numerically stable where the textbook
/// `Σx² − n·x̄²` cancels catastrophically. Two accumulators combine exactly
/// with the parallel formula of Chan, Golub and LeVeque (1979), so
/// replications, shards and threads can each keep their own and merge at the
/// end. The unit of every result is the unit of the values recorded.

/// Count, mean, variance, minimum and maximum of a stream of values, in O(1)
/// memory. A value type; recording never allocates.
public struct Welford: Sendable, Equatable {
    /// The number of values recorded.
    @usableFromInline var n: Int = 0
    /// Running mean (0 while empty; read ``mean`` instead).
    @usableFromInline var runningMean: Double = 0
    /// Sum of squared deviations from the running mean.
    @usableFromInline var m2: Double = 0
    /// Smallest value recorded (`+∞` while empty; read ``min`` instead).
    @usableFromInline var smallest: Double = .infinity
    /// Largest value recorded (`−∞` while empty; read ``max`` instead).
    @usableFromInline var largest: Double = -.infinity

    /// An empty accumulator.
    public init() {}

    /// An accumulator holding every value of `values`.
    /// - Complexity: O(n).
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for x in values { add(x) }
    }

    /// Records one value.
    /// - Precondition: `x` is finite (a NaN or infinity would poison every result).
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "Welford.add needs a finite value, got \(x)")
        n += 1
        let delta = x - runningMean
        runningMean += delta / Double(n)
        m2 += delta * (x - runningMean)
        if x < smallest { smallest = x }
        if x > largest { largest = x }
    }

    /// Adds every value of `other` to this accumulator, as if they had been
    /// recorded here (Chan et al.'s parallel formula).
    /// - Complexity: O(1).
    public mutating func merge(_ other: Welford) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = Double(n + other.n)
        let delta = other.runningMean - runningMean
        let na = Double(n), nb = Double(other.n)
        runningMean += delta * nb / total
        m2 += other.m2 + delta * delta * na * nb / total
        n += other.n
        smallest = Swift.min(smallest, other.smallest)
        largest = Swift.max(largest, other.largest)
    }

    /// This accumulator merged with `other`; neither is changed.
    public func merged(with other: Welford) -> Welford {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Forgets every value recorded.
    public mutating func reset() { self = Welford() }

    /// The number of values recorded.
    public var count: Int { n }

    /// `true` while no value has been recorded.
    public var isEmpty: Bool { count == 0 }

    /// The arithmetic mean, or `nil` while empty.
    public var mean: Double? { count > 0 ? runningMean : nil }

    /// The sum of the values recorded (0 while empty).
    public var sum: Double { runningMean * Double(count) }

    /// The unbiased sample variance (divisor `n − 1`), or `nil` below two values.
    public var variance: Double? { count > 1 ? Swift.max(0, m2) / Double(count - 1) : nil }

    /// The population variance (divisor `n`), or `nil` while empty.
    public var populationVariance: Double? { count > 0 ? Swift.max(0, m2) / Double(count) : nil }

    /// The sample standard deviation, or `nil` below two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// The standard error of the mean, `s / √n`, or `nil` below two values.
    /// Valid for independent values only; for a correlated series use ``BatchMeans``.
    public var standardError: Double? {
        variance.map { ($0 / Double(count)).squareRoot() }
    }

    /// The smallest value recorded, or `nil` while empty.
    public var min: Double? { count > 0 ? smallest : nil }

    /// The largest value recorded, or `nil` while empty.
    public var max: Double? { count > 0 ? largest : nil }
}
