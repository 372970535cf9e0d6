/// `report.json` of `headroom run`: a versioned schema (``schemaVersion``)
/// whose keys scripts and dashboards can rely on. Key order is fixed and
/// numbers are printed deterministically (``Reporting/JSONValue``), so the
/// same seed gives the same bytes; `wall_seconds` is the only measured
/// wall-clock figure, and reproducible runs write 0 there.

import Metrics
import Reporting

/// Builds `report.json`.
public enum RunReportJSON {
    /// Version of the report.json schema; raised when a key changes meaning or goes away.
    public static let schemaVersion = 1

    /// The JSON document of `run`, stamped with the tool `version`.
    public static func build(_ run: ScenarioRunResult, version: String, reproducible: Bool) -> JSONValue {
        let s = run.scenario
        let verdicts = ExpectationEvaluator.slos(run)
        let c = run.conservation
        let peak = run.replications.flatMap(\.deliveredRate).max() ?? 0
        let offered = ExpectationEvaluator.offeredRate(run)
        let stageList = stages(run)
        let objectives: [JSONValue] = verdicts.map { v in
            let members: [(String, JSONValue)] = [
                ("name", .string(v.slo.name)), ("objective", .string(v.slo.objectiveText)),
                ("stage", v.slo.stage.map(JSONValue.string) ?? .null),
                ("measured_seconds", number(v.measured)), ("fraction_within", number(v.fractionWithin)), ("met", .bool(v.met)),
            ]
            return .object(members)
        }
        let slo: JSONValue = .object([("met", .bool(verdicts.allSatisfy(\.met))), ("objectives", .array(objectives))])
        let endToEnd = latency(run.endToEnd, estimates: { run.estimate($0, stage: nil) }, analytic: { run.analytics.value($0, stage: nil) })
        let throughput: JSONValue = .object([
            ("peak_events_per_second", .number(peak)),
            ("mean_events_per_second", number(run.estimate(.throughput, stage: nil)?.value)),
            ("offered_events_per_second", .number(offered)),
        ])
        var drains: [JSONValue] = []
        for (spike, d) in zip(run.spikes, run.drainSeconds) {
            let members: [(String, JSONValue)] = [("name", .string(spike.name)), ("start_seconds", .number(spike.start)),
                                                  ("end_seconds", .number(spike.end)), ("drained_after_seconds", number(d))]
            drains.append(.object(members))
        }
        let definition = run.streaming != nil
            ? "consumer lag: records in Kafka not yet fetched, summed over jobs, the most in each interval of \(Double(s.sampleEvery) / 1e6) s"
            : "records waiting for a server, summed over stations, sampled every \(Double(s.sampleEvery) / 1e6) s"
        let maxLag: Double = run.replications.map { $0.waiting.max() ?? 0 }.max() ?? 0
        let lag: JSONValue = .object([("definition", .string(definition)), ("max_records", .number(maxLag)), ("drain_after_spikes", .array(drains))])
        var causes: [JSONValue] = []
        for (k, stage) in run.stages.enumerated() {
            let n = run.replications.reduce(0.0) { $0 + ($1.stages[k]["drops"] ?? 0) }
            if n > 0 { causes.append(.object([("cause", .string("\(stage.name) full")), ("records_after_warm_up", .number(n))])) }
        }
        if let o = run.streaming { causes = StreamingReportJSON.dropCauses(o) }
        let drops: JSONValue = .object([("total", .int(Int64(c.dropped))), ("by_cause", .array(causes))])
        let conservation: JSONValue = .object([
            ("generated", .int(Int64(c.generated))), ("delivered", .int(Int64(c.delivered))),
            ("dropped", .int(Int64(c.dropped))), ("in_flight", .int(Int64(c.inFlight))), ("balanced", .bool(c.balanced)),
        ])
        let tiers: [(String, JSONValue)] = run.retainedBytesByTier.map { ($0.tier, .number($0.bytes)) }
        let storage: JSONValue = .object([("raw_bytes_per_day", .number(run.rawBytesPerDay)), ("retained_bytes_by_tier", .object(tiers))])
        let clouds: [(String, JSONValue)] = run.monthlyCostUSD.map { ($0.cloud, .number($0.usd)) }
        let expectations: [JSONValue] = ExpectationEvaluator.evaluate(run).map { o in
            .object([("expectation", .string(o.expectation.text)), ("passed", .bool(o.passed)),
                     ("measured", .string(o.measured)), ("required", .string(o.required))])
        }
        let seed: JSONValue = run.seed <= UInt64(Int64.max) ? .int(Int64(run.seed)) : .string(String(run.seed))
        var top: [(String, JSONValue)] = [
            ("schema_version", .int(Int64(schemaVersion))), ("scenario", .string(s.name)), ("description", .string(s.description)),
            ("seed", seed), ("headroom_version", .string(version)), ("reproducible", .bool(reproducible)),
            ("horizon_seconds", .number(Double(s.horizon) / 1e6)), ("warm_up_seconds", .number(Double(s.warmUp) / 1e6)),
            ("replications", .int(Int64(s.replications))),
        ]
        top.append(("slo", slo))
        top.append(("latency", .object([("end_to_end", endToEnd), ("stages", .array(stageList))])))
        top.append(("throughput", throughput))
        top.append(("lag", lag))
        top.append(("drops", drops))
        top.append(("conservation", conservation))
        top.append(("storage", storage))
        top.append(("cost", .object([("monthly_usd", .object(clouds))])))
        if let batch = BatchReportSection.json(run) { top.append(batch) }
        top.append(("expectations", .array(expectations)))
        if let o = run.streaming { top.append(("streaming", StreamingReportJSON.build(run, o))) }
        top.append(("events_simulated", .int(Int64(run.eventsSimulated))))
        top.append(("wall_seconds", .number(run.wallSeconds)))
        return .object(top)
    }

