/// Closed-form queueing formulas for one stage: M/M/1, M/M/c (Erlang C),
/// M/D/1 and M/G/1 (Pollaczek–Khinchine), and Kingman's G/G/1 approximation.
///
/// Rates are per second and times in seconds. Every formula returns
/// ``QueueResult/unstable(utilization:)`` when ρ ≥ 1 rather than a number.
/// References: Kleinrock, *Queueing Systems* vol. 1 (1975), §3.2–3.4 and
/// §5.6; Gross, Shortle, Thompson & Harris, *Fundamentals of Queueing
/// Theory* (4th ed.), §2.3 (M/M/c), §5.1 (P–K); Kingman, "The single server
/// queue in heavy traffic", Proc. Camb. Phil. Soc. 57 (1961).

import Foundation

/// Steady-state formulas for single queueing stages.
public enum QueueingFormulas {
    /// M/M/1: Poisson arrivals at `arrivalRate`, exponential service at `serviceRate`.
    ///
    /// ρ = λ/μ, P(wait) = ρ, Wq = ρ / (μ − λ), W = 1 / (μ − λ).
    /// - Precondition: rates are finite, λ ≥ 0, μ > 0.
    public static func mm1(arrivalRate: Double, serviceRate: Double) -> QueueResult {
        mmc(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: 1)
    }

    /// M/M/c: Poisson arrivals, `servers` identical exponential servers.
    ///
    /// a = λ/μ (offered load, Erlangs), ρ = a/c, P(wait) = Erlang C(c, a),
    /// Wq = C / (c μ − λ).
    /// - Complexity: O(c), through ``erlangC(servers:offeredLoad:)``.
    public static func mmc(arrivalRate: Double, serviceRate: Double, servers: Int) -> QueueResult {
        precondition(arrivalRate.isFinite && arrivalRate >= 0, "arrival rate must be finite and ≥ 0, got \(arrivalRate)")
        precondition(serviceRate.isFinite && serviceRate > 0, "service rate must be finite and > 0, got \(serviceRate)")
        precondition(servers >= 1, "an M/M/c stage needs at least one server, got \(servers)")
        let load = arrivalRate / serviceRate
        let rho = load / Double(servers)
        guard rho < 1 else { return .unstable(utilization: rho) }
        let c = erlangC(servers: servers, offeredLoad: load)
        let wait = arrivalRate == 0 ? 0 : c / (Double(servers) * serviceRate - arrivalRate)
        return .stable(QueueMetrics(arrivalRate: arrivalRate, meanService: 1 / serviceRate,
                                    utilization: rho, probabilityOfWait: c, meanWait: wait))
    }

    /// Erlang B, the blocking probability of an M/M/c/c loss system, by the
    /// recurrence B(0) = 1, B(k) = a B(k−1) / (k + a B(k−1)).
    ///
    /// The recurrence only multiplies and divides numbers in [0, 1] and k,
    /// so it neither overflows nor loses precision for thousands of servers
    /// (no factorials, no powers of a).
    /// - Complexity: O(c).
    public static func erlangB(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 0, "servers must be ≥ 0, got \(servers)")
        precondition(a.isFinite && a >= 0, "offered load must be finite and ≥ 0, got \(a)")
        var b = 1.0
        if servers > 0 {
            for k in 1...servers {
                b = a * b / (Double(k) + a * b)
            }
        }
        return b
    }

    /// Erlang C, the probability that an arrival waits in M/M/c, from Erlang B:
    /// C = c B / (c − a (1 − B)) = B / (1 − ρ (1 − B)).
    /// - Precondition: a < c (ρ < 1); use ``mmc(arrivalRate:serviceRate:servers:)`` to get an `unstable` result instead.
    /// - Complexity: O(c).
    public static func erlangC(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 1, "Erlang C needs at least one server, got \(servers)")
        precondition(a < Double(servers), "Erlang C needs offered load < servers (ρ < 1), got a = \(a), c = \(servers)")
        let b = erlangB(servers: servers, offeredLoad: a)
        let rho = a / Double(servers)
        return b / (1 - rho * (1 - b))
    }

    /// M/G/1 by Pollaczek–Khinchine: Wq = λ E[S²] / (2 (1 − ρ)) = ρ (1 + Cs²) E[S] / (2 (1 − ρ)).
    ///
    /// - Parameters:
    ///   - meanService: E[S] in seconds.
    ///   - serviceSCV: squared coefficient of variation of service, Var[S]/E[S]² (0 deterministic, 1 exponential).
    public static func mg1(arrivalRate: Double, meanService: Double, serviceSCV: Double) -> QueueResult {
        precondition(arrivalRate.isFinite && arrivalRate >= 0, "arrival rate must be finite and ≥ 0, got \(arrivalRate)")
        precondition(meanService.isFinite && meanService > 0, "mean service time must be finite and > 0, got \(meanService)")
        precondition(serviceSCV.isFinite && serviceSCV >= 0, "service SCV must be finite and ≥ 0, got \(serviceSCV)")
        let rho = arrivalRate * meanService
        guard rho < 1 else { return .unstable(utilization: rho) }
        let wait = rho * (1 + serviceSCV) * meanService / (2 * (1 - rho))
        return .stable(QueueMetrics(arrivalRate: arrivalRate, meanService: meanService,
                                    utilization: rho, probabilityOfWait: rho, meanWait: wait))
    }

    /// M/D/1: P–K with deterministic service (Cs² = 0): Wq = ρ D / (2 (1 − ρ)), half the M/M/1 wait.
    public static func md1(arrivalRate: Double, serviceTime: Double) -> QueueResult {
        mg1(arrivalRate: arrivalRate, meanService: serviceTime, serviceSCV: 0)
    }

    /// Kingman's G/G/1 approximation (exact for M/G/1, tight in heavy traffic):
    /// Wq ≈ (ρ / (1 − ρ)) · ((Ca² + Cs²) / 2) · E[S].
    ///
    /// - Parameters:
    ///   - arrivalSCV: Ca², squared coefficient of variation of interarrival times (1 for Poisson).
    ///   - serviceSCV: Cs², squared coefficient of variation of service times.
    /// - Note: P(wait) is reported as ρ, which is exact only for Poisson arrivals.
    public static func kingman(arrivalRate: Double, meanService: Double, arrivalSCV: Double, serviceSCV: Double) -> QueueResult {
        precondition(arrivalRate.isFinite && arrivalRate >= 0, "arrival rate must be finite and ≥ 0, got \(arrivalRate)")
        precondition(meanService.isFinite && meanService > 0, "mean service time must be finite and > 0, got \(meanService)")
        precondition(arrivalSCV >= 0 && serviceSCV >= 0, "SCVs must be ≥ 0, got \(arrivalSCV), \(serviceSCV)")
        let rho = arrivalRate * meanService
        guard rho < 1 else { return .unstable(utilization: rho) }
        let wait = rho / (1 - rho) * (arrivalSCV + serviceSCV) / 2 * meanService
        return .stable(QueueMetrics(arrivalRate: arrivalRate, meanService: meanService,
                                    utilization: rho, probabilityOfWait: rho, meanWait: wait))
    }
}
