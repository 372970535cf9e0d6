/// The mapping of ``Platform/StreamingResult``s onto a run's shapes: one
/// replication's ``ReplicationResult`` (stage figures, end-to-end figures,
/// the sample series, conservation, sink records) from its pipelines, and
/// the ``StreamingOutcome`` over every replication.

import Metrics
import Platform

extension StreamingScenarioRun {
    /// One replication from its pipelines' results: the figures, each stage's
    /// histogram (``stageInfos(_:)`` order) and the end-to-end histogram
    /// (every job's decisions merged).
    static func map(_ runs: [PipelineRun], scenario s: Scenario, stages: [StageInfo], samples: Int)
        -> (ReplicationResult, [LatencyHistogram], LatencyHistogram) {
        let horizon = s.horizon * 1000, warmUp = s.warmUp * 1000
        let window = Double(horizon - Swift.min(horizon, warmUp)) / 1e9
        var histograms: [LatencyHistogram] = []
        for run in runs {
            histograms += run.result.stages.map(\.latency)
            if runs.count > 1 { histograms.append(run.result.endToEnd) }
        }
        precondition(histograms.count == stages.count, "StreamingScenarioRun: \(histograms.count) stage histograms for \(stages.count) stages")
        let figures: [[String: Double]] = histograms.map { h in
            var f: [String: Double] = [:]
            if let p = h.percentiles() { f = ScenarioRunner.percentileFigures(p) }
            f["throughput"] = window > 0 ? Double(h.count) / window : nil
            return f
        }
        var e2e = LatencyHistogram()
        for run in runs { e2e.merge(run.result.endToEnd) }
        let step = s.sampleEvery * 1000
        let times = (0..<samples).map { Double(Swift.min(horizon, Int64($0 + 1) * step)) / 1e9 }
        var rate = Array(repeating: 0.0, count: samples), waiting = Array(repeating: 0.0, count: samples)
        for run in runs {
            let r = run.result
            for i in 0..<Swift.min(samples, r.delivered.binCount) { rate[i] += r.delivered.bin(i).sum / (Double(step) / 1e9) }
            for (i, v) in carried(r.lag, samples: samples, initial: 0).enumerated() { waiting[i] += v }
        }
        var g = 0, d = 0, x = 0, f = 0, holds = true
        var drops: Int64 = 0, dead: Int64 = 0, offered = 0.0, events = 0
        var sinkRecords: [(sink: String, records: Int)] = []
        for run in runs {
            let c = run.result.conservation
            g += Int(c.generated); d += Int(c.delivered); x += Int(c.droppedTotal); f += Int(c.inFlight)
            holds = holds && c.balanced
            drops += run.result.drops.reduce(0) { $0 + $1.count }
            dead += run.result.deadLetters.reduce(0) { $0 + $1.count }
            events += run.result.eventsSimulated
            let observed = run.result.generated.bins.filter { $0.startNanos >= warmUp }
            offered += window > 0 ? observed.reduce(0) { $0 + $1.sum } / window : 0
            let topic = run.pipeline.configuration.job.topic
            let deliveries = run.result.sinkDeliveries
            sinkRecords.append((topic, Int(deliveries.filter { $0.sink == "kafka:" + topic }.reduce(0) { $0 + $1.records })))
            sinkRecords.append((run.pipeline.name, Int(deliveries.filter { $0.sink == "decisions" }.reduce(0) { $0 + $1.records })))
        }
        var endToEnd: [String: Double] = ["drops": Double(drops), "dead_letters": Double(dead), "delivered": Double(d),
                                          "lag": waiting.max() ?? 0, "offered": offered]
        endToEnd["throughput"] = window > 0 ? Double(e2e.count) / window : nil
        if let p = e2e.percentiles() { endToEnd.merge(ScenarioRunner.percentileFigures(p)) { a, _ in a } }
        let balance = RecordBalance(generated: g, delivered: d, dropped: x, inFlight: f, holds: holds)
        var result = ReplicationResult(stages: figures, endToEnd: endToEnd, times: times, deliveredRate: rate, waiting: waiting,
                                       stageWaiting: Array(repeating: Array(repeating: 0, count: samples), count: stages.count),
                                       conservation: balance, events: events, overflowed: false, drainSeconds: [])
        result.sinkRecords = sinkRecords
        result.observedSeconds = window
        return (result, histograms, e2e)
    }

    /// Share of a spike's excess lag (its peak above the pre-spike level) below which the lag counts as drained.
    static let drainTolerance = 0.01

    /// Seconds after `spike` ends until consumer lag is drained: the start of
    /// the first sample interval, at or after the spike's end, whose most lag
    /// is at most the pre-spike level (the most in the interval of the
    /// spike's length before it) plus ``drainTolerance`` of the excess (the
    /// peak from the spike's start on, minus that level); nil when it never is.
    /// `times` are the intervals' ends, `width` their length (seconds).
    static func drain(after spike: (name: String, start: Double, end: Double), times: [Double], lag: [Double], width: Double) -> Double? {
        let length = spike.end - spike.start
        var level = 0.0, peak = 0.0
        for (t, v) in zip(times, lag) {
            if t <= spike.start && t >= spike.start - length { level = Swift.max(level, v) }
            if t > spike.start { peak = Swift.max(peak, v) }
        }
        let threshold = level + drainTolerance * Swift.max(0, peak - level)
        for (t, v) in zip(times, lag) where t - width >= spike.end - 1e-9 && v <= threshold { return Swift.max(0, t - width - spike.end) }
        return nil
    }

