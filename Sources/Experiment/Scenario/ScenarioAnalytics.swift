/// The analytic column of a run report: queueing theory (Planning's
/// formulas) for each stage where a stage is a plain queue, and for the
/// whole network where it is a Jackson network.
///
/// - Jackson network (Poisson sources, probabilistic routers, exponential
///   service, unbounded stations): each station is an M/M/c at its arrival
///   rate from the traffic equations, including its sojourn quantiles
///   (arrivals see time averages); the end-to-end mean by Little's law; for
///   a single line of single servers the end-to-end quantiles too
///   (independent exponential sojourns, hypoexponential total).
/// - A single-server station fed only by one Poisson source, any service:
///   M/G/1 means by Pollaczek–Khinchine.
/// - Any stable unbounded station: utilization λE[S]/c.
/// Unstable stations (ρ ≥ 1) get no value.

import Planning
import Variates

/// Analytic figures, keyed like ``ReplicationResult``'s figures.
public struct ScenarioAnalytics: Sendable {
    /// Per stage: figures by metric name and the model used (`M/M/2`, `M/G/1`, `utilization only`).
    public var stages: [(model: String, values: [String: Double])]
    /// End to end (mean_sojourn, throughput, and quantiles for a line).
    public var endToEnd: [String: Double]

    /// The analytic value of `metric` for `stage` (nil: end to end).
    public func value(_ metric: ExpectationMetric, stage: Int?) -> Double? {
        stage.map { stages[$0].values[metric.rawValue] } ?? endToEnd[metric.rawValue]
    }

    /// No theory for `count` stages, each labelled `model` (a streaming
    /// pipeline: its stages are not plain queues, the simulation is the answer).
    init(unmodelled count: Int, model: String) {
        stages = Array(repeating: (model, [:]), count: count)
        endToEnd = [:]
    }

    /// Theory for `scenario`'s stages (`stages` are component indices).
    init(_ s: Scenario, stages: [Int]) {
        let rates = ScenarioChecks.arrivalRates(s) ?? Array(repeating: .nan, count: s.components.count)
        let poissonSources = s.components.allSatisfy {
            guard case .source(let a, let limit) = $0.role else { return true }
            if limit != nil { return false }
            switch a {
            case .poisson: return true
            case .renewal(let d): return d.isExponential
            case .profile: return false
            }
        }
        let probabilistic = s.components.allSatisfy {
            if case .router(let rule) = $0.role, case .probability = rule { return true }
            return $0.kind != .router
        }
        let jackson = poissonSources && probabilistic && s.components.allSatisfy {
            if case .station(_, let service, let capacity, _) = $0.role { return service.isExponential && capacity == nil }
            return $0.kind != .delay
        }
        var out: [(String, [String: Double])] = []
        var stable = true
        for i in stages {
            guard case .station(let c, let service, let capacity, _) = s.components[i].role, rates[i].isFinite else {
                out.append(("—", [:])); continue
            }
            let lambda = rates[i]
            let rho = lambda * service.mean / Double(c)
            if rho >= 1 { stable = false }
            guard capacity == nil, rho < 1 else { out.append((rho >= 1 ? "unstable (ρ ≥ 1)" : "—", [:])); continue }
            var v: [String: Double] = ["utilization": rho, "throughput": lambda]
            var model = "utilization only"
            if jackson, let m = QueueingFormulas.mmc(arrivalRate: lambda, serviceRate: 1 / service.mean, servers: c).metrics {
                model = "M/M/\(c)"
                v["mean_wait"] = m.meanWait; v["mean_sojourn"] = m.meanSojourn
                for (key, p) in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999)] {
                    v[key] = QueueingFormulas.mmcSojournQuantile(p, arrivalRate: lambda, serviceRate: 1 / service.mean, servers: c)
                }
            } else if c == 1, let feeder = ScenarioAnalytics.onlyPoissonFeeder(s, into: i),
                      let m = QueueingFormulas.mg1(arrivalRate: feeder, meanService: service.mean,
                                                   serviceSCV: service.variance / (service.mean * service.mean)).metrics {
                model = "M/G/1"
                v["mean_wait"] = m.meanWait; v["mean_sojourn"] = m.meanSojourn
            }
            out.append((model, v))
        }
        self.stages = out
        var e2e: [String: Double] = [:]
        let external = s.components.enumerated().filter { $0.element.kind == .source }.map { rates[$0.offset] }.reduce(0, +)
        if stable, s.components.allSatisfy({ if case .station(_, _, let k, _) = $0.role { return k == nil }; return true }) {
            e2e["throughput"] = s.components.enumerated().filter { $0.element.kind == .sink }.map { rates[$0.offset] }.reduce(0, +)
        }
        if jackson, stable, external > 0 {
            // Little's law over the network: Σ λᵢ Wᵢ / Σ λ₀.
            var total = 0.0
            for (k, i) in stages.enumerated() { if let w = out[k].1["mean_sojourn"] { total += rates[i] * w } }
            e2e["mean_sojourn"] = total / external
            if let line = ScenarioAnalytics.singleServerLine(s), line.count == stages.count {
                let mus = line.map { 1 / $0 }
                for (key, p) in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999)] {
                    e2e[key] = QueueingFormulas.tandemMM1SojournQuantile(p, arrivalRate: external, serviceRates: mus)
                }
            } else if stages.count == 1 {
                for key in ["p50", "p95", "p99", "p999"] { e2e[key] = out[0].1[key] }
            }
        }
        self.endToEnd = e2e
    }

    /// The rate of the one Poisson source that is the only input of component `i`, if so.
    static func onlyPoissonFeeder(_ s: Scenario, into i: Int) -> Double? {
        let name = s.components[i].name
        let feeders = s.components.filter { $0.outputs.contains(name) }
        guard feeders.count == 1, case .source(let a, nil) = feeders[0].role else { return nil }
        switch a {
        case .poisson(let r): return r
        case .renewal(let d) where d.isExponential: return 1 / d.mean
        default: return nil
        }
    }

    /// Mean service times of a single line source → 1-server stations → sink, if the network is one.
    static func singleServerLine(_ s: Scenario) -> [Double]? {
        let sources = s.components.filter { $0.kind == .source }
        guard sources.count == 1, s.components.allSatisfy({ $0.kind != .router && $0.kind != .delay }) else { return nil }
        var means: [Double] = []
        var next = sources[0].outputs.first
        while let name = next, let c = s.component(name) {
            guard case .station(1, let service, _, _) = c.role else { return c.kind == .sink ? means : nil }
            means.append(service.mean)
            next = c.outputs.first
            if means.count > s.components.count { return nil }
        }
        return nil
    }
}
