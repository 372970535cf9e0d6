/// The computation behind `headroom queue`: replications of one G/G/c(/K)
/// station, the measured figures with their confidence intervals, and the
/// analytic value of each figure where queueing theory has one.

import Metrics
import Planning
import Platform
import SimCore
import Variates

/// One figure of a queue report: a JSON key, a label, and its value.
struct QueueFigure: Equatable {
    /// The JSON key (`mean_wait`).
    let key: String
    /// The text label (`mean wait`).
    let label: String
    /// `true` for a time in seconds (printed with a unit).
    let isTime: Bool
    /// The value, when known.
    var value: Double?
}

/// A single station fed by a renewal source, run `replications` times.
struct QueueStudy {
    /// Interarrival time distribution, seconds.
    let arrival: Distribution
    /// Service time distribution, seconds.
    let service: Distribution
    /// Servers, c ≥ 1.
    let servers: Int
    /// Room in the station (K), or `nil` for an infinite buffer.
    let capacity: Int?
    /// Customers per replication, warm-up included.
    let customers: Int
    /// Warm-up time, seconds.
    let warmUpSeconds: Double
    /// Independent replications, R ≥ 1.
    let replications: Int
    /// Root seed.
    let seed: UInt64
    /// Guard on jobs in the station (the run stops beyond it).
    let maxInSystem: Int

    /// The figures, in report order.
    static let keys: [(String, String, Bool)] = [
        ("mean_wait", "mean wait", true), ("mean_sojourn", "mean sojourn", true), ("utilization", "utilization", false),
        ("p50_sojourn", "p50 sojourn", true), ("p95_sojourn", "p95 sojourn", true), ("p99_sojourn", "p99 sojourn", true),
        ("probability_of_wait", "P(wait)", false), ("mean_in_system", "mean number in system", false),
        ("blocking_probability", "P(blocked)", false),
    ]

    /// Arrival rate λ per second.
    var arrivalRate: Double { 1 / arrival.mean }
    /// Offered load per server, ρ = λ E[S] / c.
    var offeredLoad: Double { arrivalRate * service.mean / Double(servers) }
    /// `true` when a steady state exists: ρ < 1, or a finite buffer.
    var isStable: Bool { capacity != nil || offeredLoad < 1 }

    /// Kendall's notation: `M/M/1`, `M/D/2/10`, `G/G/4`.
    var kendall: String {
        func letter(_ d: Distribution) -> String { d.isExponential ? "M" : d.isDeterministic ? "D" : "G" }
        return "\(letter(arrival))/\(letter(service))/\(servers)" + (capacity.map { "/\($0)" } ?? "")
    }

    /// The outcome of the study.
    struct Outcome {
        /// Means over the replications (the single run's values for R = 1).
        var measured: [QueueFigure]
        /// 95% half-widths over the replications (R ≥ 2), by key.
        var halfWidths: [String: Double]
        /// Analytic values where theory has one.
        var analytic: [QueueFigure]
        /// Simulated seconds per replication (mean).
        var simulatedSeconds: Double
        /// Events handled over all replications.
        var events: Int
        /// Jobs in the station at the end (mean over replications).
        var inSystemAtEnd: Double
        /// `true` when a replication hit the in-system guard.
        var overflowed: Bool
        /// Sojourns above the histograms' one-hour range, over all replications.
        var sojournsAboveRange: UInt64
    }

