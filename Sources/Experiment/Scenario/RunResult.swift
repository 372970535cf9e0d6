/// The results of running a scenario: each replication's figures, the
/// latency histograms merged over replications, and the estimates (mean
/// and 95% confidence interval over replications) that reports and
/// expectations read.

import Foundation
import Metrics
import Platform

/// One replication's figures.
public struct ReplicationResult: Sendable {
    /// Each stage's figures by ``ExpectationMetric`` raw value (`mean_sojourn`, `p99`, `utilization`, `throughput`, `drops`).
    public var stages: [[String: Double]]
    /// End-to-end figures: latency at the sinks, `throughput` (delivered per second after the warm-up), `drops`, `delivered`, `lag`.
    public var endToEnd: [String: Double]
    /// Sample times, seconds since the start.
    public var times: [Double]
    /// Records delivered per second in each sample interval.
    public var deliveredRate: [Double]
    /// Records waiting for a server (all stations) at each sample time.
    public var waiting: [Double]
    /// Records waiting at each station at each sample time, by stage.
    public var stageWaiting: [[Double]]
    /// The conservation balance at the end.
    public var conservation: RecordBalance
    /// Events handled.
    public var events: Int
    /// `true` when the in-flight guard stopped the run before the horizon.
    public var overflowed: Bool
    /// Records each sink absorbed after the warm-up, in sink order.
    public var sinkRecords: [(sink: String, records: Int)] = []
    /// Simulated seconds after the warm-up.
    public var observedSeconds: Double = 0
    /// Seconds after each spike's end until waiting records were back to the pre-spike level; nil when they never were.
    public var drainSeconds: [Double?]
}

/// The conservation balance of one replication: `generated = delivered +
/// dropped + in flight`, with the model's own consistency check.
public struct RecordBalance: Sendable, Equatable {
    /// Records that entered (created by sources, or arrived at a gateway).
    public var generated: Int
    /// Records delivered (absorbed by a sink, or decision written).
    public var delivered: Int
    /// Records dropped for any cause (dead letters included).
    public var dropped: Int
    /// Records still inside at the end.
    public var inFlight: Int
    /// `true` when the balance and the model's internal checks hold.
    public var holds: Bool

    /// A balance as counted.
    public init(generated: Int, delivered: Int, dropped: Int, inFlight: Int, holds: Bool) {
        self.generated = generated
        self.delivered = delivered
        self.dropped = dropped
        self.inFlight = inFlight
        self.holds = holds
    }

    /// The balance of a queueing network.
    public init(_ c: QueueingNetwork.Conservation) {
        self.init(generated: c.generated, delivered: c.delivered, dropped: c.dropped, inFlight: c.inFlight, holds: c.holds)
    }
}

/// A stage as reported: a station or delay of a queueing network, or a
/// stage of a stream job (`gateway`, `produce`, `kafka`, `buffer`, an
/// operator, `sink`, or a job's end to end when the scenario has several jobs).
public struct StageInfo: Sendable {
    /// Its name (`kafka`, or `scoring.kafka` when the scenario has several jobs).
    public var name: String
    /// `station` or `delay` (a streaming stage reports as a station).
    public var kind: ComponentKind
    /// Its index among the scenario's components (-1 for a streaming stage).
    public var component: Int
    /// The stream job it belongs to, nil for a stage of a queueing network.
    public var pipeline: String? = nil

    /// `station`, `delay` or `streaming` (report.json's `kind`).
    public var kindName: String { pipeline == nil ? kind.rawValue : "streaming" }
}

