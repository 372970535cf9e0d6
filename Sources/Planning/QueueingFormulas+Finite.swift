/// M/M/c/K: Poisson arrivals, `c` exponential servers, room for `K` jobs in
/// the stage (in service included); an arrival that finds `K` is lost.
///
/// Birth–death chain (Gross et al., §2.5): with a = λ/μ,
///
///     pₙ = p₀ aⁿ / n!              for 0 ≤ n ≤ c
///     pₙ = p₀ aⁿ / (c! c^(n−c))    for c < n ≤ K
///
/// Blocking P(loss) = p_K (arrivals see time averages, PASTA); the admitted
/// rate is λ(1 − p_K); L = Σ n pₙ and W = L / (λ(1 − p_K)) by Little's law.
/// A finite stage has a steady state at every load, ρ ≥ 1 included.

extension QueueingFormulas {
    /// Steady-state metrics of an M/M/c/K stage. Times in seconds.
    public struct FiniteQueueMetrics: Sendable, Equatable {
        /// Probability that an arrival is lost (p_K).
        public let blockingProbability: Double
        /// Admitted arrivals per second, λ (1 − p_K).
        public let throughput: Double
        /// Busy servers ÷ c = throughput / (c μ).
        public let utilization: Double
        /// Probability that an admitted arrival waits.
        public let probabilityOfWait: Double
        /// Mean number in the stage, L.
        public let meanInSystem: Double
        /// Mean wait of admitted arrivals, Wq, seconds.
        public let meanWait: Double
        /// Mean sojourn of admitted arrivals, W, seconds.
        public let meanSojourn: Double
        /// pₙ for n = 0 ... K.
        public let stateProbabilities: [Double]
    }

    /// M/M/c/K with arrival rate λ, service rate μ, `servers` c and `capacity` K ≥ c.
    /// - Precondition: λ ≥ 0, μ > 0 finite; 1 ≤ c ≤ K ≤ 10,000,000.
    /// - Complexity: O(K) time and memory.
    public static func mmck(arrivalRate: Double, serviceRate: Double, servers: Int, capacity: Int) -> FiniteQueueMetrics {
        precondition(arrivalRate.isFinite && arrivalRate >= 0, "arrival rate must be finite and ≥ 0, got \(arrivalRate)")
        precondition(serviceRate.isFinite && serviceRate > 0, "service rate must be finite and > 0, got \(serviceRate)")
        precondition(servers >= 1 && capacity >= servers && capacity <= 10_000_000,
                     "M/M/c/K needs 1 ≤ c ≤ K ≤ 10,000,000, got c = \(servers), K = \(capacity)")
        let a = arrivalRate / serviceRate
        // Unnormalized terms, rescaled whenever they grow large (ρ > 1 and long buffers).
        var terms = [Double](repeating: 0, count: capacity + 1)
        terms[0] = 1
        for n in 1...capacity {
            terms[n] = terms[n - 1] * a / Double(Swift.min(n, servers))
            if terms[n] > 1e250 {
                for i in 0...n { terms[i] *= 1e-250 }
            }
        }
        let total = terms.reduce(0, +)
        let p = terms.map { $0 / total }
        let blocking = p[capacity]
        let throughput = arrivalRate * (1 - blocking)
        var l = 0.0, lq = 0.0, waiting = 0.0
        for n in 0...capacity {
            l += Double(n) * p[n]
            if n > servers { lq += Double(n - servers) * p[n] }
            if n >= servers && n < capacity { waiting += p[n] }
        }
        let admitted = 1 - blocking
        return FiniteQueueMetrics(
            blockingProbability: blocking, throughput: throughput,
            utilization: throughput / (Double(servers) * serviceRate),
            probabilityOfWait: admitted > 0 ? waiting / admitted : 1,
            meanInSystem: l,
            meanWait: throughput > 0 ? lq / throughput : 0,
            meanSojourn: throughput > 0 ? l / throughput : 1 / serviceRate,
            stateProbabilities: p)
    }
}
