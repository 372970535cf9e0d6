/// The validated constructors of ``Distribution``.
///
/// Every factory checks its parameters and throws a ``VariatesError`` naming
/// the parameter, so that bad input never reaches GSL (whose failures would
/// otherwise abort or return NaN).

import Foundation

extension Distribution {
    /// Always `value`.
    public static func deterministic(_ value: Double) throws -> Distribution {
        try VariatesError.requireFinite(value, "value")
        return Distribution(.deterministic(value), "fixed(\(fmt(value)))")
    }

    /// Uniform on [low, high).
    public static func uniform(low: Double, high: Double) throws -> Distribution {
        try VariatesError.requireFinite(low, "low")
        try VariatesError.requireFinite(high, "high")
        guard high > low else {
            throw VariatesError(parameter: "high", "must be greater than low (\(fmt(low))), got \(fmt(high))")
        }
        return Distribution(.uniform(low: low, high: high), "uniform(low=\(fmt(low)), high=\(fmt(high)))")
    }

    /// Exponential with the given mean (1/rate).
    public static func exponential(mean: Double) throws -> Distribution {
        try VariatesError.requirePositive(mean, "mean")
        return Distribution(.exponential(mean: mean), "exp(mean=\(fmt(mean)))")
    }

    /// Exponential with the given rate (events per unit time).
    public static func exponential(rate: Double) throws -> Distribution {
        try VariatesError.requirePositive(rate, "rate")
        return try exponential(mean: 1 / rate)
    }

    /// Normal with mean and standard deviation (may produce negative values).
    public static func normal(mean: Double, sd: Double) throws -> Distribution {
        try VariatesError.requireFinite(mean, "mean")
        try VariatesError.requirePositive(sd, "sd")
        return Distribution(.normal(mean: mean, sd: sd), "normal(mean=\(fmt(mean)), sd=\(fmt(sd)))")
    }

    /// Lognormal: `exp(N(mu, sigma²))`.
    public static func lognormal(mu: Double, sigma: Double) throws -> Distribution {
        try VariatesError.requireFinite(mu, "mu")
        try VariatesError.requirePositive(sigma, "sigma")
        return Distribution(.lognormal(mu: mu, sigma: sigma), "lognormal(mu=\(fmt(mu)), sigma=\(fmt(sigma)))")
    }

