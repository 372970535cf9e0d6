import Analytics

/// Where the `fraud-score` operator's model comes from.
public enum FraudModelSource: Sendable {
    /// A model JSON file written by `headroom train` (path as written in the scenario).
    case file(String)
    /// Trained before the run with the Analytics trainer on `trainingMinutes`
    /// of the same workload generated with seed `seed` over a span *before*
    /// the simulated one (so no simulated record is in the training set).
    case train(trainingMinutes: Int, seed: UInt64, options: FraudTrainingOptions)
    /// A model already in memory (tests, benchmarks).
    case model(FraudModel)
}

/// The whole streaming path of one scenario: regions with their gateways,
/// the Kafka cluster, one stream job and what it calls.
///
/// Units: nanoseconds for times, bytes for sizes, records/s for rates;
/// distributions sample seconds (Variates convention).
public struct StreamingConfiguration: Sendable {
    /// The workload stream the records come from (a stream name of the
    /// scenario's workload); its record kind decides what the operators see.
    public var stream: String
    /// Bytes per record on the wire and on disk (before replication), > 0.
    public var recordBytes: Int
    /// The regions (>= 1); traffic is split by ``RegionConfiguration/trafficShare``.
    public var regions: [RegionConfiguration]
    /// The Kafka cluster.
    public var kafka: KafkaConfiguration
    /// The stream job.
    public var job: StreamJobConfiguration
    /// The feature store, or `nil` when no operator needs one.
    public var featureStore: FeatureStoreConfiguration?
    /// Where the fraud model runs (only with a `fraud-score` operator).
    public var modelServer: ModelServerConfiguration?
    /// The fraud model (needed by a `fraud-score` operator).
    public var fraudModel: FraudModelSource?
    /// Where decisions are written.
    public var decisionSink: DecisionSinkConfiguration
    /// The manual review queue, or `nil` when REVIEW decisions are only counted.
    public var reviewQueue: ReviewQueueConfiguration?
    /// Region outages, in any order.
    public var outages: [OutageConfiguration]
    /// Degraded mode, or `nil` for never.
    public var degradedMode: DegradedModeConfiguration?
    /// Width of the time-series bins (nanoseconds, > 0).
    public var binWidthNanos: Int64

    /// A configuration.
    public init(stream: String, recordBytes: Int = 1_000, regions: [RegionConfiguration], kafka: KafkaConfiguration,
                job: StreamJobConfiguration, featureStore: FeatureStoreConfiguration? = nil,
                modelServer: ModelServerConfiguration? = nil, fraudModel: FraudModelSource? = nil,
                decisionSink: DecisionSinkConfiguration, reviewQueue: ReviewQueueConfiguration? = nil,
                outages: [OutageConfiguration] = [], degradedMode: DegradedModeConfiguration? = nil,
                binWidthNanos: Int64 = 10_000_000_000) {
        self.stream = stream
        self.recordBytes = recordBytes
        self.regions = regions
        self.kafka = kafka
        self.job = job
        self.featureStore = featureStore
        self.modelServer = modelServer
        self.fraudModel = fraudModel
        self.decisionSink = decisionSink
        self.reviewQueue = reviewQueue
        self.outages = outages
        self.degradedMode = degradedMode
        self.binWidthNanos = binWidthNanos
    }

    /// The topic the job reads, or nil when it names none of the cluster's.
    public var jobTopic: TopicConfiguration? { kafka.topics.first { $0.name == job.topic } }
}
