/// The computation behind `headroom queue`: replications of one G/G/c(/K)
/// station or a tandem line of them, the measured figures with their
/// confidence intervals, and the analytic value of each figure where
/// queueing theory has one.

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

/// A renewal source feeding one station, or stations in series, run
/// `replications` times.
struct QueueStudy {
    /// Interarrival time distribution, seconds.
    let arrival: Distribution
    /// Service time distribution of each station, seconds.
    let services: [Distribution]
    /// Servers of each station, c ≥ 1.
    let servers: [Int]
    /// Room in each station (K), or `nil` for infinite buffers.
    let capacity: Int?
    /// Customers per replication, warm-up included.
    let customers: Int
    /// Warm-up time, seconds.
    let warmUpSeconds: Double
    /// Independent replications, R ≥ 1.
    let replications: Int
    /// Root seed.
    let seed: UInt64
    /// Guard on jobs in the network (the run stops beyond it).
    let maxInSystem: Int

    /// The figures of the whole system, in report order.
    static let keys: [(String, String, Bool)] = [
        ("mean_wait", "mean wait", true), ("mean_sojourn", "mean sojourn", true), ("utilization", "utilization", false),
        ("p50_sojourn", "p50 sojourn", true), ("p95_sojourn", "p95 sojourn", true), ("p99_sojourn", "p99 sojourn", true),
        ("probability_of_wait", "P(wait)", false), ("mean_in_system", "mean number in system", false),
        ("blocking_probability", "P(blocked)", false),
    ]
    /// The figures of each station of a line.
    static let stationKeys: [(String, String, Bool)] = [
        ("mean_wait", "mean wait", true), ("mean_sojourn", "mean sojourn", true), ("utilization", "utilization", false),
        ("mean_in_system", "mean number in system", false), ("blocking_probability", "P(blocked)", false),
    ]

    /// Number of stations.
    var stationCount: Int { services.count }
    /// Arrival rate λ per second.
    var arrivalRate: Double { 1 / arrival.mean }
    /// Offered load per server of station i, ρᵢ = λ E[Sᵢ] / cᵢ.
    func offeredLoad(station i: Int) -> Double { arrivalRate * services[i].mean / Double(servers[i]) }
    /// The largest offered load per server (the bottleneck's).
    var offeredLoad: Double { (0..<stationCount).map(offeredLoad(station:)).max()! }
    /// `true` when a steady state exists: every ρᵢ < 1, or finite buffers.
    var isStable: Bool { capacity != nil || offeredLoad < 1 }
    /// Jobs per second the slowest station can serve, min cᵢ / E[Sᵢ].
    var bottleneckRate: Double { (0..<stationCount).map { Double(servers[$0]) / services[$0].mean }.min()! }
    /// Poisson arrivals, exponential services, infinite buffers: a Jackson line
    /// (every station sees Poisson arrivals, by Burke's theorem).
    var isJackson: Bool { arrival.isExponential && services.allSatisfy(\.isExponential) && capacity == nil }

    /// Kendall's notation: `M/M/1`, `M/D/2/10`, or a line `M/M/1 → M/M/2`.
    var kendall: String {
        func letter(_ d: Distribution) -> String { d.isExponential ? "M" : d.isDeterministic ? "D" : "G" }
        let k = capacity.map { "/\($0)" } ?? ""
        return services.indices.map { i in
            let input = i == 0 ? letter(arrival) : (isJackson ? "M" : "G")
            return "\(input)/\(letter(services[i]))/\(servers[i])\(k)"
        }.joined(separator: " → ")
    }

    /// The outcome of the study.
    struct Outcome {
        /// Means over the replications (the single run's values for R = 1).
        var measured: [QueueFigure]
        /// 95% half-widths over the replications (R ≥ 2), by key.
        var halfWidths: [String: Double]
        /// Analytic values where theory has one.
        var analytic: [QueueFigure]
        /// For a line: each station's measured figures, half-widths and analytic figures.
        var stations: [(measured: [QueueFigure], halfWidths: [String: Double], analytic: [QueueFigure])]
        /// Simulated seconds per replication after the warm-up (mean).
        var simulatedSeconds: Double
        /// Events handled over all replications.
        var events: Int
        /// Jobs in the network at the end (mean over replications).
        var inSystemAtEnd: Double
        /// `true` when a replication hit the in-system guard.
        var overflowed: Bool
        /// Sojourns above the histograms' one-hour range, over all replications.
        var sojournsAboveRange: UInt64
    }

