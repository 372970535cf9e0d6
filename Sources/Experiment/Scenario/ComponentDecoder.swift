/// Decoding of `components:`: each component's kind and fields, then the
/// connections. A `to:` that names no component is an error naming both
/// ends (`arrivals.to: `arrivals` sends to `sever`, which is not a
/// component; did you mean `server`?`).

import Variates
import Workloads

/// Decodes the components of one scenario.
struct ComponentDecoder {
    /// The decoded workload (for `stream:` sources), if any.
    let workload: Workload?
    /// `true` when the file has a `workload:` section (even a broken one).
    let workloadGiven: Bool
    /// UTC time of simulated time 0, µs.
    let start: Int64
    /// The horizon, µs (the span of a stream's rate profile).
    let horizon: Int64

    /// The components in file order; nil when any has an issue.
    func decode(_ node: ConfigNode) -> [ComponentSpec]? {
        guard let entries = node.namedEntries() else { return nil }
        let before = node.issues.issues.count
        var specs: [ComponentSpec] = []
        var targets: [(owner: String, name: String, node: ConfigNode)] = []
        for (name, entry, keyMark) in entries {
            guard let f = entry.fields(ScenarioFields.anyComponentFields) else { continue }
            guard let kindNode = f.required("kind", expected: "one of " + ComponentKind.allCases.map(\.rawValue).joined(separator: ", ")),
                  let kindText = kindNode.text(expected: "a component kind") else { continue }
            guard let kind = ComponentKind(rawValue: kindText) else {
                let all = ComponentKind.allCases.map(\.rawValue)
                kindNode.fail("unknown component kind `\(kindText)`" + Spelling.suggestion(for: kindText, in: all), expected: "one of " + all.joined(separator: ", "))
                continue
            }
            let allowed = ScenarioFields.fields(of: kind)
            for field in f.names where field != "kind" && allowed.spec(field) == nil {
                f[field]!.fail("a \(kind.rawValue) has no field `\(field)`",
                               expected: allowed.isEmpty ? "a \(kind.rawValue) has only `kind`" : "one of kind, " + allowed.names.joined(separator: ", "))
            }
            var outputs: [String] = []
            if let to = f["to"] ?? (kind == .sink ? nil : f.required("to", expected: "the name of the next component")) {
                if kind == .router {
                    if let items = to.list() {
                        if items.isEmpty { to.fail("a router needs at least one output", expected: "[a, b]") }
                        for item in items { if let t = item.text(expected: "a component name") { outputs.append(t); targets.append((name, t, item)) } }
                    }
                } else if let t = to.text(expected: "a component name") {
                    outputs.append(t)
                    targets.append((name, t, to))
                }
            }
            if let role = role(kind, f, outputs: outputs.count) {
                specs.append(ComponentSpec(name: name, role: role, outputs: outputs))
            }
            _ = keyMark
        }
        let names = entries.map(\.name)
        let kinds = Dictionary(specs.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for (owner, target, at) in targets {
            if !names.contains(target) {
                at.fail("`\(owner)` sends to `\(target)`, which is not a component" + Spelling.suggestion(for: target, in: names),
                        expected: "one of " + names.filter { $0 != owner }.joined(separator: ", "))
            } else if kinds[target] == .source {
                at.fail("`\(owner)` sends to `\(target)`, which is a source (a source has no input)", expected: "a station, delay, router or sink")
            } else if target == owner {
                at.fail("`\(owner)` sends to itself", expected: "another component")
            }
        }
        if node.issues.issues.count == before {
            if !specs.contains(where: { $0.kind == .source }) { node.fail("the network has no source", expected: "a component with kind: source") }
            if !specs.contains(where: { $0.kind == .sink }) { node.fail("the network has no sink", expected: "a component with kind: sink") }
        }
        return node.issues.issues.count == before ? specs : nil
    }

    /// The kind's parameters.
    func role(_ kind: ComponentKind, _ f: ConfigFields, outputs: Int) -> ComponentSpec.Role? {
        switch kind {
        case .source:
            let given = ["rate", "interarrival", "stream"].filter { f[$0] != nil }
            let limit: Int?? = f["limit"].map { $0.integer(in: 1...Int.max, expected: "a whole number ≥ 1") } ?? .some(nil)
            guard given.count == 1 else {
                f.owner.fail(given.isEmpty ? "a source needs its arrivals" : "a source takes one of rate, interarrival and stream, got \(given.joined(separator: " and "))",
                             expected: "rate: 0.8/s, interarrival: exp(mean=1s), or stream: NAME")
                return nil
            }
            var arrivals: ComponentSpec.SourceArrivals?
            if let r = f["rate"], let v = r.rate() {
                if v > 0 { arrivals = .poisson(v) } else { r.fail("a source's rate must be greater than 0", expected: "a rate such as 0.8/s") }
            }
            if let d = f["interarrival"]?.distribution() { arrivals = .renewal(d) }
            if let s = f["stream"], let name = s.text(expected: "a stream name") { arrivals = streamProfile(name, s) }
            guard let arrivals, let limit else { return nil }
            return .source(arrivals, limit: limit)
        case .station:
            let servers = f["servers"].map { $0.integer(in: 1...100_000, expected: "a whole number between 1 and 100,000") } ?? 1
            let service = f.required("service", expected: "a distribution such as exp(mean=1s)")?.distribution()
            let capacity: Int?? = f["capacity"].map { $0.integer(in: 1...10_000_000, expected: "a whole number between 1 and 10,000,000") } ?? .some(nil)
            var blocks: Bool? = false
            if let w = f["when_full"], let t = w.text(expected: "drop or block") {
                if t == "drop" || t == "block" { blocks = t == "block" } else {
                    w.fail("unknown policy `\(t)`" + Spelling.suggestion(for: t, in: ["drop", "block"]), expected: "drop or block"); blocks = nil
                }
            }
            if let s = servers, let c = capacity ?? nil, c < s {
                f["capacity"]!.fail("the capacity (\(c)) must be at least the number of servers (\(s))", expected: "capacity ≥ servers")
                return nil
            }
            if let d = service, !(d.mean.isFinite && d.mean > 0 && d.cdf(-1e-300) == 0) {
                f["service"]!.fail("a service time must be ≥ 0 with a finite mean above 0, got \(f["service"]!.text() ?? "")", expected: "a distribution such as exp(mean=1s)")
                return nil
            }
            guard let servers, let service, let capacity, let blocks else { return nil }
            return .station(servers: servers, service: service, capacity: capacity, blocks: blocks)
        case .delay:
            guard let d = f.required("duration", expected: "a distribution such as 20ms")?.distribution() else { return nil }
            guard d.mean.isFinite, d.mean >= 0, d.cdf(-1e-300) == 0 else {
                f["duration"]!.fail("a delay must be ≥ 0 with a finite mean", expected: "a distribution such as lognormal(p50=20ms, p99=80ms)")
                return nil
            }
            return .delay(d)
        case .router:
            var rule = "probability"
            if let r = f["rule"], let t = r.text(expected: "probability, round_robin or key_hash") {
                let all = ["probability", "round_robin", "key_hash"]
                guard all.contains(t) else { r.fail("unknown rule `\(t)`" + Spelling.suggestion(for: t, in: all), expected: all.joined(separator: ", ")); return nil }
                rule = t
            }
            if let w = f["weights"], rule != "probability" { w.fail("`weights` apply to rule: probability only, the rule is \(rule)", expected: "no weights"); return nil }
            switch rule {
            case "round_robin": return .router(.roundRobin)
            case "key_hash": return .router(.keyHash)
            default:
                guard let w = f["weights"] else { return .router(.probability(Array(repeating: 1, count: Swift.max(outputs, 1)))) }
                guard let items = w.list() else { return nil }
                let weights = items.compactMap { $0.nonNegative(expected: "a weight ≥ 0") }
                guard weights.count == items.count else { return nil }
                guard weights.count == outputs else { w.fail("\(weights.count) weight(s) for \(outputs) output(s)", expected: "one weight per output in `to`"); return nil }
                guard weights.contains(where: { $0 > 0 }) else { w.fail("every weight is 0", expected: "at least one weight above 0"); return nil }
                return .router(.probability(weights))
            }
        case .sink:
            return .sink
        }
    }

    /// A workload stream's rate over the horizon, as `(seconds, rate)` points.
    func streamProfile(_ name: String, _ node: ConfigNode) -> ComponentSpec.SourceArrivals? {
        guard let workload else {
            if !workloadGiven { node.fail("a source with `stream:` needs a `workload:` section", expected: "workload: {streams: {\(name): {rate: 500/s}}}") }
            return nil
        }
        guard let stream = workload.streams.first(where: { $0.name == name }) else {
            let names = workload.streams.map(\.name)
            node.fail("no workload stream named `\(name)`" + Spelling.suggestion(for: name, in: names), expected: "one of " + names.joined(separator: ", "))
            return nil
        }
        // One point a minute (or 500 over the horizon when shorter), piecewise linear in between.
        let step = Swift.max(1_000_000, Swift.min(60_000_000, horizon / 500))
        var points: [(time: Double, rate: Double)] = []
        var t: Int64 = 0
        while t <= horizon + step {
            points.append((Double(t) / 1e6, stream.rate.rate(at: start + t)))
            t += step
        }
        guard points.contains(where: { $0.rate > 0 }) else {
            node.fail("the stream `\(name)` has no traffic during the horizon", expected: "a stream with a rate above 0")
            return nil
        }
        return .profile(stream: name, points: points)
    }
}
