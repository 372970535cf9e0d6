/// The human report of `headroom run` as a ``Reporting/ReportDocument``
/// (rendered to report.md and report.html): the SLO verdict, latency per
/// stage beside queueing theory, throughput and records waiting over time
/// with the drain after each spike, drops by cause, conservation,
/// expectations, and the facts of the run.

import Foundation
import Metrics
import Planning
import Reporting

/// Lakehouse layers in report order.
enum LakehouseLayerOrder {
    static let all = ["bronze", "silver", "gold"]
}

/// Builds the report document.
public enum RunReportDocument {
    /// The document of `run`.
    public static func build(_ run: ScenarioRunResult, version: String, reproducible: Bool) -> ReportDocument {
        if let o = run.streaming { return StreamingReportDocument.build(run, o, version: version, reproducible: reproducible) }
        let s = run.scenario
        var doc = header(run)
        doc.append(.heading(level: 2, text: "Latency"))
        doc.append(.paragraph("Percentiles over every replication's measurements after the warm-up; the mean with its 95% confidence interval over \(s.replications) replication(s); the analytic column is queueing theory where it applies (Planning's formulas)."))
        var rows: [[String]] = [latencyRow("end to end", "—", run.endToEnd.percentiles(), run.estimate(.meanSojourn, stage: nil),
                                           utilization: nil, analytic: (run.analytics.value(.meanSojourn, stage: nil), run.analytics.value(.p99, stage: nil)))]
        for (k, stage) in run.stages.enumerated() {
            let u = run.estimate(.utilization, stage: stage.name)?.value
            rows.append(latencyRow(stage.name, run.analytics.stages[k].model, run.stageLatency[k].percentiles(),
                                   run.estimate(.meanSojourn, stage: stage.name), utilization: u,
                                   analytic: (run.analytics.value(.meanSojourn, stage: k), run.analytics.value(.p99, stage: k))))
        }
        doc.append(.table(ReportTable(columns: ["stage", "model", "mean (95% CI)", "p50", "p95", "p99", "p99.9", "max", "utilization", "analytic mean", "analytic p99"],
                                      numeric: [false, false] + Array(repeating: true, count: 9), rows: rows)))
        doc.append(.heading(level: 2, text: "Throughput and records waiting"))
        let first = run.replications[0]
        let markers = run.spikes.flatMap { [ChartMarker(x: $0.start, label: "\($0.name) starts"), ChartMarker(x: $0.end, label: "\($0.name) ends")] }
        doc.append(.chart(LineChart(title: "Delivered per second (replication 1)", xLabel: "time (s)", yLabel: "records/s",
                                    series: [ChartSeries(name: "delivered", x: first.times, y: first.deliveredRate)], markers: markers)))
        doc.append(.chart(LineChart(title: "Records waiting for a server (replication 1)", xLabel: "time (s)", yLabel: "records",
                                    series: [ChartSeries(name: "waiting", x: first.times, y: first.waiting)], markers: markers)))
        let peak = run.replications.flatMap(\.deliveredRate).max() ?? 0
        var facts = ["peak delivered: \(rate(peak)) (one sample interval)",
                     "mean delivered after warm-up: \(run.estimate(.throughput, stage: nil).map { rate($0.value) } ?? "—")",
                     "most records waiting: \(Planning.NumberText.plain(run.replications.map { $0.waiting.max() ?? 0 }.max() ?? 0))"]
        for (spike, d) in zip(run.spikes, run.drainSeconds) {
            facts.append("\(spike.name) (\(seconds(spike.start)) to \(seconds(spike.end))): " + (d.map { "waiting back to the pre-spike level \(seconds($0)) after its end" } ?? "waiting never came back to the pre-spike level"))
        }
        doc.append(.bullets(facts))
        doc.append(.heading(level: 2, text: "Drops and conservation"))
        let drops = run.stages.enumerated().compactMap { k, stage -> [String]? in
            let n = run.replications.reduce(0.0) { $0 + ($1.stages[k]["drops"] ?? 0) }
            return n > 0 ? ["\(stage.name) full", Planning.NumberText.plain(n)] : nil
        }
        doc.append(drops.isEmpty ? .paragraph("No record was dropped after the warm-up.")
                                 : .table(ReportTable(columns: ["cause", "records dropped after warm-up"], numeric: [false, true], rows: drops)))
        let c = run.conservation
        doc.append(.verdict(passed: c.balanced, text: "Conservation \(c.balanced ? "balances" : "DOES NOT balance"): generated \(c.generated) = delivered \(c.delivered) + dropped \(c.dropped) + in flight \(c.inFlight)"))
        doc.append(.heading(level: 2, text: "Storage and cost"))
        appendStorage(run, to: &doc)
        BatchReportSection.append(run, to: &doc)
        appendExpectations(run, to: &doc)
        appendRunFacts(run, version: version, reproducible: reproducible, to: &doc)
        return doc
    }

    /// The expectations table, when the scenario has an `expect:` block.
    static func appendExpectations(_ run: ScenarioRunResult, to doc: inout ReportDocument) {
        let outcomes = ExpectationEvaluator.evaluate(run)
        if !outcomes.isEmpty {
            doc.append(.heading(level: 2, text: "Expectations"))
            doc.append(.table(ReportTable(columns: ["expectation", "result", "measured", "required"],
                                          rows: outcomes.map { [$0.expectation.text, $0.passed ? "pass" : "FAIL", $0.measured, $0.required] })))
        }
    }