    /// Runs every replication. Deterministic: a pure function of the study's fields.
    func run() throws -> Outcome {
        let tree = SeedTree(root: seed)
        var totals: [String: Welford] = [:]
        var perStation = Array(repeating: [String: Welford](), count: stationCount)
        var seconds = Welford(), atEnd = Welford()
        var events = 0
        var overflowed = false
        var aboveRange: UInt64 = 0
        for r in 0..<replications {
            let seeds = replications == 1 ? tree : tree.replication(r)
            var network = try QueueingNetwork.series(
                interarrival: arrival, services: services, servers: servers, capacity: capacity,
                customers: customers, seeds: seeds, maxLevel: 64)
            network.maxJobsInFlight = maxInSystem
            // Overloaded: stop when the last customer arrives (expected time), before the queues drain.
            let stop = isStable ? SimTime.max : SimClock.nanoseconds(seconds: Double(customers) * arrival.mean)
            if !isStable { network.stopAfterRecords = .max }
            let result = network.simulate(warmUp: SimClock.nanoseconds(seconds: warmUpSeconds), until: stop)
            for (key, value) in Self.totals(result, stationCount: stationCount, finite: capacity != nil) {
                if let v = value { totals[key, default: Welford()].add(v) }
            }
            for (i, station) in result.stations.enumerated() {
                let s = station.summary
                let values: [String: Double?] = [
                    "mean_wait": s.meanWait, "mean_sojourn": s.meanSojourn, "utilization": s.utilization,
                    "mean_in_system": s.meanInSystem, "blocking_probability": capacity == nil ? nil : s.blockingProbability,
                ]
                for (key, value) in values { if let v = value { perStation[i][key, default: Welford()].add(v) } }
                aboveRange += s.sojournsAboveRange
            }
            seconds.add(SimClock.seconds(result.endTime - result.warmUp))
            atEnd.add(Double(result.jobsInFlight))
            events += result.events
            overflowed = overflowed || result.overflowed
        }
        func figures(_ keys: [(String, String, Bool)], _ stats: [String: Welford]) -> [QueueFigure] {
            keys.map { QueueFigure(key: $0.0, label: $0.1, isTime: $0.2, value: stats[$0.0]?.mean) }
        }
        let theory = analytic()
        var stations: [(measured: [QueueFigure], halfWidths: [String: Double], analytic: [QueueFigure])] = []
        if stationCount > 1 {
            for i in 0..<stationCount {
                stations.append((figures(Self.stationKeys, perStation[i]), try halfWidths(perStation[i]), theory.stations[i]))
            }
        }
        return Outcome(measured: figures(Self.keys, totals), halfWidths: try halfWidths(totals), analytic: theory.totals,
                       stations: stations, simulatedSeconds: seconds.mean ?? 0, events: events,
                       inSystemAtEnd: atEnd.mean ?? 0, overflowed: overflowed, sojournsAboveRange: aboveRange)
    }

    /// 95% half-widths of each statistic (none for one replication).
    func halfWidths(_ stats: [String: Welford]) throws -> [String: Double] {
        guard replications >= 2 else { return [:] }
        var result: [String: Double] = [:]
        for (key, s) in stats { if let ci = try ConfidenceInterval(s) { result[key] = ci.halfWidth } }
        return result
    }

    /// The whole system's figures of one run: for one station its own; for
    /// a line, waits and numbers summed, utilization of the bottleneck,
    /// sojourn and its percentiles end to end (the sink), and the share of
    /// arrivals lost anywhere.
    static func totals(_ result: NetworkResult, stationCount: Int, finite: Bool) -> [String: Double?] {
        let first = result.stations[0].summary
        if stationCount == 1 {
            let p = first.sojournPercentiles
            return ["mean_wait": first.meanWait, "mean_sojourn": first.meanSojourn, "utilization": first.utilization,
                    "p50_sojourn": p?.p50Seconds, "p95_sojourn": p?.p95Seconds, "p99_sojourn": p?.p99Seconds,
                    "probability_of_wait": first.probabilityOfWait, "mean_in_system": first.meanInSystem,
                    "blocking_probability": finite ? first.blockingProbability : nil]
        }
        let summaries = result.stations.map(\.summary)
        func sum(_ pick: (StationSummary) -> Double?) -> Double? {
            var total = 0.0
            for s in summaries { guard let v = pick(s) else { return nil }; total += v }
            return total
        }
        let latencies = result.sinks[0].latencies
        let dropped = summaries.reduce(0) { $0 + $1.dropped }
        return ["mean_wait": sum(\.meanWait), "mean_sojourn": latencies.meanSeconds,
                "utilization": summaries.compactMap(\.utilization).max(),
                "p50_sojourn": latencies.valueSeconds(atPercentile: 50),
                "p95_sojourn": latencies.valueSeconds(atPercentile: 95),
                "p99_sojourn": latencies.valueSeconds(atPercentile: 99),
                "probability_of_wait": nil, "mean_in_system": sum(\.meanInSystem),
                "blocking_probability": finite && first.offered > 0 ? Double(dropped) / Double(first.offered) : nil]
    }
}
