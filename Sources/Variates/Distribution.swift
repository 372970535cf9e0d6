/// Probability distributions that know their own moments.
///
/// A ``Distribution`` is a validated, immutable value: it is built by one of
/// the throwing factories (``exponential(mean:)``, ``lognormal(mu:sigma:)``,
/// ``lognormal(percentiles:_:)``, ...) or parsed from text by
/// ``Distribution/parse(_:)``, and then only sampled. Each carries its
/// analytic ``mean``, ``variance`` and ``cdf(_:)`` so that tests (and the
/// "analytic" column of reports) compare every sampler with its own theory,
/// the way Ciw does.
///
/// Sampling is a `switch` over a closed set of kinds (no existential, no
/// allocation): the hot kinds (deterministic, uniform, exponential) are inline
/// Swift; the others call GSL's samplers on the same ``RandomStream``.

import CGSL
import Foundation

/// A validated probability distribution over real numbers.
public struct Distribution: Sendable, CustomStringConvertible {
    /// The closed set of distribution families.
    @usableFromInline
    enum Kind: Sendable {
        case deterministic(Double)
        case uniform(low: Double, high: Double)
        case exponential(mean: Double)
        case normal(mean: Double, sd: Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(shape: Double, scale: Double)
        case pareto(shape: Double, scale: Double)
        case poisson(mean: Double)
        case binomial(trials: UInt32, p: Double)
        case empirical(EmpiricalTable)
        case histogram(HistogramTable)
        case discrete(DiscreteTable)
        case mixture(MixtureTable)
    }

    @usableFromInline let kind: Kind
    /// A canonical text form, parseable by ``parse(_:)``, e.g. `exp(mean=0.5)`.
    public let description: String

    @usableFromInline
    init(_ kind: Kind, _ description: String) {
        GSL.configure()
        self.kind = kind
        self.description = description
    }

    /// One draw from this distribution using `stream`.
    /// - Complexity: O(1) for every kind but ``empirical(samples:)``'s CDF;
    ///   sampling itself is O(1) for all kinds.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        switch kind {
        case .exponential(let mean):
            return stream.exponential(mean: mean)
        case .deterministic(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * stream.uniform()
        case .normal(let mean, let sd):
            return mean + gsl_ran_gaussian_ziggurat(stream.gsl, sd)
        case .lognormal(let mu, let sigma):
            return Foundation.exp(mu + gsl_ran_gaussian_ziggurat(stream.gsl, sigma))
        case .gamma(let shape, let scale):
            return gsl_ran_gamma(stream.gsl, shape, scale)
        case .weibull(let shape, let scale):
            return gsl_ran_weibull(stream.gsl, scale, shape)
        case .pareto(let shape, let scale):
            return gsl_ran_pareto(stream.gsl, shape, scale)
        case .poisson(let mean):
            return Double(gsl_ran_poisson(stream.gsl, mean))
        case .binomial(let trials, let p):
            return Double(gsl_ran_binomial(stream.gsl, p, trials))
        case .empirical(let table):
            return table.sample(stream)
        case .histogram(let table):
            return table.sample(stream)
        case .discrete(let table):
            return table.sample(stream)
        case .mixture(let table):
            return table.sample(stream)
        }
    }

    /// `true` when every draw is the same number.
    public var isDeterministic: Bool {
        if case .deterministic = kind { return true }
        return false
    }

    /// `true` for the exponential family (memoryless; M in Kendall notation).
    public var isExponential: Bool {
        if case .exponential = kind { return true }
        return false
    }
}

// MARK: - Tables for the kinds that carry data

/// Resampling from observed values: each draw is one of the samples, chosen
/// uniformly. Mean and variance are those of the samples themselves
/// (population variance), which is exactly this distribution's.
@usableFromInline
final class EmpiricalTable: Sendable {
    /// The samples, sorted ascending (for the CDF).
    let sorted: [Double]
    @usableFromInline let values: [Double]

    init(samples: [Double]) {
        values = samples
        sorted = samples.sorted()
    }

    @usableFromInline
    func sample(_ stream: RandomStream) -> Double {
        values[Int(stream.uniformInt(below: UInt64(values.count)))]
    }

    /// Fraction of samples at most `x`. - Complexity: O(log n).
    func cdf(_ x: Double) -> Double {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return Double(low) / Double(sorted.count)
    }
}

/// A histogram: a bin is chosen by its weight (alias table), then a value
/// uniformly inside the bin, like GSL's `gsl_histogram_pdf_sample`.
@usableFromInline
final class HistogramTable: Sendable {
    let edges: [Double]
    let alias: AliasTable

    init(edges: [Double], alias: AliasTable) {
        self.edges = edges
        self.alias = alias
    }

    @usableFromInline
    func sample(_ stream: RandomStream) -> Double {
        let bin = alias.sample(stream)
        return edges[bin] + (edges[bin + 1] - edges[bin]) * stream.uniform()
    }

    func cdf(_ x: Double) -> Double {
        if x >= edges[edges.count - 1] { return 1 }
        var total = 0.0
        for (bin, p) in alias.probabilities.enumerated() {
            let low = edges[bin], high = edges[bin + 1]
            if x >= high { total += p } else if x > low { total += p * (x - low) / (high - low) }
        }
        return min(total, 1)
    }
}

/// Arbitrary values with arbitrary weights, sampled by an alias table.
@usableFromInline
final class DiscreteTable: Sendable {
    let values: [Double]
    let alias: AliasTable

    init(values: [Double], alias: AliasTable) {
        self.values = values
        self.alias = alias
    }

    @usableFromInline
    func sample(_ stream: RandomStream) -> Double {
        values[alias.sample(stream)]
    }

    func cdf(_ x: Double) -> Double {
        if x >= values.max()! { return 1 }
        var total = 0.0
        for (value, p) in zip(values, alias.probabilities) where value <= x { total += p }
        return min(total, 1)
    }
}

/// A finite mixture: a component is chosen by weight, then sampled.
@usableFromInline
final class MixtureTable: Sendable {
    let components: [Distribution]
    let alias: AliasTable

    init(components: [Distribution], alias: AliasTable) {
        self.components = components
        self.alias = alias
    }

    @usableFromInline
    func sample(_ stream: RandomStream) -> Double {
        components[alias.sample(stream)].sample(stream)
    }
}
