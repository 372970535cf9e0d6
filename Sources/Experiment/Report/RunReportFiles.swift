/// The report directory of `headroom run`: report.md, report.html,
/// report.json and timeseries.csv, written together through
/// ``Reporting/ReportFiles`` (a failed run leaves no partial report), and
/// the summary table printed on stdout.

import Foundation
import Planning
import Reporting

/// Assembles and writes a run's report files.
public enum RunReportFiles {
    /// The files of `run`, in writing order.
    public static func files(_ run: ScenarioRunResult, version: String, reproducible: Bool) -> ReportFiles {
        let document = RunReportDocument.build(run, version: version, reproducible: reproducible)
        var files = ReportFiles()
        files.add("report.md", MarkdownRenderer.render(document))
        files.add("report.html", HTMLRenderer.render(document))
        files.add("report.json", RunReportJSON.build(run, version: version, reproducible: reproducible).serialized())
        files.add("timeseries.csv", timeSeries(run).serialized())
        if let o = run.streaming { files.add("partitions.csv", partitions(o).serialized()) }
        return files
    }

    /// Writes the report of `run` into `directory` (all files or none).
    /// - Throws: the file-system error; then nothing has changed.
    public static func write(_ run: ScenarioRunResult, to directory: URL, version: String, reproducible: Bool) throws {
        try files(run, version: version, reproducible: reproducible).write(to: directory)
    }

    /// One row per sample and replication: time, delivered per second, records waiting in total and per station;
    /// for a streaming run, consumer lag in total, then per job its lag, delivered per second, tasks running and
    /// review cases waiting (`lag_<job>`, `delivered_per_second_<job>`, `parallelism_<job>`, `review_backlog_<job>`).
    public static func timeSeries(_ run: ScenarioRunResult) -> CSVTable {
        if let o = run.streaming { return streamingTimeSeries(run, o) }
        let stations = run.stages.enumerated().filter { $0.element.kind == .station }
        var table = CSVTable(header: ["replication", "time_seconds", "delivered_per_second", "waiting_records"]
            + stations.map { "waiting_" + $0.element.name })
        for (r, rep) in run.replications.enumerated() {
            for i in rep.times.indices {
                table.rows.append([String(r + 1), Reporting.NumberText.fixed(rep.times[i], 3),
                                   Reporting.NumberText.fixed(rep.deliveredRate[i], 3), Reporting.NumberText.fixed(rep.waiting[i], 0)]
                                  + stations.map { Reporting.NumberText.fixed(rep.stageWaiting[$0.offset][i], 0) })
            }
        }
        return table
    }

    static func streamingTimeSeries(_ run: ScenarioRunResult, _ o: StreamingOutcome) -> CSVTable {
        var header = ["replication", "time_seconds", "delivered_per_second", "lag_records"]
        for p in o.pipelines { header += ["lag_" + p.name, "delivered_per_second_" + p.name, "parallelism_" + p.name, "review_backlog_" + p.name] }
        var table = CSVTable(header: header)
        for (r, rep) in run.replications.enumerated() {
            for i in rep.times.indices {
                var row = [String(r + 1), Reporting.NumberText.fixed(rep.times[i], 3), Reporting.NumberText.fixed(rep.deliveredRate[i], 3),
                           Reporting.NumberText.fixed(rep.waiting[i], 0)]
                for p in o.pipelines {
                    row += [Reporting.NumberText.fixed(p.lag[r][i], 0), Reporting.NumberText.fixed(p.deliveredRate[r][i], 3),
                            Reporting.NumberText.fixed(p.parallelism[r][i], 0), Reporting.NumberText.fixed(p.reviewBacklog[r][i], 0)]
                }
                table.rows.append(row)
            }
        }
        return table
    }

