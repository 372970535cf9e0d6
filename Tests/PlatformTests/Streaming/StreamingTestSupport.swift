import Analytics
import Platform
import Variates
import Workloads
import Metrics

/// Small configurations and runs for the behaviour tests (debug-fast: rates
/// of a few hundred to a few thousand per second, spans of seconds to minutes).
enum StreamingTestSupport {
    static let origin: Int64 = 1_764_547_200_000_000

    static func dist(_ text: String) -> Distribution { try! Distribution.parse(text) }

    /// One region, fixed costs, `partitions` partitions, `tasks` tasks, a
    /// `custom` operator with service `service`.
    static func simple(partitions: Int = 8, tasks: Int = 4, service: String = "fixed(1ms)", buffer: Int = 1_000,
                       salting: SaltingConfiguration? = nil) -> StreamingConfiguration {
        let gateway = GatewayConfiguration(validationCost: dist("fixed(100us)"), batchSizeBytes: 16_384, lingerNanos: 2_000_000,
                                           leaderAppend: dist("fixed(1ms)"), replication: dist("fixed(1ms)"))
        let topic = TopicConfiguration(name: "t", partitions: partitions, replicationFactor: 3, minInsyncReplicas: 2, salting: salting)
        let kafka = KafkaConfiguration(brokers: 3, networkInBytesPerSecond: 125e6, networkOutBytesPerSecond: 125e6,
                                       diskBytesPerSecond: 500e6, topics: [topic])
        let job = StreamJobConfiguration(name: "job", topic: "t", parallelism: tasks, maxParallelism: 64,
                                         operators: [OperatorConfiguration(name: "work", kind: .custom, service: .distribution(dist(service)))],
                                         bufferCapacityRecords: buffer, fetchMaxRecords: 100, fetchWaitNanos: 5_000_000)
        return StreamingConfiguration(stream: "card_transactions", recordBytes: 1_000,
                                      regions: [RegionConfiguration(name: "us", trafficShare: 1, gateway: gateway)],
                                      kafka: kafka, job: job, decisionSink: DecisionSinkConfiguration(writeLatency: dist("fixed(1ms)")),
                                      binWidthNanos: 1_000_000_000)
    }

    /// Runs `configuration` on `workload` for `seconds`.
    static func run(_ configuration: StreamingConfiguration, workload: Workload, seconds: Double, seed: UInt64 = 11,
                    model: FraudModel? = nil) -> StreamingResult {
        let span = Int64(seconds * 1e6)
        let generator = WorkloadGenerator(workload: workload, seed: seed, from: origin, to: origin + span)
        let input = CardTransactionInput(generator: generator, stream: "card_transactions", originMicros: origin)!
        return StreamingRun.run(configuration, input: input, fraudModel: model, horizonNanos: span * 1_000, seed: seed)
    }

    /// Card transactions at `rate`/s over `cards` cards (uniform), optional hot card and spikes.
    static func workload(rate: Double, cards: Int = 10_000, hotShare: Double = 0, spikes: [Spike] = []) -> Workload {
        let keys = KeyPopularity(count: cards, exponent: 0, hotKeys: hotShare > 0 ? [(key: Int64(1), share: hotShare)] : [])
        let spec = StreamSpec(name: "card_transactions", kind: .cardTransactions, rate: RateCurve(base: rate, spikes: spikes), keys: keys)
        return Workload(seed: 1, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, merchants: 500, cards: cards, streams: [spec])
    }

    static func p(_ h: Metrics.LatencyHistogram, _ q: Double) -> Double { h.valueSeconds(atPercentile: q) ?? .nan }
}