    /// The `latency.stages` entries.
    static func stages(_ run: ScenarioRunResult) -> [JSONValue] {
        var out: [JSONValue] = []
        for (k, stage) in run.stages.enumerated() {
                    var members: [(String, JSONValue)] = [("name", .string(stage.name)), ("kind", .string(stage.kindName)),
                                                          ("model", .string(run.analytics.stages[k].model))]
                    if let job = stage.pipeline { members.append(("job", .string(job))) }
                    if case .object(let rest) = latency(run.stageLatency[k], estimates: { run.estimate($0, stage: stage.name) },
                                                        analytic: { run.analytics.value($0, stage: k) }) {
                        members += rest
                    }
                    members.append(("utilization", number(run.estimate(.utilization, stage: stage.name)?.value)))
                    members.append(("utilization_analytic", number(run.analytics.value(.utilization, stage: k))))
                    members.append(("drops", number(run.estimate(.drops, stage: stage.name).map { $0.value * Double(run.replications.count) })))
                    out.append(.object(members))
        }
        return out
    }

    /// Percentiles (seconds) of a merged histogram, the replication means with
    /// their confidence interval, and the analytic values.
    static func latency(_ h: LatencyHistogram, estimates: (ExpectationMetric) -> (value: Double, interval: ConfidenceInterval?)?,
                        analytic: (ExpectationMetric) -> Double?) -> JSONValue {
        let p = h.percentiles()
        let mean = estimates(.meanSojourn)
        var members: [(String, JSONValue)] = [
            ("count", .int(Int64(h.count))),
            ("mean_seconds", number(mean?.value)),
            ("mean_ci95_seconds", mean?.interval.map { JSONValue.array([.number($0.lower), .number($0.upper)]) } ?? .null),
            ("p50_seconds", number(p?.p50Seconds)), ("p95_seconds", number(p?.p95Seconds)),
            ("p99_seconds", number(p?.p99Seconds)), ("p999_seconds", number(p?.p999Seconds)),
            ("max_seconds", number(p?.maxSeconds)),
        ]
        let theory: [(String, ExpectationMetric)] = [("mean_seconds", .meanSojourn), ("p50_seconds", .p50), ("p95_seconds", .p95),
                                                     ("p99_seconds", .p99), ("p999_seconds", .p999)]
        members.append(("analytic", .object(theory.compactMap { key, m in analytic(m).map { (key, JSONValue.number($0)) } })))
        return .object(members)
    }

    static func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
}
