import Analytics
@testable import Experiment
import Platform
import Variates
import Workloads

/// Streaming scenarios built in code (small rates, short horizons: the
/// whole streaming suite runs in seconds in a debug build).
enum StreamingScenarioSupport {
    /// 2025-12-01 00:00 UTC, µs.
    static let origin: Int64 = 1_764_547_200_000_000

    static func dist(_ text: String) -> Distribution { try! Distribution.parse(text) }

    /// The fraud model every fraud test shares: trained once (seed 7, 2 minutes of a 500/s
    /// workload with fraud planted 120× more often, before the simulated span).
    static let fraudModel: FraudModel = {
        try! StreamingPresets.trainedFraudModel(rate: 500, minutes: 2, cards: 20_000, seed: 7, beforeMicros: origin)
    }()

    /// One expectation line parsed as the scenario decoder would.
    static func expectation(_ text: String) -> Expectation? {
        let doc = ConfigDocument(text: "\"\(text)\"", file: "test.yaml")
        return doc.root.flatMap { StatementParser.expectation($0) }
    }

    /// The error message of an expectation that does not parse.
    static func expectationError(_ text: String) -> String? {
        let doc = ConfigDocument(text: "\"\(text)\"", file: "test.yaml")
        guard let root = doc.root, StatementParser.expectation(root) == nil else { return nil }
        return doc.issues.issues.map { $0.message + " / " + $0.expected }.joined(separator: "; ")
    }

    /// A streaming scenario of `pipelines` over `workload`.
    static func scenario(_ name: String, workload: Workload, pipelines: [StreamingPipeline], seconds: Int64, warmUp: Int64 = 0,
                         sampleEvery: Int64 = 1, replications: Int = 1, seed: UInt64 = 42, slos: [SLO] = [],
                         expectations: [String] = []) -> Scenario {
        Scenario(name: name, description: "A test scenario.", seed: seed, start: origin, horizon: seconds * 1_000_000,
                 warmUp: warmUp * 1_000_000, replications: replications, sampleEvery: sampleEvery * 1_000_000, workload: workload,
                 components: [], streaming: pipelines, slos: slos, prices: PriceChoice(clouds: ["gcp", "aws", "azure"], file: nil, overrides: nil),
                 storage: nil, expectations: expectations.map { expectation($0)! }, warnings: [])
    }

    /// The seed's fraud service at `rate`/s with `tasks` tasks, 16 partitions, a
    /// smaller review team, and the model in memory; optional autoscaler and outage.
    static func fraudPipeline(rate: Double = 1_000, tasks: Int = 4, autoscaler: AutoscalerConfiguration? = nil,
                              outage: OutageConfiguration? = nil, score: String = "lognormal(p50=120us, p99=600us)") -> StreamingPipeline {
        var c = StreamingPresets.fraudDetection(rate: rate, parallelism: tasks)
        c.kafka.topics[0].partitions = 16
        c.job.maxParallelism = 16
        c.job.operators[1].service = .distribution(dist(score))
        c.job.autoscaler = autoscaler
        c.reviewQueue = ReviewQueueConfiguration(reviewers: 2, handling: dist("lognormal(p50=20s, p99=60s)"))
        c.outages = outage.map { [$0] } ?? []
        c.fraudModel = .model(fraudModel)
        return StreamingPipeline(name: "fraud-scoring", configuration: c)
    }

    /// The fraud workload at `rate`/s over `cards` cards, fraud planted `fraudScale`× as often as in production.
    static func fraudWorkload(rate: Double = 1_000, cards: Int = 20_000, hotShare: Double = 0, fraudScale: Double = 60,
                              spikes: [Spike] = []) -> Workload {
        StreamingPresets.fraudWorkload(rate: rate, cards: cards, hotShare: hotShare, fraudScale: fraudScale, spikes: spikes)
    }

    /// A spike `multiplier`× from `start` s for `duration` s after the origin.
    static func spike(at start: Int64, for duration: Int64, times multiplier: Double, name: String = "peak") -> Spike {
        Spike(name: name, start: origin + start * Timestamp.second, duration: duration * Timestamp.second, multiplier: multiplier)
    }

