/// The human report of a streaming scenario, in the order an architect
/// reads it: the SLO verdict; latency per stage and end to end with the
/// fraction within the objective; throughput and consumer lag over time
/// with the drain after each spike; partitions and the hot ones; drops and
/// dead letters by cause; the autoscaler's actions; fraud decisions against
/// the labels and the review queue; sessions; latency per region; storage
/// by tier and cost per month; conservation; expectations; the run's facts.

import Foundation
import Metrics
import Planning
import Platform
import Reporting

/// Builds the report document of a streaming run.
enum StreamingReportDocument {
    static func seconds(_ s: Double) -> String { RunReportDocument.seconds(s) }
    static func percent(_ f: Double) -> String { RunReportDocument.percent(f) }
    static func count(_ v: Double) -> String { Planning.NumberText.plain(v) }
    static func count(_ v: Int64) -> String { Planning.NumberText.plain(Double(v)) }
    static func rate(_ r: Double) -> String { RunReportDocument.rate(r) }

    /// The document of `run` (whose ``ScenarioRunResult/streaming`` is set).
    static func build(_ run: ScenarioRunResult, _ o: StreamingOutcome, version: String, reproducible: Bool) -> ReportDocument {
        let s = run.scenario
        var doc = RunReportDocument.header(run)
        doc.append(.paragraph("Stream jobs: " + o.pipelines.map { p in
            "\(p.name) reads topic \(p.topic) (\(p.partitionRecords.count) partitions) of stream \(p.stream) with \(p.initialParallelism) task(s) running \(p.operators.joined(separator: " → "))"
        }.joined(separator: "; ") + (o.pipelines.count > 1 ? ". Each job is simulated with its own brokers: broker capacity is not shared between jobs." : ".")))
        appendLatency(run, o, to: &doc)
        appendLag(run, o, to: &doc)
        appendPartitions(o, to: &doc)
        appendDrops(run, o, to: &doc)
        appendAutoscaler(o, to: &doc)
        appendDecisions(o, to: &doc)
        doc.append(.heading(level: 2, text: "Storage and cost"))
        RunReportDocument.appendStorage(run, to: &doc)
        let c = run.conservation
        doc.append(.heading(level: 2, text: "Conservation"))
        doc.append(.verdict(passed: c.balanced, text: "Conservation \(c.balanced ? "balances" : "DOES NOT balance"): generated \(c.generated) = delivered \(c.delivered) + dropped \(c.dropped) (dead letters included) + in flight \(c.inFlight)"))
        RunReportDocument.appendExpectations(run, to: &doc)
        RunReportDocument.appendRunFacts(run, version: version, reproducible: reproducible, to: &doc)
        return doc
    }

    static func appendLatency(_ run: ScenarioRunResult, _ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Latency"))
        let e2eSLO = run.scenario.slos.first { $0.stage == nil }
        doc.append(.paragraph("From the record's arrival at its region's gateway; percentiles over every replication after the warm-up. "
            + "\"within SLO\" is the fraction within the stage's objective, or the end-to-end objective"
            + (e2eSLO.map { " (\($0.objectiveText))" } ?? " (none here)") + " for end to end."))
        func row(_ name: String, _ h: LatencyHistogram, _ stage: String?) -> [String] {
            let p = h.percentiles()
            let slo = run.scenario.slos.first { $0.stage == stage } ?? (stage == nil ? e2eSLO : nil)
            let within = slo.flatMap { run.fractionWithin($0.boundSeconds, strict: $0.strict, stage: stage) }
            return [name, count(Double(h.count)), p.map { seconds($0.meanSeconds) } ?? "—", p.map { seconds($0.p50Seconds) } ?? "—",
                    p.map { seconds($0.p95Seconds) } ?? "—", p.map { seconds($0.p99Seconds) } ?? "—",
                    p.map { seconds($0.p999Seconds) } ?? "—", p.map { seconds($0.maxSeconds) } ?? "—",
                    within.map { percent($0) + " ≤ " + seconds(slo!.boundSeconds) } ?? "—"]
        }
        var rows = [row("end to end", run.endToEnd, nil)]
        for (k, stage) in run.stages.enumerated() { rows.append(row(stage.name, run.stageLatency[k], stage.name)) }
        doc.append(.table(ReportTable(columns: ["stage", "records", "mean", "p50", "p95", "p99", "p99.9", "max", "within SLO"],
                                      numeric: [false] + Array(repeating: true, count: 8), rows: rows)))
        let regions = o.pipelines.flatMap { p in p.regions.map { (p, $0) } }
        if !regions.isEmpty {
            doc.append(.table(ReportTable(columns: ["job", "region", "records arrived", "p50", "p99", "max"],
                                          numeric: [false, false, true, true, true, true],
                                          rows: regions.map { p, r in
                                              let q = r.endToEnd.percentiles()
                                              return [p.name, r.name, count(r.generated), q.map { seconds($0.p50Seconds) } ?? "—",
                                                      q.map { seconds($0.p99Seconds) } ?? "—", q.map { seconds($0.maxSeconds) } ?? "—"]
                                          })))
        }
    }

