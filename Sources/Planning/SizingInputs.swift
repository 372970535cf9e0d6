/// The inputs of a back-of-the-envelope capacity plan, with the fraud
/// detection service of the system-design seed as the default.
///
/// Field names match the `headroom size` flags (`eventRate` ↔
/// `--event-rate`), and ``validate()`` names fields in that kebab-case
/// form so the command can show the flag.

/// Inputs of ``CapacityPlan``. Defaults reproduce the seed's fraud service.
public struct SizingInputs: Sendable, Equatable {
    /// What is being sized, used as the derivation's title.
    public var name = "Fraud detection service"
    /// Average event rate (the seed's 50,000 TPS).
    public var eventRate = EventRate(perSecond: 50_000)
    /// Peak rate ÷ average rate (1: the seed sizes storage at its peak figure).
    public var peakMultiplier = 1.0
    /// Average event size on the wire (the seed's 1 KB "after compression").
    public var eventSize = ByteCount(1, .KB)
    /// Kafka replication factor.
    public var replicationFactor = 3
    /// Storage compression ratio: raw ÷ stored (1 = none; the seed's 1 KB is already compressed).
    public var compressionRatio = 1.0
    /// How long raw events are kept in the object store (the seed's 1 year = 365 d).
    public var retention = TimeSpan.days(365)
    /// How long the Kafka topic keeps events.
    public var kafkaRetention = TimeSpan.days(7)
    /// Copies kept in the object store (1; 2 or more for cross-region copies).
    public var storageCopies = 1
    /// Age at which objects move from the hot tier to the infrequent-access tier.
    public var infrequentAfter = TimeSpan.days(30)
    /// Age at which objects move to the archive tier.
    public var archiveAfter = TimeSpan.days(90)
    /// Producer throughput one partition sustains (the seed's 5k TPS per partition at 1 KB).
    public var partitionProducerThroughput = DataRate(bytesPerSecond: 5e6)
    /// Consumer throughput one partition sustains.
    public var partitionConsumerThroughput = DataRate(bytesPerSecond: 5e6)
    /// Consumer groups reading the topic (scoring and archiving).
    public var consumerGroups = 2
    /// Network limit of one broker, per direction.
    public var brokerNetwork = DataRate(bytesPerSecond: 1.25e9)
    /// Disk write throughput of one broker (EBS gp3 default: 250 MiB/s).
    public var brokerDiskThroughput = DataRate(bytesPerSecond: 250 * 1_048_576)
    /// Disk capacity of one broker (one gp3 volume: at most 16 TiB).
    public var brokerDiskCapacity = ByteCount(16, .TiB)
    /// Partition replicas one broker can host (a common operational limit).
    public var partitionReplicasPerBroker = 4_000
    /// CPU time to process one record in the scoring job.
    public var recordCost = TimeSpan.milliseconds(1)
    /// Utilization to plan for (headroom = 1 − target), applied to every resource.
    public var targetUtilization = 0.7
    /// Latency budget of each stage, in pipeline order, and the end-to-end SLO.
    public var ingestionLatency = TimeSpan.milliseconds(200)
    /// Feature enrichment and online-feature fetch budget.
    public var featuresLatency = TimeSpan.milliseconds(500)
    /// Model scoring budget.
    public var scoringLatency = TimeSpan.milliseconds(200)
    /// Decision write budget.
    public var decisionWriteLatency = TimeSpan.milliseconds(100)
    /// Everything else (network hops, serialization, retries).
    public var overheadLatency = TimeSpan.milliseconds(500)
    /// End-to-end SLO from ingestion to decision (the seed's 5 s).
    public var latencySLO = TimeSpan(seconds: 5)
    /// Share of transactions sent to manual review (the seed leaves it open: a clarifying question).
    public var reviewShare = 0.00001
    /// Analyst handling time per review.
    public var reviewHandlingTime = TimeSpan(seconds: 120)
    /// Claims to check for unit slips ("1,576.8 TB ≈ 1.54 PB").
    public var claims: [String] = []

    /// The seed's fraud service, including its "1,576.8 TB ≈ 1.54 PB" claim.
    public static var fraudService: SizingInputs {
        var inputs = SizingInputs()
        inputs.claims = [SizingInputs.seedClaim]
        return inputs
    }

    /// The year-volume conversion exactly as the seed writes it.
    public static let seedClaim = "1,576.8 TB ≈ 1.54 PB"

    /// The defaults.
    public init() {}

    /// Checks every field and throws the first problem, naming the field in kebab case.
    public func validate() throws {
        try PlanningError.requirePositive(eventRate.perSecond, "event-rate", example: "50k/s")
        guard peakMultiplier.isFinite, peakMultiplier >= 1 else {
            throw PlanningError(field: "peak-multiplier", "must be at least 1 (peak ÷ average), got \(NumberText.plain(peakMultiplier))", accepted: ["5"])
        }
        try PlanningError.requirePositive(eventSize.bytes, "event-size", example: "1KB")
        guard replicationFactor >= 1 else {
            throw PlanningError(field: "replication-factor", "must be at least 1, got \(replicationFactor)", accepted: ["3"])
        }
        guard compressionRatio.isFinite, compressionRatio >= 1 else {
            throw PlanningError(field: "compression-ratio", "must be at least 1 (raw ÷ stored), got \(NumberText.plain(compressionRatio))", accepted: ["4"])
        }
        try PlanningError.requirePositive(retention.seconds, "retention", example: "365d")
        try PlanningError.requirePositive(kafkaRetention.seconds, "kafka-retention", example: "7d")
        guard storageCopies >= 1 else {
            throw PlanningError(field: "storage-copies", "must be at least 1, got \(storageCopies)", accepted: ["1"])
        }
        guard infrequentAfter <= archiveAfter else {
            throw PlanningError(field: "archive-after", "must not come before --infrequent-after (\(infrequentAfter.formatted)), got \(archiveAfter.formatted)", accepted: ["90d"])
        }
        try PlanningError.requirePositive(partitionProducerThroughput.bytesPerSecond, "partition-producer-throughput", example: "5MB/s")
        try PlanningError.requirePositive(partitionConsumerThroughput.bytesPerSecond, "partition-consumer-throughput", example: "5MB/s")
        guard consumerGroups >= 1 else {
            throw PlanningError(field: "consumer-groups", "must be at least 1, got \(consumerGroups)", accepted: ["2"])
        }
        try PlanningError.requirePositive(brokerNetwork.bytesPerSecond, "broker-network", example: "10Gbit/s")
        try PlanningError.requirePositive(brokerDiskThroughput.bytesPerSecond, "broker-disk-throughput", example: "250MiB/s")
        try PlanningError.requirePositive(brokerDiskCapacity.bytes, "broker-disk-capacity", example: "16TiB")
        guard partitionReplicasPerBroker >= 1 else {
            throw PlanningError(field: "partitions-per-broker", "must be at least 1, got \(partitionReplicasPerBroker)", accepted: ["4000"])
        }
        try PlanningError.requirePositive(recordCost.seconds, "record-cost", example: "1ms")
        guard targetUtilization.isFinite, targetUtilization > 0, targetUtilization < 1 else {
            throw PlanningError(field: "target-utilization", "must be strictly between 0 and 1, got \(NumberText.plain(targetUtilization))", accepted: ["0.7"])
        }
        try PlanningError.requirePositive(latencySLO.seconds, "slo", example: "5s")
        try PlanningError.requireFraction(reviewShare, "review-share", example: "0.001%")
        try PlanningError.requirePositive(reviewHandlingTime.seconds, "review-handling-time", example: "2m")
    }
}
