import Analytics
import Variates
import Workloads

/// Ready-made configurations of the seeds' systems, for the benchmark,
/// the behaviour tests and as the reference the scenario files mirror.
public enum StreamingPresets {
    /// The seed's fraud service: `rate` card transactions per second over
    /// APAC/US/EU (30/40/30 %, cluster in the US), 1 KB events, a 64-partition
    /// topic keyed by card token with replication 3, 32 tasks running dedup
    /// and fraud-score (features + logistic model + policy, embedded model,
    /// feature store with an 80 % cache), decision sink and review queue.
    public static func fraudDetection(rate: Double = 50_000, parallelism: Int = 32) -> StreamingConfiguration {
        let gateway = GatewayConfiguration(
            validationCost: dist("lognormal(p50=300us, p99=2ms)"), batchSizeBytes: 16_384, lingerNanos: 5_000_000,
            leaderAppend: dist("lognormal(p50=1ms, p99=5ms)"), replication: dist("lognormal(p50=2ms, p99=10ms)"),
            retryProbability: 0.0005, retryBackoffNanos: 100_000_000)
        let regions = [
            RegionConfiguration(name: "apac", trafficShare: 0.3, crossRegionLatencyNanos: 80_000_000, gateway: gateway),
            RegionConfiguration(name: "us", trafficShare: 0.4, crossRegionLatencyNanos: 0, gateway: gateway),
            RegionConfiguration(name: "eu", trafficShare: 0.3, crossRegionLatencyNanos: 40_000_000, gateway: gateway),
        ]
        let topic = TopicConfiguration(name: "card-transactions", partitions: 64, replicationFactor: 3, minInsyncReplicas: 2,
                                       retentionNanos: 7 * 86_400 * 1_000_000_000, key: .entity)
        let kafka = KafkaConfiguration(brokers: 6, networkInBytesPerSecond: 125e6, networkOutBytesPerSecond: 125e6,
                                       diskBytesPerSecond: 500e6, topics: [topic])
        let job = StreamJobConfiguration(
            name: "fraud-scoring", topic: topic.name, parallelism: parallelism, maxParallelism: 64,
            operators: [
                OperatorConfiguration(name: "dedup", kind: .dedup, service: .distribution(dist("fixed(2us)")), dedupWindowRecords: 1 << 17),
                OperatorConfiguration(name: "score", kind: .fraudScore, service: .distribution(dist("lognormal(p50=120us, p99=600us)"))),
            ],
            bufferCapacityRecords: 5_000, fetchMaxRecords: 500, fetchWaitNanos: 5_000_000,
            checkpoint: CheckpointConfiguration(intervalNanos: 60_000_000_000, pauseNanos: 200_000_000))
        return StreamingConfiguration(
            stream: "card_transactions", recordBytes: 1_000, regions: regions, kafka: kafka, job: job,
            featureStore: FeatureStoreConfiguration(latency: dist("lognormal(p50=500us, p99=3ms)"), opsPerSecondPerNode: 20_000,
                                                    nodes: 6, cacheHitRatio: 0.8),
            modelServer: .embedded(cost: dist("lognormal(p50=20us, p99=100us)")),
            decisionSink: DecisionSinkConfiguration(writeLatency: dist("lognormal(p50=2ms, p99=15ms)")),
            reviewQueue: ReviewQueueConfiguration(reviewers: 200, handling: dist("lognormal(p50=2m, p99=10m)")),
            binWidthNanos: 10_000_000_000)
    }

    /// The card-transactions workload of the fraud service: `rate` per
    /// second over `cards` cards (Zipf s = 0.8), one hot card (the
    /// card-testing target) with `hotShare` of the traffic, planted fraud
    /// (card testing 6/h, account takeover 4/h, high velocity 3/h), 10 s blocks.
    public static func fraudWorkload(rate: Double = 50_000, cards: Int = 1_000_000, hotShare: Double = 0.0,
                                     fraudScale: Double = 1, spikes: [Spike] = []) -> Workload {
        let keys = KeyPopularity(count: cards, exponent: 0.8, hotKeys: hotShare > 0 ? [(key: Int64(1), share: hotShare)] : [])
        let spec = StreamSpec(name: "card_transactions", kind: .cardTransactions,
                              rate: RateCurve(base: rate, spikes: spikes), keys: keys,
                              fraud: FraudSpec(cardTestingPerHour: 6 * fraudScale, accountTakeoverPerHour: 4 * fraudScale,
                                               highVelocityPerHour: 3 * fraudScale))
        return Workload(seed: 1, blockLength: 10 * Timestamp.second, lookback: 30 * Timestamp.minute,
                        merchants: 5_000, cards: cards, streams: [spec])
    }

    /// A fraud model trained for the preset: `minutes` of a
    /// `rate`/s workload with fraud planted 120× more often than in
    /// production (so the training set has enough positives), seed `seed`,
    /// span ending at `beforeMicros` (before the simulated span).
    public static func trainedFraudModel(rate: Double = 1_000, minutes: Int = 10, cards: Int = 50_000, seed: UInt64 = 7,
                                         beforeMicros: Int64 = 0) throws -> FraudModel {
        var options = FraudTrainingOptions()
        options.targetFPRReview = 0.002
        options.targetFPRBlock = 0.0005
        return try FraudModelResolver.resolve(.train(trainingMinutes: minutes, seed: seed, options: options),
                                              workload: fraudWorkload(rate: rate, cards: cards, fraudScale: 120),
                                              stream: "card_transactions", beforeMicros: beforeMicros)
    }

    static func dist(_ text: String) -> Distribution {
        // Literal specifications of this file: a failure is a programming error.
        do { return try Distribution.parse(text) } catch { preconditionFailure("StreamingPresets: bad spec \(text): \(error)") }
    }
}