    /// Each bin's max, the previous bin's value carried into a bin without a sample (`initial` before the first).
    static func carried(_ series: TimeSeries, samples: Int, initial: Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(samples)
        var last = initial
        for i in 0..<samples {
            if i < series.binCount, let m = series.bin(i).max { last = m }
            out.append(last)
        }
        return out
    }

    /// The streaming outcome over every replication (`runs[r][j]`: replication r, pipeline j).
    static func outcome(_ runs: [[PipelineRun]], pipelines: [StreamingPipeline], replications: [ReplicationResult],
                        spikes: [(name: String, start: Double, end: Double)]) -> StreamingOutcome {
        let samples = replications.first?.times.count ?? 0
        return StreamingOutcome(pipelines: pipelines.enumerated().map { j, p in
            let c = p.configuration
            let results = runs.map { $0[j].result }
            let first = results[0]
            var o = PipelineOutcome(
                name: p.name, stream: c.stream, topic: c.job.topic, operators: c.job.operators.map(\.name), operatorKinds: c.job.operators.map(\.kind),
                initialParallelism: c.job.parallelism, maxParallelismAllowed: c.job.autoscaler?.maxParallelism ?? c.job.maxParallelism,
                generated: 0, delivered: 0,
                partitionRecords: Array(repeating: 0, count: first.partitionRecords.count),
                partitionMaxLag: Array(repeating: 0, count: first.partitionMaxLag.count),
                maxLag: 0, drainSeconds: [], lag: [], deliveredRate: [], parallelism: [], reviewBacklog: [],
                autoscalerActions: [], drops: [], deadLetters: [], decisions: DecisionCounts(), review: ReviewOutcome(),
                reviewers: c.reviewQueue?.reviewers ?? 0, reviewBacklogAtEnd: 0, operatorOutcome: OperatorOutcome(),
                degradedSeconds: 0, brokerBytesWritten: Array(repeating: 0, count: first.brokerBytesWritten.count),
                measuredServiceSeconds: first.measuredServiceNanos.map { $0 / 1e9 },
                maxBufferOccupancy: 0,
                regions: first.regions.map { RegionOutcome(name: $0.name, generated: 0, endToEnd: LatencyHistogram()) })
            var drains: [[Double?]] = []
            for (r, res) in results.enumerated() {
                o.generated += res.conservation.generated
                o.delivered += res.conservation.delivered
                for k in o.partitionRecords.indices { o.partitionRecords[k] += res.partitionRecords[k] }
                for k in o.partitionMaxLag.indices { o.partitionMaxLag[k] = Swift.max(o.partitionMaxLag[k], res.partitionMaxLag[k]) }
                let step = Double(res.delivered.binWidthNanos) / 1e9
                let lag = carried(res.lag, samples: samples, initial: 0)
                o.lag.append(lag)
                o.maxLag = Swift.max(o.maxLag, lag.max() ?? 0)
                o.deliveredRate.append((0..<samples).map { $0 < res.delivered.binCount ? res.delivered.bin($0).sum / step : 0 })
                o.parallelism.append(carried(res.parallelism, samples: samples, initial: Double(c.job.parallelism)))
                o.reviewBacklog.append(carried(res.reviewBacklog, samples: samples, initial: 0))
                o.autoscalerActions += res.autoscalerActions.map { (r + 1, $0) }
                o.drops = o.drops.adding(res.drops)
                o.deadLetters = o.deadLetters.adding(res.deadLetters)
                o.decisions.add(res.decisions)
                o.review.cases += res.review.cases
                o.review.completed += res.review.completed
                o.review.maxBacklog = Swift.max(o.review.maxBacklog, res.review.maxBacklog)
                o.review.timeToReview.merge(res.review.timeToReview)
                // A work-conserving queue has a case waiting only when every reviewer is busy.
                o.reviewBacklogAtEnd = Swift.max(o.reviewBacklogAtEnd, Swift.max(0, res.review.cases - res.review.completed - Int64(o.reviewers)))
                o.operatorOutcome.sessionsClosed += res.operators.sessionsClosed
                o.operatorOutcome.lateEvents += res.operators.lateEvents
                o.operatorOutcome.duplicatesDropped += res.operators.duplicatesDropped
                o.degradedSeconds += Double(res.degradedNanos) / 1e9
                for k in o.brokerBytesWritten.indices { o.brokerBytesWritten[k] += res.brokerBytesWritten[k] }
                o.maxBufferOccupancy = Swift.max(o.maxBufferOccupancy, res.maxBufferOccupancy)
                for k in o.regions.indices {
                    o.regions[k].generated += res.regions[k].generated
                    o.regions[k].endToEnd.merge(res.regions[k].endToEnd)
                }
                drains.append(spikes.map { drain(after: $0, times: replications[r].times, lag: lag, width: step) })
            }
            o.drainSeconds = spikes.indices.map { k in
                var worst = 0.0
                for d in drains { guard let v = d[k] else { return nil }; worst = Swift.max(worst, v) }
                return worst
            }
            return o
        })
    }
}