    /// Runs every replication. Deterministic: a pure function of the study's fields.
    func run() throws -> Outcome {
        let tree = SeedTree(root: seed)
        var perKey: [String: Welford] = [:]
        var seconds = Welford(), atEnd = Welford()
        var events = 0
        var overflowed = false
        var aboveRange: UInt64 = 0
        for r in 0..<replications {
            let seeds = replications == 1 ? tree : tree.replication(r)
            var network = try QueueingNetwork.singleStation(
                interarrival: arrival, service: service, servers: servers, capacity: capacity,
                customers: customers, seeds: seeds, maxLevel: 64)
            network.maxJobsInFlight = maxInSystem
            // Overloaded: stop when the last customer arrives (expected time), before the queue drains.
            let stop = isStable ? SimTime.max : SimClock.nanoseconds(seconds: Double(customers) * arrival.mean)
            if !isStable { network.stopAfterRecords = .max }
            let result = network.simulate(warmUp: SimClock.nanoseconds(seconds: warmUpSeconds), until: stop)
            let s = result.stations[0].summary
            let p = s.sojournPercentiles
            let values: [String: Double?] = [
                "mean_wait": s.meanWait, "mean_sojourn": s.meanSojourn, "utilization": s.utilization,
                "p50_sojourn": p?.p50Seconds, "p95_sojourn": p?.p95Seconds, "p99_sojourn": p?.p99Seconds,
                "probability_of_wait": s.probabilityOfWait, "mean_in_system": s.meanInSystem,
                "blocking_probability": capacity == nil ? nil : s.blockingProbability,
            ]
            for (key, value) in values { if let v = value { perKey[key, default: Welford()].add(v) } }
            seconds.add(SimClock.seconds(result.endTime - result.warmUp))
            atEnd.add(Double(result.jobsInFlight))
            events += result.events
            overflowed = overflowed || result.overflowed
            aboveRange += s.sojournsAboveRange
        }
        var halfWidths: [String: Double] = [:]
        if replications >= 2 {
            for (key, stats) in perKey {
                if let ci = try ConfidenceInterval(stats) { halfWidths[key] = ci.halfWidth }
            }
        }
        let measured = Self.keys.map { QueueFigure(key: $0.0, label: $0.1, isTime: $0.2, value: perKey[$0.0]?.mean) }
        return Outcome(measured: measured, halfWidths: halfWidths, analytic: analytic(),
                       simulatedSeconds: seconds.mean ?? 0, events: events,
                       inSystemAtEnd: atEnd.mean ?? 0, overflowed: overflowed, sojournsAboveRange: aboveRange)
    }

    /// Theory: M/M/c (Erlang C and the sojourn quantiles), M/M/c/K, and
    /// M/G/1 by Pollaczek–Khinchine (M/D/1 included; means only).
    func analytic() -> [QueueFigure] {
        var values: [String: Double] = [:]
        let lambda = arrivalRate, mu = 1 / service.mean
        if arrival.isExponential, service.isExponential, let k = capacity {
            let m = QueueingFormulas.mmck(arrivalRate: lambda, serviceRate: mu, servers: servers, capacity: k)
            values = ["mean_wait": m.meanWait, "mean_sojourn": m.meanSojourn, "utilization": m.utilization,
                      "probability_of_wait": m.probabilityOfWait, "mean_in_system": m.meanInSystem,
                      "blocking_probability": m.blockingProbability]
        } else if arrival.isExponential, capacity == nil, isStable {
            var metrics: QueueMetrics?
            if service.isExponential {
                metrics = QueueingFormulas.mmc(arrivalRate: lambda, serviceRate: mu, servers: servers).metrics
                for (key, p) in [("p50_sojourn", 0.5), ("p95_sojourn", 0.95), ("p99_sojourn", 0.99)] {
                    values[key] = QueueingFormulas.mmcSojournQuantile(p, arrivalRate: lambda, serviceRate: mu, servers: servers)
                }
            } else if servers == 1 {
                metrics = QueueingFormulas.mg1(arrivalRate: lambda, meanService: service.mean,
                                               serviceSCV: service.squaredCoefficientOfVariation).metrics
            }
            if let m = metrics {
                values["mean_wait"] = m.meanWait
                values["mean_sojourn"] = m.meanSojourn
                values["utilization"] = m.utilization
                values["probability_of_wait"] = m.probabilityOfWait
                values["mean_in_system"] = m.meanInSystem
            }
        } else if capacity == nil, isStable {
            // Any G/G/c below saturation: every server is busy ρ of the time.
            values["utilization"] = offeredLoad
        }
        if !isStable { values["utilization"] = 1 }
        return Self.keys.map { QueueFigure(key: $0.0, label: $0.1, isTime: $0.2, value: values[$0.0]) }
    }
}