    /// partitions.csv of a streaming run: per job and partition, records appended (all replications), the largest lag, and whether it is hot.
    public static func partitions(_ o: StreamingOutcome) -> CSVTable {
        var table = CSVTable(header: ["job", "topic", "partition", "records", "share_of_mean", "max_lag_records", "hot"])
        for p in o.pipelines {
            let hot = Set(p.hotPartitions)
            let mean = p.meanPartitionRecords
            for k in p.partitionRecords.indices {
                table.rows.append([p.name, p.topic, String(k), String(p.partitionRecords[k]),
                                   Reporting.NumberText.fixed(mean > 0 ? Double(p.partitionRecords[k]) / mean : 0, 3),
                                   String(p.partitionMaxLag[k]), hot.contains(k) ? "true" : "false"])
            }
        }
        return table
    }

    /// The summary table for a terminal: one line per figure.
    public static func summary(_ run: ScenarioRunResult) -> String {
        let p = run.endToEnd.percentiles()
        func sec(_ v: Double?) -> String { v.map { TimeSpan(seconds: $0).formatted } ?? "—" }
        let c = run.conservation
        let verdicts = ExpectationEvaluator.slos(run)
        var lines: [(String, String)] = [
            ("scenario", "\(run.scenario.name) (seed \(run.seed), \(run.scenario.replications) replication(s))"),
            ("SLO", verdicts.isEmpty ? "none" : (verdicts.allSatisfy(\.met) ? "met" : "MISSED") + " — " + verdicts.map { "\($0.slo.stage.map { $0 + " " } ?? "")\($0.slo.objectiveText): \(sec($0.measured))" }.joined(separator: ", ")),
            ("end-to-end p50 / p99 / max", "\(sec(p?.p50Seconds)) / \(sec(p?.p99Seconds)) / \(sec(p?.maxSeconds))"),
            ("throughput (after warm-up)", run.estimate(.throughput, stage: nil).map { Planning.NumberText.significant($0.value, digits: 4) + "/s" } ?? "—"),
            ("most records waiting", Planning.NumberText.plain(run.replications.map { $0.waiting.max() ?? 0 }.max() ?? 0)),
            ("conservation", "\(c.generated) = \(c.delivered) + \(c.dropped) dropped + \(c.inFlight) in flight" + (c.balanced ? "" : "  NOT BALANCED")),
            ("events simulated", String(run.eventsSimulated)),
            ("wall time", Planning.NumberText.significant(run.wallSeconds, digits: 3) + " s"),
        ]
        if let o = run.streaming {
            lines[4] = ("most consumer lag", Planning.NumberText.plain(run.replications.map { $0.waiting.max() ?? 0 }.max() ?? 0) + " records")
            for p in o.pipelines {
                var facts = ["\(p.partitionRecords.count) partitions (\(p.hotPartitions.count) hot)",
                             "tasks \(p.minParallelismSeen)–\(p.maxParallelismSeen), \(p.autoscalerActions.count) rescale(s)"]
                let dead = p.deadLettersTotal, dropped = p.dropsTotal
                facts.append("\(dropped) dropped, \(dead) dead letters")
                let d = p.decisions
                if let r = d.recall { facts.append("recall " + Planning.NumberText.percent(r) + (d.precision.map { ", precision " + Planning.NumberText.percent($0) } ?? "")) }
                if p.operatorOutcome.sessionsClosed > 0 { facts.append("\(p.operatorOutcome.sessionsClosed) sessions") }
                lines.append(("job \(p.name)", facts.joined(separator: "; ")))
            }
        }
        lines += BatchReportSection.summaryLines(run)
        for (k, stage) in run.stages.enumerated() {
            let u = run.estimate(.utilization, stage: stage.name)?.value
            lines.append(("  \(stage.name)", "p99 \(sec(run.stageLatency[k].percentiles()?.p99Seconds)), mean \(sec(run.estimate(.meanSojourn, stage: stage.name)?.value))"
                + (u.map { ", utilization " + Planning.NumberText.percent($0) } ?? "")))
        }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }
}
