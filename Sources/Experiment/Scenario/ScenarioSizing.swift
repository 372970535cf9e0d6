/// The inputs of `headroom size --scenario FILE` that a scenario knows:
/// the average and peak arrival rate of its sources over the horizon, the
/// CPU work per record (each station's mean service time times its visits
/// per record, from the traffic equations), the end-to-end SLO, the event
/// size and retention of its `storage:` section, and the price file. In a
/// streaming scenario the rates are those of the workload streams its jobs
/// read, the work per record the operators' mean service times, and the
/// event size the first job's record size when `storage:` gives none.
/// Everything else comes from the flags of `headroom size`.

/// Sizing inputs read from a scenario.
public struct ScenarioSizing: Sendable, Equatable {
    /// Mean arrival rate of every source over the horizon, per second.
    public var eventRate: Double
    /// Peak rate ÷ mean rate (1 for constant sources), ≥ 1.
    public var peakMultiplier: Double
    /// Server time per record summed over stations, seconds (nil: no station).
    public var recordCostSeconds: Double?
    /// The bound of the first end-to-end SLO, seconds.
    public var sloSeconds: Double?
    /// The raw record size of the first `storage:` dataset, bytes.
    public var eventBytes: Double?
    /// The retention of `storage:`, days.
    public var retentionDays: Int?
    /// The price file of `prices.file`, resolved.
    public var priceFile: String?

    /// The sizing inputs of `s`.
    public init(_ s: Scenario) {
        var mean = 0.0
        var constant = 0.0
        var profiles: [[(time: Double, rate: Double)]] = []
        // A streaming scenario: each job's workload stream, sampled like a stream source's profile.
        if let workload = s.workload {
            let step = Swift.max(1_000_000, Swift.min(60_000_000, s.horizon / 500))
            for name in Set(s.streaming.map(\.configuration.stream)).sorted() {
                guard let stream = workload.streams.first(where: { $0.name == name }) else { continue }
                var points: [(time: Double, rate: Double)] = []
                var t: Int64 = 0
                while t <= s.horizon {
                    points.append((time: Double(t) / 1e6, rate: stream.rate.rate(at: s.start + t)))
                    t += step
                }
                profiles.append(points)
                mean += ScenarioChecks.meanRate(.profile(stream: name, points: points))
            }
        }
        for c in s.components {
            guard case .source(let arrivals, _) = c.role else { continue }
            mean += ScenarioChecks.meanRate(arrivals)
            if case .profile(_, let points) = arrivals { profiles.append(points) } else { constant += ScenarioChecks.meanRate(arrivals) }
        }
        var peak = constant
        if let longest = profiles.map(\.count).max() {
            // Profiles of one scenario share their breakpoints (one a minute over the horizon).
            for k in 0..<longest {
                peak = Swift.max(peak, constant + profiles.reduce(0) { $0 + (k < $1.count ? $1[k].rate : 0) })
            }
        }
        eventRate = mean
        peakMultiplier = mean > 0 ? Swift.max(1, peak / mean) : 1
        var work = 0.0
        var stations = 0
        if let rates = ScenarioChecks.arrivalRates(s), mean > 0 {
            for (i, c) in s.components.enumerated() {
                if case .station(_, let service, _, _) = c.role { work += rates[i] / mean * service.mean; stations += 1 }
            }
        }
        for p in s.streaming {
            // Operators' service per record (a measured one has no mean before the run).
            for op in p.configuration.job.operators { if case .distribution(let d) = op.service { work += d.mean } }
            stations += p.configuration.job.operators.count
        }
        recordCostSeconds = stations > 0 ? work : nil
        sloSeconds = s.slos.first { $0.stage == nil }?.boundSeconds
        priceFile = s.prices.file
        eventBytes = s.storage?.feeds.first?.eventBytes ?? s.streaming.first.map { Double($0.configuration.recordBytes) }
        retentionDays = s.storage?.configuration.lifecycle.retentionDays
    }
}