    /// The run's facts: seed, replications, horizon, version, events simulated, wall time.
    static func appendRunFacts(_ run: ScenarioRunResult, version: String, reproducible: Bool, to doc: inout ReportDocument) {
        let s = run.scenario
        doc.append(.heading(level: 2, text: "Run"))
        doc.append(.bullets([
            "seed \(run.seed), \(s.replications) replication(s), horizon \(seconds(Double(s.horizon) / 1e6)), warm-up \(seconds(Double(s.warmUp) / 1e6))",
            "headroom \(version), report schema \(RunReportJSON.schemaVersion)",
            "events simulated: \(run.eventsSimulated)",
            reproducible ? "reproducible mode: wall time not recorded (0), so this report regenerates byte for byte"
                         : "wall time: \(Planning.NumberText.significant(run.wallSeconds, digits: 3)) s",
        ] + (run.replications.contains(where: \.overflowed) ? ["the in-flight guard (2,000,000 jobs) stopped at least one replication before the horizon"] : [])))
    }

    /// Datasets per day, retained bytes by tier at steady state, and monthly cost per cloud.
    static func appendStorage(_ run: ScenarioRunResult, to doc: inout ReportDocument) {
        guard let storage = run.storage else {
            doc.append(.paragraph("This scenario has no `storage:` section and no priced component: 0 bytes stored, 0 USD a month on every cloud."))
            return
        }
        func bytes(_ b: Double) -> String { ByteCount(bytes: b).formatted() }
        doc.append(.table(ReportTable(
            columns: ["dataset", "records/day", "raw/day", "compression", "Bronze/day", "Silver/day", "Gold/day", "Bronze files/day"],
            numeric: [false] + Array(repeating: true, count: 7),
            rows: storage.datasets.map { d in
                [d.dataset, Planning.NumberText.significant(d.recordsPerDay, digits: 4), bytes(d.rawBytesPerDay),
                 Planning.NumberText.significant(d.compressionRatio, digits: 3) + "×" + (d.compressionMeasured ? " (measured)" : "")]
                    + LakehouseLayerOrder.all.map { layer in bytes(d.layers.first { $0.layer.rawValue == layer }?.storedBytesPerDay ?? 0) }
                    + [Planning.NumberText.significant(d.bronzeFiles.filesPerDay, digits: 4)]
            })))
        let month = storage.steadyStateMonth.map { "steady from month \($0)" } ?? "not yet steady in the months projected"
        doc.append(.paragraph("Retained at the end of the projection (\(month)): "
            + run.retainedBytesByTier.map { "\($0.tier) \(bytes($0.bytes))" }.joined(separator: ", ") + "."))
        doc.append(.table(ReportTable(columns: ["cloud", "storage cost per month"], numeric: [false, true],
                                      rows: run.monthlyCostUSD.map { [$0.cloud, Money(usd: Decimal($0.usd)).formatted] })))
    }

    static func latencyRow(_ name: String, _ model: String, _ p: Metrics.Percentiles?, _ mean: (value: Double, interval: Metrics.ConfidenceInterval?)?,
                           utilization: Double?, analytic: (Double?, Double?)) -> [String] {
        let meanText = mean.map { m in seconds(m.value) + (m.interval.map { " (\(seconds($0.lower)) … \(seconds($0.upper)))" } ?? "") } ?? "—"
        return [name, model, meanText, p.map { seconds($0.p50Seconds) } ?? "—", p.map { seconds($0.p95Seconds) } ?? "—",
                p.map { seconds($0.p99Seconds) } ?? "—", p.map { seconds($0.p999Seconds) } ?? "—", p.map { seconds($0.maxSeconds) } ?? "—",
                utilization.map(percent) ?? "—", analytic.0.map(seconds) ?? "—", analytic.1.map(seconds) ?? "—"]
    }

    /// The title, the description and the SLO verdict: the top of every run report.
    static func header(_ run: ScenarioRunResult) -> ReportDocument {
        let s = run.scenario
        var doc = ReportDocument(title: "Run report: \(s.name)")
        if !s.description.isEmpty { doc.append(.paragraph(s.description)) }
        let verdicts = ExpectationEvaluator.slos(run)
        if verdicts.isEmpty {
            doc.append(.paragraph("No latency objective (`slos:`) in this scenario."))
        } else {
            let met = verdicts.allSatisfy(\.met)
            doc.append(.verdict(passed: met, text: (met ? "SLO met: " : "SLO missed: ") + verdicts.map { v in
                "\(v.slo.name) (\(v.slo.stage ?? "end to end")) measured \(v.measured.map(seconds) ?? "nothing")"
                    + (v.fractionWithin.map { ", \(percent($0)) within \(seconds(v.slo.boundSeconds))" } ?? "")
            }.joined(separator: "; ")))
        }
        return doc
    }

    static func seconds(_ s: Double) -> String { TimeSpan(seconds: s).formatted }
    static func percent(_ f: Double) -> String { Planning.NumberText.percent(f) }
    static func rate(_ r: Double) -> String { Planning.NumberText.significant(r, digits: 4) + "/s" }
}
