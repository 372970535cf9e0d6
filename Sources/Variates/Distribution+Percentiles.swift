/// Distributions given the way engineers know a latency: by two percentiles.
///
/// "p50 = 2 ms, p99 = 20 ms" fixes a two-parameter family:
/// - lognormal in closed form: σ = (ln x_b − ln x_a) / (z_b − z_a) and
///   μ = ln x_a − σ z_a, with z the standard normal quantiles (GSL);
/// - gamma by solving for the shape k whose quantile ratio
///   Q(p_b; k) / Q(p_a; k) equals x_b / x_a (GSL's Brent solver on ln k; the
///   ratio falls monotonically from ∞ to 1 as k grows), then the scale
///   θ = x_a / Q(p_a; k, 1).

import CGSL
import Foundation

/// A percentile of a distribution: `P(X ≤ value) = probability`.
public struct Percentile: Sendable, Equatable {
    /// The probability, strictly between 0 and 1 (0.99 for p99).
    public let probability: Double
    /// The value at that probability (a latency in seconds, say).
    public let value: Double
    /// The name used in errors, e.g. `p99`.
    public let name: String

    /// A percentile; `name` defaults to `pNN` from the probability.
    public init(_ probability: Double, _ value: Double, name: String? = nil) {
        self.probability = probability
        self.value = value
        self.name = name ?? Percentile.label(probability)
    }

    /// `0.99` → `p99`, `0.999` → `p99.9`, `0.5` → `p50`.
    static func label(_ p: Double) -> String {
        var text = String(format: "%.6f", p * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return "p" + text
    }
}

extension Distribution {
    /// The lognormal distribution through two percentiles.
    /// - Throws: when a probability is not in (0, 1), a value is not positive,
    ///   or the higher percentile's value is not above the lower one's.
    public static func lognormal(percentiles a: Percentile, _ b: Percentile) throws -> Distribution {
        let (lo, hi) = try ordered(a, b)
        let za = Quantile.standardNormal(lo.probability), zb = Quantile.standardNormal(hi.probability)
        let sigma = (Foundation.log(hi.value) - Foundation.log(lo.value)) / (zb - za)
        let mu = Foundation.log(lo.value) - sigma * za
        let base = try lognormal(mu: mu, sigma: sigma)
        return Distribution(base.kind, "lognormal(\(lo.name)=\(fmt(lo.value)), \(hi.name)=\(fmt(hi.value)))")
    }

    /// The gamma distribution through two percentiles.
    /// - Throws: as ``lognormal(percentiles:_:)``, and when the ratio of the
    ///   two values is outside what a gamma distribution can have
    ///   (shape between 0.05 and 10,000).
    public static func gamma(percentiles a: Percentile, _ b: Percentile) throws -> Distribution {
        GSL.configure()
        let (lo, hi) = try ordered(a, b)
        let target = Foundation.log(hi.value / lo.value)
        var params = GammaRatio(pa: lo.probability, pb: hi.probability, target: target)
        // GSL's gamma inverse returns NaN for very small shapes at low
        // probabilities: start the bracket at the first shape (0.05, 0.1,
        // 0.2, ...) where it answers.
        var lower = Foundation.log(0.05)
        var fLower = GammaRatio.evaluate(lower, &params)
        while !fLower.isFinite, lower < 0 {
            lower += Foundation.log(2.0)
            fLower = GammaRatio.evaluate(lower, &params)
        }
        let upper = Foundation.log(1e4)
        let fUpper = GammaRatio.evaluate(upper, &params)
        guard fLower.isFinite, fUpper.isFinite, fLower > 0, fUpper < 0 else {
            throw VariatesError(parameter: hi.name,
                "\(hi.name)/\(lo.name) = \(fmt(hi.value / lo.value)) cannot be matched by a gamma distribution (its shape would have to leave 0.05…10000); try lognormal")
        }
        let logShape = try withUnsafeMutablePointer(to: &params) { pointer in
            try BrentSolver.root(in: lower...upper, parameter: hi.name) { x in GammaRatio.evaluate(x, &pointer.pointee) }
        }
        let shape = Foundation.exp(logShape)
        let scale = lo.value / gsl_cdf_gamma_Pinv(lo.probability, shape, 1)
        let base = try gamma(shape: shape, scale: scale)
        return Distribution(base.kind, "gamma(\(lo.name)=\(fmt(lo.value)), \(hi.name)=\(fmt(hi.value)))")
    }

    /// Validates two percentiles and returns them lower probability first.
    private static func ordered(_ a: Percentile, _ b: Percentile) throws -> (Percentile, Percentile) {
        for p in [a, b] {
            try VariatesError.requireOpenProbability(p.probability, p.name)
            try VariatesError.requirePositive(p.value, p.name)
        }
        guard a.probability != b.probability else {
            throw VariatesError(parameter: b.name, "two different percentiles are needed, got \(a.name) twice")
        }
        let (lo, hi) = a.probability < b.probability ? (a, b) : (b, a)
        guard hi.value > lo.value else {
            throw VariatesError(parameter: hi.name,
                "must be greater than \(lo.name) (\(fmt(lo.value))), got \(fmt(hi.value))")
        }
        return (lo, hi)
    }
}

/// f(ln k) = ln Q(p_b; k) − ln Q(p_a; k) − target, decreasing in k.
struct GammaRatio {
    let pa: Double
    let pb: Double
    let target: Double

    static func evaluate(_ logShape: Double, _ p: inout GammaRatio) -> Double {
        let k = Foundation.exp(logShape)
        return Foundation.log(gsl_cdf_gamma_Pinv(p.pb, k, 1)) - Foundation.log(gsl_cdf_gamma_Pinv(p.pa, k, 1)) - p.target
    }
}