    static func appendLag(_ run: ScenarioRunResult, _ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Throughput and consumer lag"))
        let first = run.replications[0]
        let markers = run.spikes.flatMap { [ChartMarker(x: $0.start, label: "\($0.name) starts"), ChartMarker(x: $0.end, label: "\($0.name) ends")] }
        doc.append(.chart(LineChart(title: "Decisions delivered per second (replication 1)", xLabel: "time (s)", yLabel: "records/s",
                                    series: o.pipelines.map { ChartSeries(name: $0.name, x: first.times, y: $0.deliveredRate[0]) }, markers: markers)))
        doc.append(.chart(LineChart(title: "Consumer lag: records in Kafka not yet fetched (replication 1, most per sample interval)",
                                    xLabel: "time (s)", yLabel: "records",
                                    series: o.pipelines.map { ChartSeries(name: $0.name, x: first.times, y: $0.lag[0]) }, markers: markers)))
        let peak = run.replications.flatMap(\.deliveredRate).max() ?? 0
        var facts = ["peak delivered: \(rate(peak)) (one sample interval)",
                     "mean delivered after warm-up: \(run.estimate(.throughput, stage: nil).map { rate($0.value) } ?? "—") of \(rate(ExpectationEvaluator.offeredRate(run))) offered"]
        for p in o.pipelines {
            facts.append("\(p.name): most consumer lag \(count(p.maxLag)) records; largest task buffer \(p.maxBufferOccupancy) records"
                         + (p.degradedSeconds > 0 ? "; degraded mode (enrichment skipped) for \(seconds(p.degradedSeconds))" : ""))
            for (spike, d) in zip(run.spikes, p.drainSeconds) {
                facts.append("\(p.name), \(spike.name) (\(seconds(spike.start)) to \(seconds(spike.end))): "
                             + (d.map { "lag back to the pre-spike level \(seconds($0)) after its end" } ?? "lag never came back to the pre-spike level before the horizon"))
            }
        }
        doc.append(.bullets(facts))
        if !run.spikes.isEmpty {
            doc.append(.paragraph("Drained: the first sample interval after the spike's end whose most lag is at most the most lag of the interval of the spike's length before it, plus \(percent(StreamingScenarioRun.drainTolerance)) of the spike's excess over that level."))
        }
    }

    static func appendPartitions(_ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Partitions"))
        for p in o.pipelines {
            let hot = p.hotPartitions
            let total = Double(p.partitionRecords.reduce(0, +))
            let busiest = p.partitionRecords.indices.max { (p.partitionRecords[$0], -$0) < (p.partitionRecords[$1], -$1) } ?? 0
            var text = "\(p.topic) (\(p.name)): \(p.partitionRecords.count) partitions, mean \(count(p.meanPartitionRecords.rounded())) records each; "
            text += hot.isEmpty ? "no hot partition (none above \(Planning.NumberText.plain(StreamingOutcome.hotFactor))× the mean)."
                                : "\(hot.count) hot partition(s) above \(Planning.NumberText.plain(StreamingOutcome.hotFactor))× the mean."
            doc.append(.paragraph(text))
            let show = hot.isEmpty ? [busiest] : hot
            doc.append(.table(ReportTable(columns: ["partition", "records", "share", "× mean", "max lag (records)"],
                                          numeric: [false, true, true, true, true],
                                          rows: show.map { k in
                                              [String(k) + (hot.contains(k) ? " (hot)" : " (busiest)"), count(p.partitionRecords[k]),
                                               percent(total > 0 ? Double(p.partitionRecords[k]) / total : 0),
                                               Planning.NumberText.significant(p.meanPartitionRecords > 0 ? Double(p.partitionRecords[k]) / p.meanPartitionRecords : 0, digits: 3),
                                               count(p.partitionMaxLag[k])]
                                          })))
            let brokers = p.brokerBytesWritten.enumerated().map { "broker \($0.offset): \(ByteCount(bytes: Double($0.element)).formatted())" }
            if !brokers.isEmpty { doc.append(.paragraph("Bytes written to broker disks (replicas included): " + brokers.joined(separator: ", ") + ".")) }
        }
    }

