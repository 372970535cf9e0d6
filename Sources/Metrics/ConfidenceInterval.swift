/// Confidence intervals for a mean, with Student's t quantile from GSL.
///
/// Across independent replications of a simulation, each replication's
/// estimate (mean latency, throughput) is one observation `x₁ … xₙ`. The
/// interval `x̄ ± t(1 − α/2, n − 1) · s / √n` covers the true mean with
/// probability close to `1 − α` when the estimates are roughly normal, which
/// replication means usually are. The t quantile is GSL's
/// `gsl_cdf_tdist_Pinv`, reached through `Variates.Quantile.studentT`.

import Variates

/// A two-sided confidence interval for a mean: `mean ± halfWidth`, in the
/// unit of the observations.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// The point estimate (sample mean).
    public let mean: Double
    /// Half the width of the interval, `t · standardError`.
    public let halfWidth: Double
    /// The confidence level, `1 − α` (0.95 by default).
    public let level: Double
    /// Degrees of freedom of the t quantile (`n − 1` for `n` observations).
    public let degreesOfFreedom: Int

    /// An interval from a mean, its standard error and the degrees of freedom
    /// of that error's estimate.
    /// - Throws: ``MetricsError`` naming `level` unless `0 < level < 1`,
    ///   `degreesOfFreedom` unless it is positive, `standardError` unless it
    ///   is finite and not negative, `mean` unless it is finite.
    public init(mean: Double, standardError: Double, degreesOfFreedom: Int, level: Double = 0.95) throws {
        try Self.validate(level: level)
        guard degreesOfFreedom > 0 else {
            throw MetricsError(field: "degreesOfFreedom", "must be at least 1, got \(degreesOfFreedom)")
        }
        guard standardError.isFinite, standardError >= 0 else {
            throw MetricsError(field: "standardError", "must be a finite number of at least 0, got \(standardError)")
        }
        guard mean.isFinite else {
            throw MetricsError(field: "mean", "must be a finite number, got \(mean)")
        }
        let t = Quantile.studentT(0.5 + level / 2, degreesOfFreedom: Double(degreesOfFreedom))
        self.mean = mean
        self.halfWidth = t * standardError
        self.level = level
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// The t interval for the mean of the observations summarized by `stats`,
    /// or `nil` below two observations (no variance to estimate).
    /// - Throws: ``MetricsError`` naming `level` unless `0 < level < 1`.
    public init?(_ stats: Welford, level: Double = 0.95) throws {
        try Self.validate(level: level)
        guard let mean = stats.mean, let standardError = stats.standardError else { return nil }
        try self.init(mean: mean, standardError: standardError,
                      degreesOfFreedom: stats.count - 1, level: level)
    }

    /// The t interval for the mean of `observations` (one per replication),
    /// or `nil` below two observations.
    /// - Throws: ``MetricsError`` naming `level` unless `0 < level < 1`.
    /// - Precondition: every observation is finite.
    public init?<S: Sequence>(observations: S, level: Double = 0.95) throws where S.Element == Double {
        try self.init(Welford(observations), level: level)
    }

    /// Throws unless `0 < level < 1`.
    static func validate(level: Double) throws {
        guard level.isFinite, level > 0, level < 1 else {
            throw MetricsError(field: "level", "must be a probability strictly between 0 and 1, got \(level)")
        }
    }

    /// The lower end, `mean − halfWidth`.
    public var lower: Double { mean - halfWidth }

    /// The upper end, `mean + halfWidth`.
    public var upper: Double { mean + halfWidth }

    /// `true` when `value` lies in `[lower, upper]`.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The half-width relative to the mean's magnitude (for "run replications
    /// until the half-width is within 5% of the mean"), or `nil` when the
    /// mean is 0.
    public var relativeHalfWidth: Double? { mean == 0 ? nil : halfWidth / Swift.abs(mean) }
}
