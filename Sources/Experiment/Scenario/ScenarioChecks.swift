/// The traffic equations of a scenario's network and the warnings drawn
/// from them: configurations that run but cannot work as intended.
///
/// Mean arrival rates solve λ = λ₀ + λP (Jackson's traffic equations):
/// λ₀ is each source's mean rate, P sends all of a component's flow to its
/// output, or splits it by a router's weights (equal shares for round robin
/// and key hash). Solved by iteration, which converges whenever every job
/// eventually leaves.

/// Flow analysis and warnings.
public enum ScenarioChecks {
    /// The mean arrival rate (per second) into each component, by index; nil
    /// when some flow never reaches a sink (a loop without exit).
    public static func arrivalRates(_ s: Scenario) -> [Double]? {
        let index = Dictionary(s.components.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var external = Array(repeating: 0.0, count: s.components.count)
        for (i, c) in s.components.enumerated() {
            if case .source(let arrivals, _) = c.role { external[i] = meanRate(arrivals) }
        }
        var rates = external
        for _ in 0..<10_000 {
            var next = external
            for (i, c) in s.components.enumerated() where c.kind != .sink {
                let shares = splits(c)
                for (k, out) in c.outputs.enumerated() { if let j = index[out] { next[j] += rates[i] * shares[k] } }
            }
            for i in s.components.indices where s.components[i].kind == .source { next[i] = external[i] }
            let change = zip(next, rates).map { abs($0 - $1) }.max() ?? 0
            rates = next
            if change <= 1e-12 * Swift.max(1, rates.max() ?? 1) { return rates }
        }
        return nil
    }

    /// A source's mean rate per second (a profile's average over its points).
    public static func meanRate(_ arrivals: ComponentSpec.SourceArrivals) -> Double {
        switch arrivals {
        case .poisson(let r): return r
        case .renewal(let d): return 1 / d.mean
        case .profile(_, let points):
            guard points.count > 1 else { return points.first?.rate ?? 0 }
            var area = 0.0
            for k in 1..<points.count { area += (points[k].rate + points[k - 1].rate) / 2 * (points[k].time - points[k - 1].time) }
            return area / (points.last!.time - points.first!.time)
        }
    }

    /// The share of a component's flow sent to each output.
    static func splits(_ c: ComponentSpec) -> [Double] {
        if case .router(.probability(let w)) = c.role {
            let total = w.reduce(0, +)
            return w.map { $0 / total }
        }
        return Array(repeating: 1 / Double(Swift.max(1, c.outputs.count)), count: c.outputs.count)
    }

    /// Warnings: unreachable components, loops without exit, stations whose
    /// offered load is 1 or more without a capacity (the queue grows
    /// without bound), full-station drops that `drops == 0` will catch.
    static func warnings(_ s: Scenario, file: String, marks f: ConfigFields) -> [ConfigIssue] {
        var out: [ConfigIssue] = []
        let entries = f["components"]?.namedEntries() ?? []
        func warn(_ name: String, _ message: String, _ expected: String) {
            let node = entries.first { $0.name == name }
            out.append(ConfigIssue(file: file, line: node?.keyMark?.line ?? 0, column: node?.keyMark?.column ?? 0,
                                   path: "components." + name, message: message, expected: expected))
        }
        // Reachability from the sources.
        let index = Dictionary(s.components.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var reached = Set<Int>()
        var stack = s.components.indices.filter { s.components[$0].kind == .source }
        while let i = stack.popLast() {
            guard reached.insert(i).inserted else { continue }
            for out in s.components[i].outputs { if let j = index[out] { stack.append(j) } }
        }
        for (i, c) in s.components.enumerated() where !reached.contains(i) {
            warn(c.name, "no source reaches `\(c.name)`: it will see no traffic", "a `to:` that leads here, or remove it")
        }
        guard let rates = arrivalRates(s) else {
            out.append(ConfigIssue(file: file, line: f["components"]?.mark?.line ?? 0, column: f["components"]?.mark?.column ?? 0,
                                   path: "components", message: "some jobs never reach a sink (a loop without exit): jobs pile up until the run stops",
                                   expected: "every path ends at a sink"))
            return out
        }
        for (i, c) in s.components.enumerated() {
            guard case .station(let servers, let service, let capacity, _) = c.role, rates[i] > 0 else { continue }
            let rho = rates[i] * service.mean / Double(servers)
            if rho >= 1, capacity == nil {
                let needed = Int((rates[i] * service.mean).rounded(.down)) + 1
                warn(c.name, "offered load per server ρ = \(fixed(rho)) ≥ 1 (λ = \(fixed(rates[i]))/s, E[S] = \(fixed(service.mean)) s, c = \(servers)): the queue grows without bound and latency with the horizon",
                     "at least \(needed) servers, a faster service, or a capacity")
            } else if rho >= 1, let capacity {
                warn(c.name, "offered load per server ρ = \(fixed(rho)) ≥ 1: the station stays full (K = \(capacity)) and refuses about \(fixed(100 * (1 - 1 / rho)))% of arrivals",
                     "at least \(Int((rates[i] * service.mean).rounded(.down)) + 1) servers")
            }
        }
        return out
    }

    static func fixed(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
