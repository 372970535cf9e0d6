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

    /// The family and its parameters, for moments, CDFs and descriptions.
    @usableFromInline let kind: Kind
    /// The sampling state, flattened from `kind` so that ``sample(_:)``
    /// switches on one byte and reads two doubles, never copying an enum
    /// payload (which cost ~17 ns per draw through retain/release).
    @usableFromInline let family: Family
    @usableFromInline let first: Double
    @usableFromInline let second: Double
    @usableFromInline let table: SamplingTable?
    /// A canonical text form, parseable by ``parse(_:)``, e.g. `exp(mean=0.5)`.
    public let description: String

    /// How ``sample(_:)`` draws; the table kinds share one case.
    @usableFromInline
    enum Family: UInt8, Sendable {
        case deterministic, uniform, exponential, normal, lognormal, gamma, weibull, pareto, poisson, binomial, table
    }

    @usableFromInline
    init(_ kind: Kind, _ description: String) {
        GSL.configure()
        self.kind = kind
        self.description = description
        switch kind {
        case .deterministic(let v): (family, first, second, table) = (.deterministic, v, 0, nil)
        case .uniform(let a, let b): (family, first, second, table) = (.uniform, a, b, nil)
        case .exponential(let m): (family, first, second, table) = (.exponential, m, 0, nil)
        case .normal(let m, let sd): (family, first, second, table) = (.normal, m, sd, nil)
        case .lognormal(let mu, let sigma): (family, first, second, table) = (.lognormal, mu, sigma, nil)
        case .gamma(let k, let theta): (family, first, second, table) = (.gamma, k, theta, nil)
        case .weibull(let k, let lambda): (family, first, second, table) = (.weibull, k, lambda, nil)
        case .pareto(let alpha, let xm): (family, first, second, table) = (.pareto, alpha, xm, nil)
        case .poisson(let m): (family, first, second, table) = (.poisson, m, 0, nil)
        case .binomial(let n, let p): (family, first, second, table) = (.binomial, Double(n), p, nil)
        case .empirical(let t): (family, first, second, table) = (.table, 0, 0, t)
        case .histogram(let t): (family, first, second, table) = (.table, 0, 0, t)
        case .discrete(let t): (family, first, second, table) = (.table, 0, 0, t)
        case .mixture(let t): (family, first, second, table) = (.table, 0, 0, t)
        }
    }

    /// One draw from this distribution using `stream`.
    /// - Complexity: O(1) for every kind.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        switch family {
        case .exponential: return stream.exponential(mean: first)
        case .deterministic: return first
        case .uniform: return first + (second - first) * stream.uniform()
        case .normal: return first + gsl_ran_gaussian_ziggurat(stream.gsl, second)
        case .lognormal: return Foundation.exp(first + gsl_ran_gaussian_ziggurat(stream.gsl, second))
        case .gamma: return gsl_ran_gamma(stream.gsl, first, second)
        case .weibull: return gsl_ran_weibull(stream.gsl, second, first)
        case .pareto: return gsl_ran_pareto(stream.gsl, first, second)
        case .poisson: return Double(gsl_ran_poisson(stream.gsl, first))
        case .binomial: return Double(gsl_ran_binomial(stream.gsl, second, UInt32(first)))
        case .table: return table.unsafelyUnwrapped.sample(stream)
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

/// The common base of the table kinds: one dynamic dispatch per draw, no
/// retain (the table is immutable and owned by the distribution).
@usableFromInline
class SamplingTable: @unchecked Sendable {
    @usableFromInline
    func sample(_ stream: RandomStream) -> Double {
        preconditionFailure("SamplingTable.sample must be overridden")
    }
}

/// Resampling from observed values: each draw is one of the samples, chosen
/// uniformly. Mean and variance are those of the samples themselves
/// (population variance), which is exactly this distribution's.
@usableFromInline
final class EmpiricalTable: SamplingTable, @unchecked Sendable {
    /// The samples, sorted ascending (for the CDF).
    let sorted: [Double]
    @usableFromInline let values: [Double]

    init(samples: [Double]) {
        values = samples
        sorted = samples.sorted()
    }

    @usableFromInline
    override func sample(_ stream: RandomStream) -> Double {
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
final class HistogramTable: SamplingTable, @unchecked Sendable {
    let edges: [Double]
    let alias: AliasTable

    init(edges: [Double], alias: AliasTable) {
        self.edges = edges
        self.alias = alias
    }

    @usableFromInline
    override func sample(_ stream: RandomStream) -> Double {
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
final class DiscreteTable: SamplingTable, @unchecked Sendable {
    let values: [Double]
    let alias: AliasTable

    init(values: [Double], alias: AliasTable) {
        self.values = values
        self.alias = alias
    }

    @usableFromInline
    override func sample(_ stream: RandomStream) -> Double {
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
final class MixtureTable: SamplingTable, @unchecked Sendable {
    let components: [Distribution]
    let alias: AliasTable

    init(components: [Distribution], alias: AliasTable) {
        self.components = components
        self.alias = alias
    }

    @usableFromInline
    override func sample(_ stream: RandomStream) -> Double {
        components[alias.sample(stream)].sample(stream)
    }
}
