/// End-to-end sojourn of a tandem line of M/M/1 stations (a Jackson line).
///
/// By Burke's theorem every station of the line sees Poisson arrivals at λ,
/// and by Reich's theorem (1957) a customer's sojourn times at successive
/// single-server FCFS stations are independent, each exponential with rate
/// θᵢ = μᵢ − λ. The total is hypoexponential: for distinct rates,
///
///     P(T > t) = Σᵢ e^{−θᵢ t} Πⱼ≠ᵢ θⱼ / (θⱼ − θᵢ).
///
/// The alternating sum loses precision when two rates are close, so the
/// functions answer `nil` unless the rates differ by at least 0.1% of the
/// larger one (and there are at most 10 stations).

import Foundation
import Variates

extension QueueingFormulas {
    /// P(T > t) for the end-to-end sojourn T of a line of M/M/1 stations
    /// with service rates `serviceRates` fed at `arrivalRate`, or `nil`
    /// when a station is unstable or the rates are too close (see above).
    public static func tandemMM1SojournTail(_ t: Double, arrivalRate: Double, serviceRates: [Double]) -> Double? {
        guard let theta = tandemRates(arrivalRate: arrivalRate, serviceRates: serviceRates) else { return nil }
        if t <= 0 { return 1 }
        var total = 0.0
        for i in theta.indices {
            var weight = 1.0
            for j in theta.indices where j != i { weight *= theta[j] / (theta[j] - theta[i]) }
            total += weight * Foundation.exp(-theta[i] * t)
        }
        return Swift.min(1, Swift.max(0, total))
    }

    /// The `p`-quantile of the end-to-end sojourn of an M/M/1 line, seconds.
    /// - Returns: `nil` when ``tandemMM1SojournTail(_:arrivalRate:serviceRates:)`` is.
    public static func tandemMM1SojournQuantile(_ p: Double, arrivalRate: Double, serviceRates: [Double]) -> Double? {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1, got \(p)")
        guard let theta = tandemRates(arrivalRate: arrivalRate, serviceRates: serviceRates) else { return nil }
        if theta.count == 1 { return -Foundation.log1p(-p) / theta[0] }
        let target = 1 - p
        let gap = { (t: Double) in tandemMM1SojournTail(t, arrivalRate: arrivalRate, serviceRates: serviceRates)! - target }
        var upper = theta.reduce(0) { $0 + 1 / $1 }
        while gap(upper) > 0 { upper *= 2 }
        return try? BrentSolver.root(in: 0...upper, tolerance: 1e-10, parameter: "quantile", gap)
    }

    /// θᵢ = μᵢ − λ, or `nil` for an unstable station, too many stations or close rates.
    static func tandemRates(arrivalRate: Double, serviceRates: [Double]) -> [Double]? {
        guard !serviceRates.isEmpty, serviceRates.count <= 10 else { return nil }
        let theta = serviceRates.map { $0 - arrivalRate }
        guard theta.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        for i in theta.indices {
            for j in theta.indices where j > i {
                if Swift.abs(theta[i] - theta[j]) < 1e-3 * Swift.max(theta[i], theta[j]) { return nil }
            }
        }
        return theta
    }
}
