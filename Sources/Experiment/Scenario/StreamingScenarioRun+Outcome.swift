/// What only a streaming scenario has, per stream job, summed (counts) or
/// merged (histograms) over replications: partitions and hot partitions,
/// consumer lag and its drain after each spike, the autoscaler's actions,
/// drops and dead letters by cause, fraud decisions against the labels, the
/// review queue, sessions, degraded time, broker bytes, measured service
/// times, and end-to-end latency per region. Built by
/// ``StreamingScenarioRun``; read by the report and the expectations.

import Metrics
import Platform

/// The streaming side of a run.
public struct StreamingOutcome: Sendable {
    /// One entry per stream job, in scenario order.
    public var pipelines: [PipelineOutcome]
    /// A partition is hot when it received more than this multiple of the mean records per partition.
    public static let hotFactor = 2.0

    /// The pipeline named `name`.
    public func pipeline(_ name: String) -> PipelineOutcome? { pipelines.first { $0.name == name } }

    /// Fraud decisions summed over the pipelines.
    public var decisions: DecisionCounts {
        pipelines.reduce(into: DecisionCounts()) { $0.add($1.decisions) }
    }
}

/// One stream job's outcome over every replication.
public struct PipelineOutcome: Sendable {
    /// The job's name.
    public var name: String
    /// The workload stream it reads.
    public var stream: String
    /// The topic it reads.
    public var topic: String
    /// Its operators' names and kinds, in chain order.
    public var operators: [String], operatorKinds: [OperatorKind]
    /// Tasks at the start, and the most the configuration allows.
    public var initialParallelism: Int, maxParallelismAllowed: Int
    /// Records that arrived at a gateway (retry duplicates included), summed over replications.
    public var generated: Int64
    /// Records delivered, summed over replications.
    public var delivered: Int64
    /// Records appended to each partition, summed over replications (index = partition).
    public var partitionRecords: [Int64]
    /// Largest lag seen on each partition over replications (records).
    public var partitionMaxLag: [Int64]
    /// Largest total consumer lag seen (records), over replications.
    public var maxLag: Double
    /// Seconds after each spike's end until the lag was back to its pre-spike level (worst replication; nil: never).
    public var drainSeconds: [Double?]
    /// Per replication, per sample interval: total consumer lag (bin max), records delivered per second,
    /// tasks running (bin max, carried forward), review cases waiting (bin max, carried forward).
    public var lag: [[Double]], deliveredRate: [[Double]], parallelism: [[Double]], reviewBacklog: [[Double]]
    /// Rescaling decisions with their replication (1-based), in replication then time order.
    public var autoscalerActions: [(replication: Int, action: AutoscalerAction)]
    /// Records dropped, by cause (summed, sorted by cause; dead letters not included).
    public var drops: [CauseCount]
    /// Records sent to a dead-letter output, by cause (summed, sorted by cause).
    public var deadLetters: [CauseCount]
    /// Decisions by class against the generator's labels (after the warm-up, summed).
    public var decisions: DecisionCounts
    /// The review queue (summed; the backlog is the worst replication's; time to review merged).
    public var review: ReviewOutcome
    /// Reviewers of the queue (0: no review queue).
    public var reviewers: Int
    /// Cases still waiting for a reviewer at the end, worst replication.
    public var reviewBacklogAtEnd: Int64
    /// Sessions closed, late events, duplicates dropped (summed).
    public var operatorOutcome: OperatorOutcome
    /// Seconds in degraded mode (summed).
    public var degradedSeconds: Double
    /// Bytes written to each broker's disk, replicas included (summed, index = broker).
    public var brokerBytesWritten: [Int64]
    /// Mean measured service time per operator (seconds; 0 for a distribution), first replication, operator order.
    public var measuredServiceSeconds: [Double]
    /// Largest buffer occupancy of any task (records), over replications.
    public var maxBufferOccupancy: Int
    /// End-to-end latency and arrivals per region (regions in configuration order, merged).
    public var regions: [RegionOutcome]

    /// The mean records per partition.
    public var meanPartitionRecords: Double {
        partitionRecords.isEmpty ? 0 : Double(partitionRecords.reduce(0, +)) / Double(partitionRecords.count)
    }

    /// Partitions above ``StreamingOutcome/hotFactor`` × the mean records per partition, by index.
    public var hotPartitions: [Int] {
        let mean = meanPartitionRecords
        return partitionRecords.indices.filter { mean > 0 && Double(partitionRecords[$0]) > StreamingOutcome.hotFactor * mean }
    }

    /// Dead letters over every cause.
    public var deadLettersTotal: Int64 { deadLetters.reduce(0) { $0 + $1.count } }
    /// Drops over every cause (dead letters not included).
    public var dropsTotal: Int64 { drops.reduce(0) { $0 + $1.count } }
    /// The most tasks running at once, over replications.
    public var maxParallelismSeen: Int {
        Swift.max(initialParallelism, Int(parallelism.flatMap { $0 }.max() ?? 0),
                  autoscalerActions.map(\.action.to).max() ?? 0)
    }
    /// The fewest tasks running at once, over replications.
    public var minParallelismSeen: Int {
        Swift.min(initialParallelism, autoscalerActions.map(\.action.to).min() ?? initialParallelism)
    }
}

extension DecisionCounts {
    /// Adds `other`'s counts.
    mutating func add(_ other: DecisionCounts) {
        approveFraud += other.approveFraud; approveLegit += other.approveLegit
        reviewFraud += other.reviewFraud; reviewLegit += other.reviewLegit
        blockFraud += other.blockFraud; blockLegit += other.blockLegit
    }
}

extension [CauseCount] {
    /// Counts of `other` added cause by cause, sorted by cause.
    func adding(_ other: [CauseCount]) -> [CauseCount] {
        var out = self
        for c in other {
            if let k = out.firstIndex(where: { $0.cause == c.cause }) { out[k].count += c.count } else { out.append(c) }
        }
        return out.sorted { $0.cause < $1.cause }
    }
}
