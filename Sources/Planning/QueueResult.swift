/// The outcome of a queueing formula: steady-state metrics, or the
/// statement that no steady state exists because the stage is overloaded.
///
/// A stage with utilization ρ ≥ 1 has a queue that grows without bound; a
/// formula evaluated there returns a negative or infinite "wait" that looks
/// like a number. Headroom never returns one: it returns ``QueueResult/unstable(utilization:)``.

/// Steady-state metrics of one queueing stage. Times in seconds, counts in items.
public struct QueueMetrics: Sendable, Equatable, Codable {
    /// Utilization ρ = λ / (c μ), in (0, 1).
    public var utilization: Double
    /// Probability that an arrival waits (Erlang C for M/M/c; ρ for single-server models).
    public var probabilityOfWait: Double
    /// Mean time in queue Wq, seconds.
    public var meanWait: Double
    /// Mean time in system W = Wq + E[S], seconds.
    public var meanSojourn: Double
    /// Mean number waiting Lq = λ Wq (Little's law).
    public var meanQueueLength: Double
    /// Mean number in system L = λ W (Little's law).
    public var meanInSystem: Double

    /// Metrics from λ, mean service time, Wq and P(wait); the lengths follow from Little's law.
    public init(arrivalRate: Double, meanService: Double, utilization: Double, probabilityOfWait: Double, meanWait: Double) {
        self.utilization = utilization
        self.probabilityOfWait = probabilityOfWait
        self.meanWait = meanWait
        self.meanSojourn = meanWait + meanService
        self.meanQueueLength = LittlesLaw.itemsInSystem(arrivalRate: arrivalRate, timeInSystem: meanWait)
        self.meanInSystem = LittlesLaw.itemsInSystem(arrivalRate: arrivalRate, timeInSystem: meanWait + meanService)
    }
}

/// Metrics when the stage is stable, or the utilization that makes it unstable.
public enum QueueResult: Sendable, Equatable {
    /// ρ < 1: the steady-state metrics.
    case stable(QueueMetrics)
    /// ρ ≥ 1: no steady state; the queue grows without bound.
    case unstable(utilization: Double)

    /// The metrics, or `nil` when unstable.
    public var metrics: QueueMetrics? {
        if case .stable(let m) = self { return m }
        return nil
    }

    /// The utilization in both cases.
    public var utilization: Double {
        switch self {
        case .stable(let m): m.utilization
        case .unstable(let rho): rho
        }
    }

    /// `"unstable: utilization 1.2 ≥ 1, the queue grows without bound"`, or a one-line summary.
    public var summary: String {
        switch self {
        case .stable(let m):
            "utilization \(NumberText.percent(m.utilization)), P(wait) \(NumberText.percent(m.probabilityOfWait)), "
                + "mean wait \(TimeSpan(seconds: m.meanWait).formatted), mean sojourn \(TimeSpan(seconds: m.meanSojourn).formatted)"
        case .unstable(let rho):
            "unstable: utilization \(NumberText.significant(rho)) ≥ 1, the queue grows without bound"
        }
    }
}

/// Little's law, L = λ W, for any stable system in steady state.
public enum LittlesLaw {
    /// L = λ W: mean items in the system from arrival rate (per s) and mean time in it (s).
    public static func itemsInSystem(arrivalRate: Double, timeInSystem: Double) -> Double {
        arrivalRate * timeInSystem
    }

    /// W = L / λ: mean time in the system (s) from mean items and arrival rate (per s).
    /// - Precondition: `arrivalRate > 0`.
    public static func timeInSystem(itemsInSystem: Double, arrivalRate: Double) -> Double {
        precondition(arrivalRate > 0, "Little's law needs a positive arrival rate")
        return itemsInSystem / arrivalRate
    }

    /// λ = L / W: throughput (per s) from mean items and mean time (s).
    /// - Precondition: `timeInSystem > 0`.
    public static func arrivalRate(itemsInSystem: Double, timeInSystem: Double) -> Double {
        precondition(timeInSystem > 0, "Little's law needs a positive time in system")
        return itemsInSystem / timeInSystem
    }
}