    static func appendDrops(_ run: ScenarioRunResult, _ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Drops and dead letters"))
        var rows: [[String]] = []
        for p in o.pipelines {
            let g = Double(p.generated)
            for c in p.drops { rows.append([p.name, "dropped", c.cause, count(c.count), percent(g > 0 ? Double(c.count) / g : 0)]) }
            for c in p.deadLetters { rows.append([p.name, "dead letter", c.cause, count(c.count), percent(g > 0 ? Double(c.count) / g : 0)]) }
        }
        doc.append(rows.isEmpty ? .paragraph("No record was dropped or sent to a dead-letter output.")
                                : .table(ReportTable(columns: ["job", "outcome", "cause", "records", "of generated"],
                                                     numeric: [false, false, false, true, true], rows: rows)))
    }

    static func appendAutoscaler(_ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Autoscaler"))
        let actions = o.pipelines.flatMap { p in p.autoscalerActions.map { (p.name, $0.replication, $0.action) } }
        for p in o.pipelines {
            doc.append(.paragraph("\(p.name): \(p.initialParallelism) task(s) at the start, between \(p.minParallelismSeen) and \(p.maxParallelismSeen) during the run (at most \(p.maxParallelismAllowed) allowed)."))
        }
        doc.append(actions.isEmpty ? .paragraph("No rescaling decision.")
                                   : .table(ReportTable(columns: ["job", "replication", "time", "from", "to", "reason"],
                                                        numeric: [false, true, true, true, true, false],
                                                        rows: actions.map { [$0.0, String($0.1), seconds(Double($0.2.timeNanos) / 1e9),
                                                                             String($0.2.from), String($0.2.to), $0.2.reason] })))
    }

    static func appendDecisions(_ o: StreamingOutcome, to doc: inout ReportDocument) {
        doc.append(.heading(level: 2, text: "Analytics outcomes"))
        for p in o.pipelines {
            let d = p.decisions
            if p.operatorKinds.contains(.fraudScore) {
                doc.append(.paragraph("\(p.name) decisions against the generator's labels (after the warm-up): precision "
                    + (d.precision.map(percent) ?? "— (nothing flagged)") + ", recall " + (d.recall.map(percent) ?? "— (no fraud)") + "."))
                doc.append(.table(ReportTable(columns: ["decision", "fraudulent", "legitimate"], numeric: [false, true, true], rows: [
                    ["APPROVE", count(d.approveFraud), count(d.approveLegit)], ["REVIEW", count(d.reviewFraud), count(d.reviewLegit)],
                    ["BLOCK", count(d.blockFraud), count(d.blockLegit)]])))
            }
            if p.reviewers > 0 {
                let t = p.review.timeToReview.percentiles()
                doc.append(.paragraph("\(p.name) review queue (\(p.reviewers) reviewers): \(count(p.review.cases)) cases, \(count(p.review.completed)) reviewed, "
                    + "most waiting \(count(p.review.maxBacklog)), waiting at the end \(count(p.reviewBacklogAtEnd)); time to review "
                    + (t.map { "p50 \(seconds($0.p50Seconds)), p99 \(seconds($0.p99Seconds))" } ?? "—") + "."))
            }
            let ops = p.operatorOutcome
            var parts: [String] = []
            if p.operatorKinds.contains(.sessionize) || ops.sessionsClosed > 0 { parts.append("\(count(ops.sessionsClosed)) sessions closed") }
            if ops.lateEvents > 0 { parts.append("\(count(ops.lateEvents)) late events sent to the dead-letter output") }
            if ops.duplicatesDropped > 0 { parts.append("\(count(ops.duplicatesDropped)) duplicates dropped by dedup") }
            if !parts.isEmpty { doc.append(.paragraph("\(p.name): " + parts.joined(separator: ", ") + ".")) }
            let measured = zip(p.operators, p.measuredServiceSeconds).filter { $0.1 > 0 }
            if !measured.isEmpty {
                doc.append(.paragraph("Measured service times (the real code timed on this machine, scaled): "
                    + measured.map { "\($0.0) \(seconds($0.1))" }.joined(separator: ", ") + "."))
            }
        }
    }
}
