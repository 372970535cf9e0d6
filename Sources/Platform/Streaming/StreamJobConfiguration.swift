import Variates

/// What an operator of the stream job does to each record.
public enum OperatorKind: String, Sendable, CaseIterable {
    /// Card features + logistic model + policy (Analytics fraud scoring), per card transaction.
    case fraudScore = "fraud-score"
    /// Analytics `StreamingSessionizer`, per page view.
    case sessionize
    /// A bounded window of recently seen record ids; a repeat is dropped as a duplicate.
    case dedup
    /// A feature-store lookup (the latency of ``FeatureStoreConfiguration``); skipped in degraded mode.
    case enrich
    /// Only its service time: no code runs.
    case custom
}

/// An operator's service time per record.
public enum ServiceTime: Sendable {
    /// Sampled from a distribution (seconds) per record.
    case distribution(Distribution)
    /// Measured: the real code is timed on this machine once, before the
    /// run, over a fixed calibration sample, and the mean is multiplied by
    /// `cpuFactor` (> 0; 2 = a core half as fast as this one). The measured
    /// mean is stored in the result so a run can be reproduced with it.
    case measured(cpuFactor: Double)
}

/// One operator of the chain.
public struct OperatorConfiguration: Sendable {
    /// The name used in reports ("score", "sessions").
    public var name: String
    /// What it does.
    public var kind: OperatorKind
    /// Its service time per record.
    public var service: ServiceTime
    /// `sessionize`: the inactivity gap closing a session (nanoseconds).
    public var sessionTimeoutNanos: Int64
    /// `dedup`: how many recent record ids are remembered (>= 1).
    public var dedupWindowRecords: Int

    /// An operator.
    public init(name: String, kind: OperatorKind, service: ServiceTime,
                sessionTimeoutNanos: Int64 = 30 * 60 * 1_000_000_000, dedupWindowRecords: Int = 1 << 16) {
        self.name = name
        self.kind = kind
        self.service = service
        self.sessionTimeoutNanos = sessionTimeoutNanos
        self.dedupWindowRecords = dedupWindowRecords
    }
}

/// Checkpoints: every `intervalNanos` each task pauses for `pauseNanos`.
public struct CheckpointConfiguration: Sendable, Equatable {
    /// Time between checkpoints (nanoseconds, > 0).
    public var intervalNanos: Int64
    /// How long processing stops for each (nanoseconds, >= 0).
    public var pauseNanos: Int64

    /// A checkpoint schedule.
    public init(intervalNanos: Int64, pauseNanos: Int64) {
        self.intervalNanos = intervalNanos
        self.pauseNanos = pauseNanos
    }
}

/// A Flink-style autoscaler.
///
/// Every `metricWindowNanos` it computes the job's busy fraction over the
/// window and the parallelism that would bring it to `targetUtilization`
/// (`ceil(current × busy / target)`, plus enough to drain the lag within one
/// window); it scales up at once, and down only when every proposal over the
/// last `stabilizationNanos` was lower. A rescale stops every task for
/// `restartPauseNanos`.
public struct AutoscalerConfiguration: Sendable, Equatable {
    /// Target busy fraction of a task, in (0, 1].
    public var targetUtilization: Double
    /// The measuring window (nanoseconds, > 0).
    public var metricWindowNanos: Int64
    /// How long proposals must agree before scaling down (nanoseconds, >= 0).
    public var stabilizationNanos: Int64
    /// Processing stops this long at each rescale (nanoseconds, >= 0).
    public var restartPauseNanos: Int64
    /// Fewest tasks (>= 1).
    public var minParallelism: Int
    /// Most tasks (>= minParallelism; also capped by the job's max parallelism).
    public var maxParallelism: Int

    /// An autoscaler.
    public init(targetUtilization: Double = 0.7, metricWindowNanos: Int64 = 60_000_000_000,
                stabilizationNanos: Int64 = 300_000_000_000, restartPauseNanos: Int64 = 10_000_000_000,
                minParallelism: Int = 1, maxParallelism: Int = 128) {
        self.targetUtilization = targetUtilization
        self.metricWindowNanos = metricWindowNanos
        self.stabilizationNanos = stabilizationNanos
        self.restartPauseNanos = restartPauseNanos
        self.minParallelism = minParallelism
        self.maxParallelism = maxParallelism
    }
}

/// The consumer group / stream job reading one topic.
public struct StreamJobConfiguration: Sendable {
    /// The job's name.
    public var name: String
    /// The topic it reads (a ``TopicConfiguration/name``).
    public var topic: String
    /// Tasks at the start (>= 1). Partitions are assigned round-robin; a
    /// task beyond the partition count is idle.
    public var parallelism: Int
    /// Most tasks ever (Flink max parallelism, >= parallelism).
    public var maxParallelism: Int
    /// The operators, applied in order to each record inside one task.
    public var operators: [OperatorConfiguration]
    /// Records a task may hold fetched but not yet processed (>= 1): a full
    /// buffer stops fetching, so lag grows in Kafka.
    public var bufferCapacityRecords: Int
    /// Most records one fetch returns (>= 1).
    public var fetchMaxRecords: Int
    /// Time between fetches when the partitions are empty (nanoseconds).
    public var fetchWaitNanos: Int64
    /// Checkpoints, or `nil` for none.
    public var checkpoint: CheckpointConfiguration?
    /// Event-time watermark: how late (behind the highest event time seen)
    /// a record may be before it is late (nanoseconds, >= 0).
    public var allowedLatenessNanos: Int64
    /// The autoscaler, or `nil` for fixed parallelism.
    public var autoscaler: AutoscalerConfiguration?

    /// A job.
    public init(name: String, topic: String, parallelism: Int, maxParallelism: Int = 128,
                operators: [OperatorConfiguration], bufferCapacityRecords: Int = 10_000,
                fetchMaxRecords: Int = 500, fetchWaitNanos: Int64 = 5_000_000,
                checkpoint: CheckpointConfiguration? = nil, allowedLatenessNanos: Int64 = 3_600_000_000_000,
                autoscaler: AutoscalerConfiguration? = nil) {
        self.name = name
        self.topic = topic
        self.parallelism = parallelism
        self.maxParallelism = maxParallelism
        self.operators = operators
        self.bufferCapacityRecords = bufferCapacityRecords
        self.fetchMaxRecords = fetchMaxRecords
        self.fetchWaitNanos = fetchWaitNanos
        self.checkpoint = checkpoint
        self.allowedLatenessNanos = allowedLatenessNanos
        self.autoscaler = autoscaler
    }
}
