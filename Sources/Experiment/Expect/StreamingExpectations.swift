/// The expectations only a streaming run can answer (see ``Expectation``):
/// fraud recall and precision, dead letters and drops as counts or shares,
/// consumer lag, parallelism, hot partitions, the review queue, and the
/// autoscaler's actions around spikes. Figures come from the run's
/// ``StreamingOutcome`` (counts summed over replications, maxima over
/// replications); a scope `[X]` names a stream job, or for dead letters and
/// drops also a cause.

import Planning
import Platform

/// Evaluates streaming expectations.
enum StreamingExpectations {
    static func out(_ e: Expectation, _ passed: Bool, _ measured: String, _ required: String) -> ExpectationOutcome {
        ExpectationOutcome(expectation: e, passed: passed, measured: measured, required: required)
    }

    /// The pipelines a scope selects (all without one); nil when it names no job.
    static func pipelines(_ o: StreamingOutcome, _ scope: String?) -> [PipelineOutcome]? {
        guard let scope else { return o.pipelines }
        return o.pipeline(scope).map { [$0] }
    }

    /// `metric[scope] op target` on a streaming run.
    static func compare(_ e: Expectation, _ run: ScenarioRunResult) -> ExpectationOutcome {
        guard case .compare(let metric, let scope, let op, let target) = e.check else { preconditionFailure("StreamingExpectations: not a comparison") }
        let name = metric.rawValue + (scope.map { "[\($0)]" } ?? "")
        guard let o = run.streaming else { return out(e, false, "\(name) is a figure of a streaming scenario (this one has no `streaming:`)", "") }
        let jobs = o.pipelines.map(\.name).joined(separator: ", ")
        var selected = pipelines(o, scope)
        var cause: String?
        if selected == nil, let scope, metric.allowsShare {
            let causes = Set(o.pipelines.flatMap { (metric == .drops ? $0.drops : $0.deadLetters).map(\.cause) })
            if causes.contains(scope) || causes.contains(where: { $0.hasPrefix(scope + " ") }) { cause = scope; selected = o.pipelines }
        }
        guard let selected else { return out(e, false, "no stream job `\(scope ?? "")`", "one of \(jobs)") }
        let value: Double?
        let generated = Double(selected.reduce(Int64(0)) { $0 + $1.generated })
        switch metric {
        case .recall, .precision:
            var d = DecisionCounts()
            for p in selected { d.add(p.decisions) }
            value = metric == .recall ? d.recall : d.precision
            guard let value else {
                return out(e, false, metric == .recall ? "no fraudulent record was decided" : "no record was flagged",
                           "\(op.rawValue) \(format(target, metric))")
            }
            return out(e, holds(op, value, target, generated), "\(name) = \(Planning.NumberText.percent(value)) of "
                       + (metric == .recall ? "\(d.approveFraud + d.reviewFraud + d.blockFraud) fraudulent"
                                             : "\(d.reviewFraud + d.reviewLegit + d.blockFraud + d.blockLegit) flagged"),
                       "\(op.rawValue) \(format(target, metric))")
        case .deadLetters, .drops:
            let n = selected.reduce(Int64(0)) { total, p in
                let counts = metric == .drops ? p.drops : p.deadLetters
                return total + counts.filter { c in cause.map { c.cause == $0 || c.cause.hasPrefix($0 + " ") } ?? true }.reduce(0) { $0 + $1.count }
            }
            value = Double(n)
        case .lag:
            // Unscoped: the most total lag (summed over jobs at each sample) in any replication.
            value = scope == nil ? run.replications.compactMap { $0.endToEnd["lag"] }.max() : selected.map(\.maxLag).max()
        case .maxParallelism: value = selected.map { Double($0.maxParallelismSeen) }.max()
        case .hotPartitions: value = Double(selected.reduce(0) { $0 + $1.hotPartitions.count })
        case .reviewBacklog: value = selected.map { Double($0.review.maxBacklog) }.max()
        default: value = nil
        }
        guard let value else { return out(e, false, "\(name) was not measured", "") }
        var measured = "\(name) = \(Planning.NumberText.plain(value))"
        if case .share = target { measured += " of \(Planning.NumberText.plain(generated)) generated (\(Planning.NumberText.percent(generated > 0 ? value / generated : 0)))" }
        return out(e, holds(op, value, target, generated), measured, "\(op.rawValue) \(format(target, metric))")
    }

