/// Sojourn-time (wait + service) quantiles and the utilization at which a
/// quantile crosses a latency target, for M/M/1 (closed form) and M/M/c
/// (root finding with Brent's method).
///
/// M/M/c sojourn tail (Gross et al., §2.3): with θ = cμ − λ and C = Erlang C,
///
///     P(W > t) = (1 − C) e^{−μt} + C · e^{−μt} (1 + μ (1 − e^{−(θ−μ)t}) / (θ − μ))
///
/// (the second term is P(Exp(θ) + Exp(μ) > t), written with `expm1` so it
/// stays exact as θ → μ, where it tends to (1 + μt) e^{−μt}).

import Foundation
import Variates

extension QueueingFormulas {
    /// P(W > t) for M/M/c: probability that an arrival spends more than `t` seconds in the stage.
    /// - Returns: `nil` when ρ ≥ 1.
    public static func mmcSojournTail(_ t: Double, arrivalRate: Double, serviceRate mu: Double, servers: Int) -> Double? {
        guard let m = mmc(arrivalRate: arrivalRate, serviceRate: mu, servers: servers).metrics else { return nil }
        if t <= 0 { return 1 }
        let c = m.probabilityOfWait
        let theta = Double(servers) * mu - arrivalRate
        let delta = theta - mu
        let h = Swift.abs(delta * t) < 1e-12 ? t : -Foundation.expm1(-delta * t) / delta
        let base = Foundation.exp(-mu * t)
        return (1 - c) * base + c * base * (1 + mu * h)
    }

    /// The `p`-quantile of the M/M/c sojourn time in seconds (p = 0.99 for p99).
    /// - Returns: `nil` when ρ ≥ 1 (no steady state).
    /// - Complexity: O(c) plus a Brent search of ~50 tail evaluations.
    public static func mmcSojournQuantile(_ p: Double, arrivalRate: Double, serviceRate: Double, servers: Int) -> Double? {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1, got \(p)")
        guard mmc(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers).metrics != nil else { return nil }
        if servers == 1 { return mm1SojournQuantile(p, arrivalRate: arrivalRate, serviceRate: serviceRate) }
        let target = 1 - p
        let tail = { (t: Double) in
            mmcSojournTail(t, arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers)! - target
        }
        var upper = 1 / serviceRate
        while tail(upper) > 0 { upper *= 2 }
        return try? BrentSolver.root(in: 0...upper, tolerance: 1e-10, parameter: "quantile", tail)
    }

    /// The `p`-quantile of the M/M/1 sojourn time: W ~ Exp(μ − λ), so t_p = −ln(1 − p) / (μ − λ).
    /// - Returns: `nil` when ρ ≥ 1.
    public static func mm1SojournQuantile(_ p: Double, arrivalRate: Double, serviceRate: Double) -> Double? {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1, got \(p)")
        guard arrivalRate < serviceRate else { return nil }
        return -Foundation.log1p(-p) / (serviceRate - arrivalRate)
    }

    /// The utilization at which the M/M/1 sojourn `p`-quantile equals `target` seconds:
    /// ρ* = 1 + ln(1 − p) / (μ T). Below ρ* the quantile is under the target.
    /// - Returns: `nil` when even an idle stage misses the target (ρ* ≤ 0:
    ///   the service time alone exceeds it).
    public static func mm1UtilizationForSojournQuantile(_ p: Double, target: Double, serviceRate: Double) -> Double? {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1, got \(p)")
        precondition(target > 0 && serviceRate > 0, "target and service rate must be > 0")
        let rho = 1 + Foundation.log1p(-p) / (serviceRate * target)
        return rho > 0 ? rho : nil
    }

    /// The utilization at which the M/M/c sojourn `p`-quantile equals `target` seconds,
    /// found with Brent's method on ρ ∈ (0, 1) (the quantile increases with ρ).
    /// - Returns: `nil` when even an idle stage misses the target.
    /// - Complexity: ~40 quantile evaluations, each O(c) plus a Brent search.
    public static func mmcUtilizationForSojournQuantile(_ p: Double, target: Double, serviceRate: Double, servers: Int) -> Double? {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1, got \(p)")
        precondition(target > 0 && serviceRate > 0, "target and service rate must be > 0")
        if servers == 1 { return mm1UtilizationForSojournQuantile(p, target: target, serviceRate: serviceRate) }
        let capacity = Double(servers) * serviceRate
        let gap = { (rho: Double) -> Double in
            // Rounding can push λ / (c μ) to 1 at the top of the bracket: treat as "far above".
            (mmcSojournQuantile(p, arrivalRate: rho * capacity, serviceRate: serviceRate, servers: servers)
                ?? Double.greatestFiniteMagnitude) - target
        }
        let low = 1e-9, high = 1 - 1e-9
        guard gap(low) < 0 else { return nil }
        guard gap(high) > 0 else { return high }
        return try? BrentSolver.root(in: low...high, tolerance: 1e-10, parameter: "utilization", gap)
    }
}
