import Variates

/// The online feature store (Redis- or Bigtable-like) read by `enrich` and
/// `fraud-score` operators.
///
/// Each lookup first tries an in-process cache (hit: no latency); a miss
/// goes to a store node: an M/G/c-like queue of `nodes` servers each
/// serving `opsPerSecondPerNode` with `latency` as the network + service time.
public struct FeatureStoreConfiguration: Sendable {
    /// Latency of one lookup at a node (seconds), queueing excluded.
    public var latency: Distribution
    /// Lookups per second one node can serve (> 0).
    public var opsPerSecondPerNode: Double
    /// Node count (>= 1).
    public var nodes: Int
    /// Fraction of lookups answered by the in-process cache, in [0, 1].
    public var cacheHitRatio: Double
    /// Lookups per record (>= 0).
    public var lookupsPerRecord: Int

    /// A feature store.
    public init(latency: Distribution, opsPerSecondPerNode: Double, nodes: Int, cacheHitRatio: Double = 0,
                lookupsPerRecord: Int = 1) {
        self.latency = latency
        self.opsPerSecondPerNode = opsPerSecondPerNode
        self.nodes = nodes
        self.cacheHitRatio = cacheHitRatio
        self.lookupsPerRecord = lookupsPerRecord
    }
}

/// Remote model serving: a network round trip plus a replicated server.
public struct RemoteModelServer: Sendable {
    /// Network round trip per request (seconds).
    public var roundTrip: Distribution
    /// Server replicas (>= 1), each serving one request at a time.
    public var replicas: Int
    /// Service time of one request at a replica (seconds).
    public var service: Distribution
    /// Records per request when batching (>= 1; 1 = no batching).
    public var maxBatch: Int

    /// A remote model server.
    public init(roundTrip: Distribution, replicas: Int, service: Distribution, maxBatch: Int = 1) {
        self.roundTrip = roundTrip
        self.replicas = replicas
        self.service = service
        self.maxBatch = maxBatch
    }
}

/// Where the fraud model runs.
public enum ModelServerConfiguration: Sendable {
    /// In the operator: its CPU cost per record (seconds) adds to the
    /// operator's service time.
    case embedded(cost: Distribution)
    /// On a remote server.
    case remote(RemoteModelServer)
}

/// The OLTP store decisions are written to.
public struct DecisionSinkConfiguration: Sendable {
    /// Write latency per decision (seconds).
    public var writeLatency: Distribution

    /// A decision sink.
    public init(writeLatency: Distribution) { self.writeLatency = writeLatency }
}

/// The manual review queue fed by REVIEW decisions (the share comes from
/// the fraud policy's thresholds).
public struct ReviewQueueConfiguration: Sendable {
    /// Reviewers working in parallel (>= 1).
    public var reviewers: Int
    /// Time a reviewer spends on one case (seconds).
    public var handling: Distribution

    /// A review queue.
    public init(reviewers: Int, handling: Distribution) {
        self.reviewers = reviewers
        self.handling = handling
    }
}

/// Degraded mode: while the job's lag exceeds `lagThresholdRecords`, the
/// `enrich` operators and feature-store lookups are skipped (features come
/// only from the in-process state), which cuts latency and costs recall.
public struct DegradedModeConfiguration: Sendable, Equatable {
    /// Total consumer lag (records) above which enrichment is skipped (>= 0).
    public var lagThresholdRecords: Int
    /// Lag (records) below which normal mode resumes (<= lagThresholdRecords).
    public var recoverBelowRecords: Int

    /// Degraded-mode thresholds.
    public init(lagThresholdRecords: Int, recoverBelowRecords: Int? = nil) {
        self.lagThresholdRecords = lagThresholdRecords
        self.recoverBelowRecords = recoverBelowRecords ?? lagThresholdRecords / 2
    }
}