/// Everything a run produced.
public struct ScenarioRunResult: Sendable {
    /// The scenario run.
    public var scenario: Scenario
    /// The root seed used.
    public var seed: UInt64
    /// The stages in file order.
    public var stages: [StageInfo]
    /// Each replication.
    public var replications: [ReplicationResult]
    /// End-to-end latency over every replication (after warm-up).
    public var endToEnd: LatencyHistogram
    /// Each station's sojourn times over every replication (empty for delays).
    public var stageLatency: [LatencyHistogram]
    /// Spikes of the workload streams driving sources: name and (start, end) in seconds since the start.
    public var spikes: [(name: String, start: Double, end: Double)]
    /// Wall-clock seconds the run took (0 in reproducible mode).
    public var wallSeconds: Double
    /// Queueing theory for the stages and the whole, where it applies.
    public var analytics: ScenarioAnalytics
    /// Raw bytes written to storage per day (0: the scenario has no storage component).
    public var rawBytesPerDay: Double = 0
    /// Bytes retained at the end of the retention period, by tier (empty: no storage component).
    public var retainedBytesByTier: [(tier: String, bytes: Double)] = []
    /// The storage side (datasets, tiers, cost per cloud), when the scenario has `storage:`.
    public var storage: StorageResult?
    /// What only a streaming scenario has (partitions, autoscaler, fraud
    /// decisions, review queue, sessions …); nil for a queueing network.
    public var streaming: StreamingOutcome?
    /// Monthly cost in USD per cloud (gcp, aws, azure), 0 when no component is priced.
    public var monthlyCostUSD: [(cloud: String, usd: Double)] = [("gcp", 0), ("aws", 0), ("azure", 0)]

    /// Bytes retained over every tier.
    public var storageBytes: Double { retainedBytesByTier.reduce(0) { $0 + $1.bytes } }

    /// The monthly cost on `cloud`, USD.
    public func monthlyCost(_ cloud: String) -> Double? { monthlyCostUSD.first { $0.cloud == cloud }?.usd }

    /// The estimate of `metric` for `stage` (nil: end to end): mean over
    /// replications and, with 2 or more, its confidence interval at `level`.
    public func estimate(_ metric: ExpectationMetric, stage: String?, level: Double = 0.95) -> (value: Double, interval: ConfidenceInterval?)? {
        let values: [Double]
        if let stage {
            guard let k = stages.firstIndex(where: { $0.name == stage }) else { return nil }
            values = replications.compactMap { $0.stages[k][metric.rawValue] }
        } else {
            values = replications.compactMap { $0.endToEnd[metric.rawValue] }
        }
        guard values.count == replications.count, !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let interval = values.count >= 2 ? (try? ConfidenceInterval(observations: values, level: level)) ?? nil : nil
        return (mean, interval)
    }

    /// Generated, delivered, dropped and in-flight records summed over replications.
    public var conservation: (generated: Int, delivered: Int, dropped: Int, inFlight: Int, balanced: Bool) {
        var g = 0, d = 0, x = 0, f = 0, ok = true
        for r in replications {
            g += r.conservation.generated; d += r.conservation.delivered
            x += r.conservation.dropped; f += r.conservation.inFlight
            ok = ok && r.conservation.holds
        }
        return (g, d, x, f, ok && g == d + x + f)
    }

    /// Events handled over every replication.
    public var eventsSimulated: Int { replications.reduce(0) { $0 + $1.events } }

    /// The longest drain after each spike over replications (nil: some replication never drained).
    public var drainSeconds: [Double?] {
        spikes.indices.map { k in
            var worst = 0.0
            for r in replications {
                guard k < r.drainSeconds.count, let d = r.drainSeconds[k] else { return nil }
                worst = Swift.max(worst, d)
            }
            return worst
        }
    }

    /// The fraction of end-to-end (or a stage's) latencies within `seconds` (`strict`: below it).
    public func fractionWithin(_ seconds: Double, strict: Bool, stage: String?) -> Double? {
        let h: LatencyHistogram
        if let stage, let k = stages.firstIndex(where: { $0.name == stage }) { h = stageLatency[k] } else { h = endToEnd }
        guard !h.isEmpty else { return nil }
        let bound = UInt64(Swift.max(0, seconds * 1e9))
        var within: UInt64 = 0
        for b in h.recordedBuckets() where strict ? b.upperNanos < bound : b.upperNanos <= bound { within += b.count }
        return Double(within) / Double(h.count)
    }
}
