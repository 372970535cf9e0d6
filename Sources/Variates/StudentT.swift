/// Quantiles of the standard distributions used for confidence intervals.
///
/// Thin, validated wrappers over GSL's inverse CDFs, so that `Metrics` (which
/// builds confidence intervals) need not call GSL itself.

import CGSL

/// Quantile functions used by statistics code.
public enum Quantile {
    /// The `p`-quantile of Student's t distribution with `dof` degrees of
    /// freedom (`gsl_cdf_tdist_Pinv`).
    /// - Precondition: `0 < p < 1`, `dof > 0`.
    public static func studentT(_ p: Double, degreesOfFreedom dof: Double) -> Double {
        precondition(p > 0 && p < 1, "t quantile needs 0 < p < 1, got \(p)")
        precondition(dof > 0, "t quantile needs positive degrees of freedom, got \(dof)")
        GSL.configure()
        return gsl_cdf_tdist_Pinv(p, dof)
    }

    /// The `p`-quantile of the standard normal distribution (`gsl_cdf_ugaussian_Pinv`).
    /// - Precondition: `0 < p < 1`.
    public static func standardNormal(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normal quantile needs 0 < p < 1, got \(p)")
        GSL.configure()
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// The `p`-quantile of the chi-square distribution with `dof` degrees of freedom.
    /// - Precondition: `0 < p < 1`, `dof > 0`.
    public static func chiSquare(_ p: Double, degreesOfFreedom dof: Double) -> Double {
        precondition(p > 0 && p < 1, "chi-square quantile needs 0 < p < 1, got \(p)")
        precondition(dof > 0, "chi-square quantile needs positive degrees of freedom, got \(dof)")
        GSL.configure()
        return gsl_cdf_chisq_Pinv(p, dof)
    }

    /// The upper-tail probability P(X > x) of the chi-square distribution.
    public static func chiSquareUpperTail(_ x: Double, degreesOfFreedom dof: Double) -> Double {
        precondition(dof > 0, "chi-square tail needs positive degrees of freedom, got \(dof)")
        GSL.configure()
        return gsl_cdf_chisq_Q(x, dof)
    }
}