    /// One region, fixed costs, `partitions` partitions and `tasks` tasks running one `custom` operator of service `service`.
    static func simplePipeline(name: String = "job", topic: String = "events", stream: String = "card_transactions", partitions: Int = 8,
                               tasks: Int = 2, service: String = "fixed(2ms)", buffer: Int = 100,
                               operators: [OperatorConfiguration]? = nil) -> StreamingPipeline {
        let gateway = GatewayConfiguration(validationCost: dist("fixed(100us)"), batchSizeBytes: 16_384, lingerNanos: 2_000_000,
                                           leaderAppend: dist("fixed(1ms)"), replication: dist("fixed(1ms)"))
        let t = TopicConfiguration(name: topic, partitions: partitions, replicationFactor: 3, minInsyncReplicas: 2)
        let kafka = KafkaConfiguration(brokers: 3, networkInBytesPerSecond: 125e6, networkOutBytesPerSecond: 125e6,
                                       diskBytesPerSecond: 500e6, topics: [t])
        let ops = operators ?? [OperatorConfiguration(name: "work", kind: .custom, service: .distribution(dist(service)))]
        let job = StreamJobConfiguration(name: name, topic: topic, parallelism: tasks, maxParallelism: 64, operators: ops,
                                         bufferCapacityRecords: buffer, fetchMaxRecords: 100, fetchWaitNanos: 5_000_000)
        let c = StreamingConfiguration(stream: stream, recordBytes: 1_000,
                                       regions: [RegionConfiguration(name: "us", trafficShare: 1, gateway: gateway)],
                                       kafka: kafka, job: job, decisionSink: DecisionSinkConfiguration(writeLatency: dist("fixed(1ms)")),
                                       binWidthNanos: 1_000_000_000)
        return StreamingPipeline(name: name, configuration: c)
    }

    /// Card transactions at `rate`/s over `cards` cards (uniform), optional hot card and spikes.
    static func cardWorkload(rate: Double, cards: Int = 10_000, hotShare: Double = 0, spikes: [Spike] = []) -> Workload {
        let keys = KeyPopularity(count: cards, exponent: 0, hotKeys: hotShare > 0 ? [(key: Int64(1), share: hotShare)] : [])
        let spec = StreamSpec(name: "card_transactions", kind: .cardTransactions, rate: RateCurve(base: rate, spikes: spikes), keys: keys)
        return Workload(seed: 1, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, merchants: 500, cards: cards, streams: [spec])
    }

    /// Page views at `rate`/s over `users` users with sessions (30-minute timeout) and 2 % of events late.
    static func pageViewWorkload(rate: Double, users: Int = 2_000) -> Workload {
        let spec = StreamSpec(name: "page_views", kind: .pageViews, rate: RateCurve(base: rate),
                              keys: KeyPopularity(count: users, exponent: 0.5),
                              disorder: DisorderSpec(fraction: 0.02, delay: dist("exp(mean=2s)")),
                              sessions: SessionSpec(meanEvents: 8, gap: dist("exp(mean=5s)"), pauseProbability: 0, timeout: 30 * Timestamp.second,
                                                    pauseJitter: 0))
        return Workload(seed: 1, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, merchants: 10, cards: 10, streams: [spec])
    }

    /// A sessionize job on page views: 15 s session timeout, 1 s allowed lateness (late events go to the dead-letter output).
    static func sessionPipeline() -> StreamingPipeline {
        var p = simplePipeline(name: "sessions", topic: "page-views", stream: "page_views", partitions: 8, tasks: 4,
                               operators: [OperatorConfiguration(name: "sessionize", kind: .sessionize, service: .distribution(dist("fixed(50us)")),
                                                                 sessionTimeoutNanos: 15_000_000_000)])
        p.configuration.job.allowedLatenessNanos = 1_000_000_000
        return p
    }
}

import Reporting

extension JSONValue {
    /// Element `index` of an array, or nil.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
    /// The elements of an array, or nil.
    var arrayValue: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }
    /// The text of a string, or nil.
    var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }
}