    /// Lognormal with the given mean and standard deviation of the variate itself.
    public static func lognormal(mean: Double, sd: Double) throws -> Distribution {
        try VariatesError.requirePositive(mean, "mean")
        try VariatesError.requirePositive(sd, "sd")
        let sigma2 = Foundation.log(1 + (sd * sd) / (mean * mean))
        return try lognormal(mu: Foundation.log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
    }

    /// Gamma with shape k and scale θ (mean kθ).
    public static func gamma(shape: Double, scale: Double) throws -> Distribution {
        try VariatesError.requirePositive(shape, "shape")
        try VariatesError.requirePositive(scale, "scale")
        return Distribution(.gamma(shape: shape, scale: scale), "gamma(shape=\(fmt(shape)), scale=\(fmt(scale)))")
    }

    /// Erlang-k: the sum of k exponentials, each with rate `rate`.
    public static func erlang(k: Int, rate: Double) throws -> Distribution {
        guard k >= 1 else { throw VariatesError(parameter: "k", "must be a whole number of at least 1, got \(k)") }
        try VariatesError.requirePositive(rate, "rate")
        return try gamma(shape: Double(k), scale: 1 / rate)
    }

    /// Weibull with shape k and scale λ: `F(x) = 1 − exp(−(x/λ)^k)`.
    public static func weibull(shape: Double, scale: Double) throws -> Distribution {
        try VariatesError.requirePositive(shape, "shape")
        try VariatesError.requirePositive(scale, "scale")
        return Distribution(.weibull(shape: shape, scale: scale), "weibull(shape=\(fmt(shape)), scale=\(fmt(scale)))")
    }

    /// Pareto (type I) with shape α and scale x_m: `F(x) = 1 − (x_m/x)^α` for x ≥ x_m.
    public static func pareto(shape: Double, scale: Double) throws -> Distribution {
        try VariatesError.requirePositive(shape, "shape")
        try VariatesError.requirePositive(scale, "scale")
        return Distribution(.pareto(shape: shape, scale: scale), "pareto(shape=\(fmt(shape)), scale=\(fmt(scale)))")
    }

    /// Poisson counts with the given mean.
    public static func poisson(mean: Double) throws -> Distribution {
        try VariatesError.requirePositive(mean, "mean")
        return Distribution(.poisson(mean: mean), "poisson(mean=\(fmt(mean)))")
    }

    /// Binomial: successes in `trials` independent trials with probability `p`.
    public static func binomial(trials: Int, p: Double) throws -> Distribution {
        guard trials >= 1, trials <= Int(UInt32.max) else {
            throw VariatesError(parameter: "n", "must be a whole number from 1 to \(UInt32.max), got \(trials)")
        }
        guard p.isFinite, p >= 0, p <= 1 else {
            throw VariatesError(parameter: "p", "must be a probability from 0 to 1, got \(p)")
        }
        return Distribution(.binomial(trials: UInt32(trials), p: p), "binomial(n=\(trials), p=\(fmt(p)))")
    }

    /// Resampling from observed values (each draw is one of them, uniformly).
    public static func empirical(samples: [Double]) throws -> Distribution {
        guard !samples.isEmpty else { throw VariatesError(parameter: "samples", "needs at least one value") }
        for (i, x) in samples.enumerated() where !x.isFinite {
            throw VariatesError(parameter: "samples", "value \(i + 1) must be a finite number, got \(x)")
        }
        return Distribution(.empirical(EmpiricalTable(samples: samples)), "empirical(samples=\(list(samples)))")
    }

    /// A histogram with `edges.count − 1` bins: bin i spans [edges[i], edges[i+1])
    /// and has weight `weights[i]`; values are uniform inside a bin.
    public static func histogram(edges: [Double], weights: [Double]) throws -> Distribution {
        guard edges.count >= 2 else { throw VariatesError(parameter: "edges", "needs at least two edges (one bin)") }
        guard weights.count == edges.count - 1 else {
            throw VariatesError(parameter: "weights", "needs one weight per bin: \(edges.count - 1) for \(edges.count) edges, got \(weights.count)")
        }
        for i in 0..<(edges.count - 1) where !(edges[i].isFinite && edges[i + 1].isFinite && edges[i] < edges[i + 1]) {
            throw VariatesError(parameter: "edges", "must be finite and strictly increasing (edge \(i + 1) = \(edges[i]), edge \(i + 2) = \(edges[i + 1]))")
        }
        let alias = try AliasTable(weights: weights)
        return Distribution(.histogram(HistogramTable(edges: edges, alias: alias)),
                            "histogram(edges=\(list(edges)), weights=\(list(weights)))")
    }

    /// Arbitrary values with arbitrary non-negative weights (GSL alias table).
    public static func discrete(values: [Double], weights: [Double]) throws -> Distribution {
        guard values.count == weights.count else {
            throw VariatesError(parameter: "weights", "needs one weight per value: \(values.count) values, got \(weights.count) weights")
        }
        for (i, v) in values.enumerated() where !v.isFinite {
            throw VariatesError(parameter: "values", "value \(i + 1) must be a finite number, got \(v)")
        }
        let alias = try AliasTable(weights: weights)
        return Distribution(.discrete(DiscreteTable(values: values, alias: alias)),
                            "discrete(values=\(list(values)), weights=\(list(weights)))")
    }

    /// Zipf over ranks 1…N with exponent s: P(k) ∝ 1 / k^s (s = 0 is uniform).
    /// Draws are ranks as numbers; ``ZipfKeys`` gives them as integer keys.
    public static func zipf(keys: Int, exponent: Double) throws -> Distribution {
        let weights = try ZipfKeys.weights(keys: keys, exponent: exponent)
        let alias = try AliasTable(weights: weights)
        let values = (1...keys).map(Double.init)
        return Distribution(.discrete(DiscreteTable(values: values, alias: alias)), "zipf(n=\(keys), s=\(fmt(exponent)))")
    }

    /// A finite mixture: component i is drawn with probability ∝ `weights[i]`.
    public static func mixture(_ components: [Distribution], weights: [Double]) throws -> Distribution {
        guard !components.isEmpty else { throw VariatesError(parameter: "of", "needs at least one component") }
        guard components.count == weights.count else {
            throw VariatesError(parameter: "weights", "needs one weight per component: \(components.count) components, got \(weights.count) weights")
        }
        let alias = try AliasTable(weights: weights)
        let text = "mixture(weights=\(list(weights)), of=[\(components.map(\.description).joined(separator: ", "))])"
        return Distribution(.mixture(MixtureTable(components: components, alias: alias)), text)
    }

    /// Hyper-exponential: with probability ∝ `weights[i]`, exponential with mean `means[i]`.
    /// Its squared coefficient of variation is ≥ 1: bursty service.
    public static func hyperExponential(means: [Double], weights: [Double]) throws -> Distribution {
        guard means.count >= 1 else { throw VariatesError(parameter: "means", "needs at least one mean") }
        let components = try means.enumerated().map { index, mean -> Distribution in
            do { return try exponential(mean: mean) } catch let error as VariatesError {
                throw VariatesError(parameter: "means", "mean \(index + 1): \(error.message)")
            }
        }
        return try mixture(components, weights: weights)
    }
}

/// Shortest round-trip text for a number (`0.5`, `1e-06`, `3`).
func fmt(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

func list(_ xs: [Double]) -> String { "[" + xs.map(fmt).joined(separator: ", ") + "]" }
