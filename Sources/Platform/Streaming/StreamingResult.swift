import Metrics

/// What one streaming run measured. Plain data; every list is in a fixed
/// order (stages in pipeline order, partitions by index, causes by name,
/// actions by time), so two runs with the same seed are equal.
///
/// Times are nanoseconds of simulated time; latencies are in
/// ``LatencyHistogram``s (nanoseconds); time series have fixed bins of
/// ``StreamingConfiguration/binWidthNanos``.
public struct StreamingResult: Sendable, Equatable {
    /// Latency of each stage, in pipeline order: `gateway` (validation),
    /// `produce` (batching + acks=all append + replication), `kafka` (time
    /// in the partition until fetched), `buffer` (fetched, waiting for the
    /// task), one per operator (its name), `sink` (decision write).
    public var stages: [StageLatency]
    /// From the record's arrival at the gateway to its decision written.
    public var endToEnd: LatencyHistogram
    /// End-to-end latency per region (regions in configuration order).
    public var regions: [RegionOutcome]
    /// Decisions by class against the generator's labels.
    public var decisions: DecisionCounts
    /// Records generated (arrived at a gateway) per bin (count per bin).
    public var generated: TimeSeries
    /// Records delivered (decision written) per bin.
    public var delivered: TimeSeries
    /// Total consumer lag (records in Kafka not yet fetched), sampled at
    /// every fetch; a bin's max is the largest lag seen in it.
    public var lag: TimeSeries
    /// Records fetched and not yet processed, summed over tasks, sampled at every fetch.
    public var bufferOccupancy: TimeSeries
    /// Tasks running, sampled at every autoscaler evaluation and rescale.
    public var parallelism: TimeSeries
    /// REVIEW cases waiting for a reviewer, sampled at each arrival and completion.
    public var reviewBacklog: TimeSeries
    /// Records appended to each partition (index = partition), duplicates included.
    public var partitionRecords: [Int64]
    /// Largest lag seen on each partition (records).
    public var partitionMaxLag: [Int64]
    /// Largest buffer occupancy seen in any task (records); never above the capacity.
    public var maxBufferOccupancy: Int
    /// Records dropped, by cause (sorted by cause).
    public var drops: [CauseCount]
    /// Records sent to a dead-letter output, by cause (sorted by cause).
    public var deadLetters: [CauseCount]
    /// Rescaling decisions, in time order.
    public var autoscalerActions: [AutoscalerAction]
    /// The review queue.
    public var review: ReviewOutcome
    /// Sessionize and dedup outcomes.
    public var operators: OperatorOutcome
    /// Generated = delivered + dropped + in flight.
    public var conservation: Conservation
    /// What each sink received per dataset and day (input of the storage side).
    public var sinkDeliveries: [StreamSinkDelivery]
    /// Bytes written to each broker's disk (replicas included), by broker index.
    public var brokerBytesWritten: [Int64]
    /// Time spent in degraded mode (nanoseconds).
    public var degradedNanos: Int64
    /// Mean measured service time per operator (nanoseconds; 0 for an
    /// operator with a distribution), in operator order.
    public var measuredServiceNanos: [Double]
    /// Calendar events handled by the run.
    public var eventsSimulated: Int

    /// A result (the model fills every field).
    public init(stages: [StageLatency], endToEnd: LatencyHistogram, regions: [RegionOutcome], decisions: DecisionCounts,
                generated: TimeSeries, delivered: TimeSeries, lag: TimeSeries, bufferOccupancy: TimeSeries,
                parallelism: TimeSeries, reviewBacklog: TimeSeries, partitionRecords: [Int64], partitionMaxLag: [Int64],
                maxBufferOccupancy: Int, drops: [CauseCount], deadLetters: [CauseCount],
                autoscalerActions: [AutoscalerAction], review: ReviewOutcome, operators: OperatorOutcome,
                conservation: Conservation, sinkDeliveries: [StreamSinkDelivery], brokerBytesWritten: [Int64],
                degradedNanos: Int64, measuredServiceNanos: [Double], eventsSimulated: Int) {
        self.stages = stages
        self.endToEnd = endToEnd
        self.regions = regions
        self.decisions = decisions
        self.generated = generated
        self.delivered = delivered
        self.lag = lag
        self.bufferOccupancy = bufferOccupancy
        self.parallelism = parallelism
        self.reviewBacklog = reviewBacklog
        self.partitionRecords = partitionRecords
        self.partitionMaxLag = partitionMaxLag
        self.maxBufferOccupancy = maxBufferOccupancy
        self.drops = drops
        self.deadLetters = deadLetters
        self.autoscalerActions = autoscalerActions
        self.review = review
        self.operators = operators
        self.conservation = conservation
        self.sinkDeliveries = sinkDeliveries
        self.brokerBytesWritten = brokerBytesWritten
        self.degradedNanos = degradedNanos
        self.measuredServiceNanos = measuredServiceNanos
        self.eventsSimulated = eventsSimulated
    }
}

/// The latency of one named stage.
public struct StageLatency: Sendable, Equatable {
    /// The stage's name.
    public var name: String
    /// Its latency (nanoseconds).
    public var latency: LatencyHistogram
    /// A stage.
    public init(name: String, latency: LatencyHistogram) {
        self.name = name
        self.latency = latency
    }
}

/// One region's traffic and latency.
public struct RegionOutcome: Sendable, Equatable {
    /// The region's name.
    public var name: String
    /// Records that arrived at its gateway (moved traffic included).
    public var generated: Int64
    /// Its end-to-end latency.
    public var endToEnd: LatencyHistogram
    /// A region outcome.
    public init(name: String, generated: Int64, endToEnd: LatencyHistogram) {
        self.name = name
        self.generated = generated
        self.endToEnd = endToEnd
    }
}

/// A count with its cause.
public struct CauseCount: Sendable, Equatable {
    /// Why ("late", "duplicate", "outage-in-flight", ...).
    public var cause: String
    /// How many records.
    public var count: Int64
    /// A count.
    public init(cause: String, count: Int64) {
        self.cause = cause
        self.count = count
    }
}

/// One rescale.
public struct AutoscalerAction: Sendable, Equatable {
    /// When it was decided (nanoseconds).
    public var timeNanos: Int64
    /// Tasks before.
    public var from: Int
    /// Tasks after.
    public var to: Int
    /// Why, in words ("busy 0.93 > target 0.70, lag 120000").
    public var reason: String
    /// An action.
    public init(timeNanos: Int64, from: Int, to: Int, reason: String) {
        self.timeNanos = timeNanos
        self.from = from
        self.to = to
        self.reason = reason
    }
}
