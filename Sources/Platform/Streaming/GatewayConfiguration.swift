import Variates

/// The ingestion gateway and Kafka producer of one region.
///
/// Times are nanoseconds; distributions sample **seconds** (the Variates
/// convention) and are converted to nanoseconds when sampled. Sizes are bytes.
public struct GatewayConfiguration: Sendable {
    /// Validation plus tokenization cost per record (seconds), paid by the
    /// gateway before the record reaches the producer.
    public var validationCost: Distribution
    /// Kafka `batch.size`: a producer batch is sent once it holds this many
    /// bytes (bytes, >= one record).
    public var batchSizeBytes: Int
    /// Kafka `linger.ms`: a batch is sent at the latest this long after its
    /// first record (nanoseconds, >= 0).
    public var lingerNanos: Int64
    /// Leader append time per batch with acks=all (seconds).
    public var leaderAppend: Distribution
    /// Time for one follower to replicate a batch (seconds); acks=all waits for
    /// the slowest of the `minInsyncReplicas - 1` followers it needs.
    public var replication: Distribution
    /// Probability that a produce request times out and is retried, so the
    /// batch is appended twice (duplicates downstream), in [0, 1).
    public var retryProbability: Double
    /// Extra delay before a retried batch is re-sent (nanoseconds).
    public var retryBackoffNanos: Int64

    /// A gateway; every parameter as documented on the property.
    public init(validationCost: Distribution, batchSizeBytes: Int = 16_384, lingerNanos: Int64 = 5_000_000,
                leaderAppend: Distribution, replication: Distribution,
                retryProbability: Double = 0, retryBackoffNanos: Int64 = 100_000_000) {
        self.validationCost = validationCost
        self.batchSizeBytes = batchSizeBytes
        self.lingerNanos = lingerNanos
        self.leaderAppend = leaderAppend
        self.replication = replication
        self.retryProbability = retryProbability
        self.retryBackoffNanos = retryBackoffNanos
    }

    /// Impossible values, each as "field: what is wrong", prefixed by `path`.
    public func problems(at path: String, recordBytes: Int) -> [String] {
        var out: [String] = []
        if batchSizeBytes < 1 { out.append("\(path).batch_size: must be at least 1 byte, got \(batchSizeBytes)") }
        if lingerNanos < 0 { out.append("\(path).linger: must be 0 or more, got \(lingerNanos) ns") }
        if !(retryProbability >= 0 && retryProbability < 1) {
            out.append("\(path).retry_probability: must be in [0, 1), got \(retryProbability)")
        }
        if retryBackoffNanos < 0 { out.append("\(path).retry_backoff: must be 0 or more, got \(retryBackoffNanos) ns") }
        return out
    }

    /// Configurations that run but probably not as meant.
    public func warnings(at path: String, recordBytes: Int) -> [String] {
        batchSizeBytes < recordBytes
            ? ["\(path).batch_size: \(batchSizeBytes) bytes is below one record (\(recordBytes) bytes): every record is sent alone"]
            : []
    }
}

/// One region: its share of the traffic, its gateway and the extra latency
/// its records pay to reach the Kafka cluster when it is remote.
public struct RegionConfiguration: Sendable {
    /// The region's name, as in reports ("apac", "us", "eu").
    public var name: String
    /// Share of the global traffic generated in this region (>= 0; shares
    /// are normalised over all regions).
    public var trafficShare: Double
    /// One-way latency from this region's gateway to the Kafka cluster
    /// (nanoseconds; 0 for the region that hosts it).
    public var crossRegionLatencyNanos: Int64
    /// The region's gateway and producer.
    public var gateway: GatewayConfiguration

    /// A region.
    public init(name: String, trafficShare: Double, crossRegionLatencyNanos: Int64 = 0, gateway: GatewayConfiguration) {
        self.name = name
        self.trafficShare = trafficShare
        self.crossRegionLatencyNanos = crossRegionLatencyNanos
        self.gateway = gateway
    }
}

/// A region down from `startNanos` for `durationNanos`: its traffic moves
/// to the surviving regions in proportion to their shares.
public struct OutageConfiguration: Sendable, Equatable {
    /// The region that goes down (a ``RegionConfiguration/name``).
    public var region: String
    /// When it goes down (nanoseconds of simulated time).
    public var startNanos: Int64
    /// How long it stays down (nanoseconds, > 0).
    public var durationNanos: Int64

    /// An outage.
    public init(region: String, startNanos: Int64, durationNanos: Int64) {
        self.region = region
        self.startNanos = startNanos
        self.durationNanos = durationNanos
    }
}