    /// `value op target`, a share target taken of `generated`.
    static func holds(_ op: Expectation.Comparator, _ value: Double, _ target: Expectation.Target, _ generated: Double) -> Bool {
        switch target {
        case .value(let bound): return op.holds(value, bound)
        case .share(let share): return generated > 0 && op.holds(value / generated, share)
        case .analytic: return false
        }
    }

    static func format(_ target: Expectation.Target, _ metric: ExpectationMetric) -> String {
        switch target {
        case .value(let v): return ExpectationEvaluator.format(v, metric)
        case .share(let s): return Planning.NumberText.percent(s) + " of the records generated"
        case .analytic: return "analytic"
        }
    }

    /// An action up inside every spike, or down after every spike's end.
    static func scaled(up: Bool, _ run: ScenarioRunResult, _ e: Expectation) -> ExpectationOutcome {
        let required = up ? "a scale-up between the start and the end of every spike"
                          : "a scale-down once every spike's traffic falls (from the start of its ramp-down)"
        guard let o = run.streaming else { return out(e, false, "not a streaming scenario", required) }
        guard !run.spikes.isEmpty else { return out(e, false, "no spike inside the horizon", required) }
        let actions = o.pipelines.flatMap(\.autoscalerActions).map(\.action)
        guard !actions.isEmpty else {
            let any = o.pipelines.contains { $0.maxParallelismAllowed > 0 }
            return out(e, false, any ? "the autoscaler made no rescaling decision" : "no autoscaler", required)
        }
        var parts: [String] = []
        var passed = true
        for spike in run.spikes {
            let hit = actions.first { a in
                let t = Double(a.timeNanos) / 1e9
                return up ? (a.to > a.from && t >= spike.start && t <= spike.end) : (a.to < a.from && t >= fallStart(spike, run))
            }
            if let hit {
                parts.append("\(spike.name): \(hit.from) → \(hit.to) tasks at \(TimeSpan(seconds: Double(hit.timeNanos) / 1e9).formatted)")
            } else {
                passed = false
                parts.append("\(spike.name): no scale-\(up ? "up during it" : "down after it")")
            }
        }
        return out(e, passed, parts.joined(separator: ", "), required)
    }

    /// When `spike`'s traffic starts to fall, seconds since the start: its end
    /// minus its ramp-down (a workload spike's ramps lie inside its duration).
    static func fallStart(_ spike: (name: String, start: Double, end: Double), _ run: ScenarioRunResult) -> Double {
        let s = run.scenario
        for stream in s.workload?.streams ?? [] {
            for w in stream.rate.spikes where Double(w.start - s.start) / 1e6 == spike.start && Double(w.end - s.start) / 1e6 == spike.end {
                return spike.end - Double(w.rampDown) / 1e6
            }
        }
        return spike.end
    }

    /// Every review queue empty of waiting cases at the end.
    static func reviewDrained(_ run: ScenarioRunResult, _ e: Expectation) -> ExpectationOutcome {
        let required = "no case waiting for a reviewer at the end"
        guard let o = run.streaming else { return out(e, false, "not a streaming scenario", required) }
        let queues = o.pipelines.filter { $0.reviewers > 0 }
        guard !queues.isEmpty else { return out(e, false, "no review queue", required) }
        let text = queues.map { "\($0.name): \($0.reviewBacklogAtEnd) waiting at the end (most \($0.review.maxBacklog))" }
        return out(e, queues.allSatisfy { $0.reviewBacklogAtEnd == 0 }, text.joined(separator: ", "), required)
    }
}
