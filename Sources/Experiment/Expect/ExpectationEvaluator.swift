/// Evaluating a scenario's SLOs and `expect:` block against a run.
///
/// A measured figure is the mean over replications; `~ analytic` passes
/// when the theory's value lies inside the replications' 99% confidence
/// interval. A run whose conservation does not balance fails every check:
/// its numbers cannot be trusted.

import Foundation
import Planning

/// The verdict of one SLO.
public struct SLOVerdict: Sendable {
    /// The objective.
    public var slo: SLO
    /// The measured percentile over every replication's latencies (seconds), nil when nothing was measured.
    public var measured: Double?
    /// The fraction of latencies within the bound.
    public var fractionWithin: Double?
    /// `true` when the objective holds.
    public var met: Bool
}

/// The outcome of one expectation.
public struct ExpectationOutcome: Sendable {
    /// The expectation.
    public var expectation: Expectation
    /// `true` when it holds.
    public var passed: Bool
    /// What was measured, as text (`p99 = 4.61 s (95% CI 4.50 s … 4.72 s)`).
    public var measured: String
    /// What was required, as text.
    public var required: String
}

/// Checks SLOs and expectations.
public enum ExpectationEvaluator {
    /// Each SLO's verdict.
    public static func slos(_ run: ScenarioRunResult) -> [SLOVerdict] {
        run.scenario.slos.map { slo in
            let h = slo.stage.flatMap { s in run.stages.firstIndex { $0.name == s }.map { run.stageLatency[$0] } } ?? run.endToEnd
            let measured = h.isEmpty ? nil : (slo.percentile >= 100 ? h.maxNanos.map { Double($0) / 1e9 } : h.valueSeconds(atPercentile: slo.percentile))
            let met = measured.map { slo.strict ? $0 < slo.boundSeconds : $0 <= slo.boundSeconds } ?? false
            return SLOVerdict(slo: slo, measured: measured, fractionWithin: run.fractionWithin(slo.boundSeconds, strict: slo.strict, stage: slo.stage), met: met)
        }
    }

    /// `true` when every SLO holds (and there is at least one measurement).
    public static func sloMet(_ run: ScenarioRunResult) -> Bool { slos(run).allSatisfy(\.met) }

    /// Every expectation's outcome, in file order.
    public static func evaluate(_ run: ScenarioRunResult) -> [ExpectationOutcome] {
        let balanced = run.conservation.balanced
        return run.scenario.expectations.map { e in
            var outcome = evaluate(e, run)
            if !balanced {
                outcome.passed = false
                outcome.measured += "; conservation does not balance"
            }
            return outcome
        }
    }

    static func evaluate(_ e: Expectation, _ run: ScenarioRunResult) -> ExpectationOutcome {
        func out(_ passed: Bool, _ measured: String, _ required: String) -> ExpectationOutcome {
            ExpectationOutcome(expectation: e, passed: passed, measured: measured, required: required)
        }
        switch e.check {
        case .throughputHeld(let share):
            let offered = offeredRate(run)
            guard let t = run.estimate(.throughput, stage: nil) else { return out(false, "no throughput measured", "") }
            let dropped = run.replications.reduce(0) { $0 + ($1.endToEnd["drops"] ?? 0) }
            let need = share * offered
            return out(t.value >= need && dropped == 0, "delivered \(rate(t.value)), \(Int(dropped)) dropped",
                       "at least \(NumberText.percent(share)) of the offered \(rate(offered)) = \(rate(need)), no drop")
        case .sloMet:
            let verdicts = slos(run)
            let text = verdicts.map { v in "\(v.slo.name): \(v.measured.map(seconds) ?? "nothing measured")" }.joined(separator: ", ")
            return out(!verdicts.isEmpty && verdicts.allSatisfy(\.met), text, verdicts.map(\.slo.objectiveText).joined(separator: ", "))
        case .lagDrained(let within):
            let drains = run.drainSeconds
            guard !drains.isEmpty else { return out(false, "no spike inside the horizon", "a spike to drain after") }
            let text = zip(run.spikes, drains).map { s, d in "\(s.name): " + (d.map { "drained \(seconds($0)) after" } ?? "never drained") }
            return out(drains.allSatisfy { $0.map { $0 <= within } ?? false }, text.joined(separator: ", "), "within \(seconds(within)) after each spike")
        case .batch(let b): return BatchExpectation.evaluate(b, e, run)
        case .scaled(let up):
            return StreamingExpectations.scaled(up: up, run, e)
        case .reviewBacklogDrained:
            return StreamingExpectations.reviewDrained(run, e)
        case .compare(let metric, let stage, _, _) where run.streaming != nil && (metric.isStreaming || metric.allowsShare)
                                                     || metric.isStreaming && (metric != .lag || stage != nil):
            return StreamingExpectations.compare(e, run)
        case .compare(let metric, let stage, let op, let target):
            let name = metric.rawValue + (stage.map { "[\($0)]" } ?? "")
            let value: Double?
            var interval = ""
            var ci: (lower: Double, upper: Double)?
            switch metric {
            case .storage: value = run.storageBytes
            case .costGCP: value = run.monthlyCost("gcp")
            case .costAWS: value = run.monthlyCost("aws")
            case .costAzure: value = run.monthlyCost("azure")
            default:
                let level = target == .analytic ? 0.99 : 0.95
                let est = run.estimate(metric, stage: stage, level: level)
                value = est?.value
                if let i = est?.interval {
                    ci = (i.lower, i.upper)
                    interval = " (\(Int(level * 100))% CI \(format(i.lower, metric)) … \(format(i.upper, metric)))"
                }
            }
            guard let value else { return out(false, "\(name) was not measured", "") }
            let measured = "\(name) = \(format(value, metric))" + interval
            switch target {
            case .analytic:
                let k = stage.flatMap { s in run.stages.firstIndex { $0.name == s } }
                guard let theory = run.analytics.value(metric, stage: k) else {
                    return out(false, measured, "an analytic value (none applies to this network)")
                }
                guard let ci else { return out(false, measured, "a confidence interval (replications ≥ 2)") }
                return out(theory >= ci.lower && theory <= ci.upper, measured, "analytic \(format(theory, metric)) inside the 99% CI")
            case .value(let bound):
                return out(op.holds(value, bound), measured, "\(op.rawValue) \(format(bound, metric))")
            case .share:
                return out(false, measured, "a share of the records generated (a streaming scenario)")
            }
        }
    }

    /// The offered rate (records/s): the sources' mean rates of a queueing
    /// network, or the records generated per second after the warm-up of a
    /// streaming run (mean over replications).
    static func offeredRate(_ run: ScenarioRunResult) -> Double {
        if run.streaming != nil {
            let values = run.replications.compactMap { $0.endToEnd["offered"] }
            return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
        return run.scenario.components.compactMap { c -> Double? in
            if case .source(let a, _) = c.role { return ScenarioChecks.meanRate(a) }
            return nil
        }.reduce(0, +)
    }

    static func seconds(_ s: Double) -> String { TimeSpan(seconds: s).formatted }
    static func rate(_ r: Double) -> String { NumberText.significant(r, digits: 4) + "/s" }

    static func format(_ v: Double, _ metric: ExpectationMetric) -> String {
        switch metric.unit {
        case .seconds: return seconds(v)
        case .fraction: return NumberText.percent(v)
        case .rate: return rate(v)
        case .count: return NumberText.plain(v, maxFractionDigits: 1)
        case .bytes: return ByteCount(bytes: v).formatted()
        case .usd: return Money(usd: Decimal(v)).formatted
        }
    }
}
