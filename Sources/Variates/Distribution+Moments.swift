/// Analytic moments, CDFs and quantiles of every ``Distribution``.
///
/// Infinite moments (Pareto with small shape) are `Double.infinity`. CDFs
/// come from GSL (`gsl_cdf_*_P`) where it has them and are computed exactly
/// from the tables otherwise; every kind has one.

import CGSL
import Foundation

extension Distribution {
    /// The analytic mean E[X] (`infinity` when it does not exist).
    public var mean: Double {
        switch kind {
        case .deterministic(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .exponential(let m): return m
        case .normal(let m, _): return m
        case .lognormal(let mu, let sigma): return Foundation.exp(mu + sigma * sigma / 2)
        case .gamma(let k, let theta): return k * theta
        case .weibull(let k, let lambda): return lambda * gsl_sf_gamma(1 + 1 / k)
        case .pareto(let alpha, let xm): return alpha > 1 ? alpha * xm / (alpha - 1) : .infinity
        case .poisson(let m): return m
        case .binomial(let n, let p): return Double(n) * p
        case .empirical(let t): return t.values.reduce(0, +) / Double(t.values.count)
        case .histogram(let t):
            return zip(t.alias.probabilities, zip(t.edges, t.edges.dropFirst())).reduce(0) { $0 + $1.0 * ($1.1.0 + $1.1.1) / 2 }
        case .discrete(let t): return zip(t.values, t.alias.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        case .mixture(let t): return zip(t.components, t.alias.probabilities).reduce(0) { $0 + $1.0.mean * $1.1 }
        }
    }

    /// The analytic variance Var[X] (`infinity` when it does not exist).
    public var variance: Double {
        switch kind {
        case .deterministic: return 0
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .exponential(let m): return m * m
        case .normal(_, let sd): return sd * sd
        case .lognormal(let mu, let sigma):
            let s2 = sigma * sigma
            return Foundation.expm1(s2) * Foundation.exp(2 * mu + s2)
        case .gamma(let k, let theta): return k * theta * theta
        case .weibull(let k, let lambda):
            let g1 = gsl_sf_gamma(1 + 1 / k), g2 = gsl_sf_gamma(1 + 2 / k)
            return lambda * lambda * (g2 - g1 * g1)
        case .pareto(let alpha, let xm):
            guard alpha > 2 else { return .infinity }
            return xm * xm * alpha / ((alpha - 1) * (alpha - 1) * (alpha - 2))
        case .poisson(let m): return m
        case .binomial(let n, let p): return Double(n) * p * (1 - p)
        case .empirical(let t):
            let m = mean
            return t.values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(t.values.count)
        case .histogram(let t):
            var second = 0.0
            for (bin, p) in t.alias.probabilities.enumerated() {
                let a = t.edges[bin], b = t.edges[bin + 1]
                second += p * (a * a + a * b + b * b) / 3
            }
            let m = mean
            return second - m * m
        case .discrete(let t):
            let m = mean
            return zip(t.values, t.alias.probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
        case .mixture(let t):
            let m = mean
            var second = 0.0
            for (c, p) in zip(t.components, t.alias.probabilities) {
                second += p * (c.variance + c.mean * c.mean)
            }
            return second - m * m
        }
    }

    /// The standard deviation √Var[X].
    public var standardDeviation: Double { variance.squareRoot() }

    /// The squared coefficient of variation Var[X] / E[X]², the quantity in
    /// the Pollaczek–Khinchine and Kingman formulas (1 for exponential).
    public var squaredCoefficientOfVariation: Double { variance / (mean * mean) }

    /// The cumulative distribution function P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        switch kind {
        case .deterministic(let v): return x < v ? 0 : 1
        case .uniform(let a, let b): return x <= a ? 0 : (x >= b ? 1 : (x - a) / (b - a))
        case .exponential(let m): return x <= 0 ? 0 : gsl_cdf_exponential_P(x, m)
        case .normal(let m, let sd): return gsl_cdf_gaussian_P(x - m, sd)
        case .lognormal(let mu, let sigma): return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, mu, sigma)
        case .gamma(let k, let theta): return x <= 0 ? 0 : gsl_cdf_gamma_P(x, k, theta)
        case .weibull(let k, let lambda): return x <= 0 ? 0 : gsl_cdf_weibull_P(x, lambda, k)
        case .pareto(let alpha, let xm): return x < xm ? 0 : gsl_cdf_pareto_P(x, alpha, xm)
        case .poisson(let m): return x < 0 ? 0 : gsl_cdf_poisson_P(UInt32(min(x, Double(UInt32.max)).rounded(.down)), m)
        case .binomial(let n, let p):
            return x < 0 ? 0 : gsl_cdf_binomial_P(UInt32(min(x, Double(n)).rounded(.down)), p, n)
        case .empirical(let t): return t.cdf(x)
        case .histogram(let t): return t.cdf(x)
        case .discrete(let t): return t.cdf(x)
        case .mixture(let t):
            return min(1, zip(t.components, t.alias.probabilities).reduce(0) { $0 + $1.1 * $1.0.cdf(x) })
        }
    }

    /// The quantile function F⁻¹(p) for the continuous families that have a
    /// closed form or a GSL inverse; `nil` for discrete, tabled and mixture kinds.
    /// - Precondition: `0 < p < 1`.
    public func quantile(_ p: Double) -> Double? {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1, got \(p)")
        switch kind {
        case .deterministic(let v): return v
        case .uniform(let a, let b): return a + (b - a) * p
        case .exponential(let m): return gsl_cdf_exponential_Pinv(p, m)
        case .normal(let m, let sd): return m + gsl_cdf_gaussian_Pinv(p, sd)
        case .lognormal(let mu, let sigma): return gsl_cdf_lognormal_Pinv(p, mu, sigma)
        case .gamma(let k, let theta): return gsl_cdf_gamma_Pinv(p, k, theta)
        case .weibull(let k, let lambda): return gsl_cdf_weibull_Pinv(p, lambda, k)
        case .pareto(let alpha, let xm): return gsl_cdf_pareto_Pinv(p, alpha, xm)
        case .poisson, .binomial, .empirical, .histogram, .discrete, .mixture: return nil
        }
    }
}
