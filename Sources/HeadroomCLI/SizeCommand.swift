/// `headroom size`: the back-of-the-envelope capacity plan, worked step by step.
///
/// Every option is a quantity written as people write it (`50k/s`, `1KB`,
/// `365d`, `250MiB/s`) and parsed by `Planning`, so a bad value is reported
/// with the flag's name and an accepted form before anything is computed.
/// With no options it sizes the fraud detection service of the
/// system-design seed and checks the seed's "1,576.8 TB ≈ 1.54 PB".

import ArgumentParser
import Experiment
import Foundation
import Planning

/// `headroom size [options] [--markdown | --json]`.
public struct SizeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Size a streaming platform step by step: ingress, storage over retention and tiers, Kafka partitions and brokers, consumers, latency budget, review queue.",
        discussion: """
            Defaults are the fraud detection service of the system-design seed \
            (50,000 TPS × 1 KB, 1-year retention, RF 3, 5 s SLO); with no options \
            the seed's own arithmetic is reproduced and its "1,576.8 TB ≈ 1.54 PB" \
            slip is flagged. Sizes: KB = 1000 B, KiB = 1024 B. Durations: ms, s, \
            m (minutes), h, d, w, y (= 365 d).
            """
    )

    @Option(help: "Average event rate (50k/s, 50000 TPS, 3M/day).") var eventRate = "50k/s"
    @Option(help: "Peak rate ÷ average rate (≥ 1).") var peakMultiplier = "1"
    @Option(help: "Average event size (1KB, 1 KiB, 512 B).") var eventSize = "1KB"
    @Option(help: "Kafka replication factor.") var replicationFactor = "3"
    @Option(help: "Storage compression ratio, raw ÷ stored (≥ 1).") var compressionRatio = "1"
    @Option(help: "Object-store retention of raw events (365d, 1y).") var retention = "365d"
    @Option(help: "Kafka topic retention.") var kafkaRetention = "7d"
    @Option(help: "Full copies in the object store (2 for a second region).") var storageCopies = "1"
    @Option(help: "Age at which data moves to the infrequent-access tier.") var infrequentAfter = "30d"
    @Option(help: "Age at which data moves to the archive tier.") var archiveAfter = "90d"
    @Option(help: "Producer throughput one partition sustains (5MB/s).") var partitionProducerThroughput = "5MB/s"
    @Option(help: "Consumer throughput one partition sustains.") var partitionConsumerThroughput = "5MB/s"
    @Option(help: "Consumer groups reading the topic.") var consumerGroups = "2"
    @Option(help: "Network limit of one broker per direction (10Gbit/s).") var brokerNetwork = "10Gbit/s"
    @Option(help: "Disk write throughput of one broker (EBS gp3 default 250MiB/s).") var brokerDiskThroughput = "250MiB/s"
    @Option(help: "Disk capacity of one broker.") var brokerDiskCapacity = "16TiB"
    @Option(help: "Partition replicas one broker may host.") var partitionsPerBroker = "4000"
    @Option(help: "CPU time to process one record (1ms).") var recordCost = "1ms"
    @Option(help: "Utilization to plan for, 0 < u < 1.") var targetUtilization = "0.7"
    @Option(help: "Latency budget: ingestion.") var latencyIngestion = "200ms"
    @Option(help: "Latency budget: enrichment and feature fetch.") var latencyFeatures = "500ms"
    @Option(help: "Latency budget: model scoring.") var latencyScoring = "200ms"
    @Option(help: "Latency budget: decision write.") var latencyDecisionWrite = "100ms"
    @Option(help: "Latency budget: overhead.") var latencyOverhead = "500ms"
    @Option(help: "End-to-end latency SLO.") var slo = "5s"
    @Option(help: "Share of transactions sent to manual review (0.001% or 0.00001).") var reviewShare = "0.001%"
    @Option(help: "Analyst handling time per review.") var reviewHandlingTime = "2m"
    @Option(help: "A claimed conversion to check for unit slips (\"1,576.8 TB ≈ 1.54 PB\"); repeatable.") var claim: [String] = []
    @Flag(help: "Add the monthly cost per component on GCP, AWS and Azure (list prices of the shipped catalogs).") var cost = false
    @Option(help: "A price file whose entries override the shipped catalogs (implies --cost).") var prices: String?
    @Option(help: "Online feature-cache nodes to price with --cost.") var cacheNodes = "3"
    @Option(help: "Take the event rate, peak multiplier, per-record cost, SLO, event size, retention and price file from a scenario file (other flags still apply).") var scenario: String?
    @Flag(help: "Print Markdown instead of text.") var markdown = false
    @Flag(help: "Print JSON: {\"steps\": [...], \"results\": {...}, \"warnings\": [...]}.") var json = false

    public init() {}

    public func validate() throws {
        if markdown && json { throw ValidationError("choose one of --markdown and --json") }
        _ = try sizingInputs()
        if cost || prices != nil { _ = try catalogs() }
    }

    public func run() throws {
        let inputs = try sizingInputs()
        var derivation = CapacityPlan.derive(inputs)
        var breakdown: CostBreakdown?
        if cost || prices != nil {
            let nodes = try CLIValues.integer(cacheNodes, flag: "--cache-nodes", example: "3")
            let usage = UsageProfile.from(inputs, plan: derivation, cacheNodes: nodes)
            let b = try CostBreakdown(usage: usage, catalogs: try catalogs())
            for cloud in CostCatalog.clouds {
                let total = b.total(cloud: cloud)
                derivation.result("cost_\(cloud)_monthly_usd", total.doubleValue, unit: "USD/month", display: total.formatted)
            }
            let unverified = b.unverifiedEntries
            if !unverified.isEmpty {
                derivation.warn("\(unverified.count) price(s) not confirmed against a pricing page (\"verified\": false): "
                    + unverified.joined(separator: ", ") + "; check them or override them with --prices")
            }
            breakdown = b
        }
        if json {
            print(derivation.json(), terminator: "")
        } else if markdown {
            print(derivation.markdown + (breakdown.map { "\n" + $0.markdown } ?? ""), terminator: "")
        } else {
            print(derivation.text + (breakdown.map { "\n" + $0.text } ?? ""), terminator: "")
        }
    }

    /// The shipped catalogs with the `--prices` overrides applied.
    func catalogs() throws -> [CostCatalog] {
        do {
            var overrides = PriceOverrides(catalogs: [])
            if let path = try prices ?? scenarioSizing()?.priceFile {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("invalid --prices: cannot read \"\(path)\"")
                }
                overrides = try PriceOverrides.load(data, origin: path)
            }
            return try CostCatalog.clouds.map { try CostCatalog.shipped($0).overridden(by: overrides.entries(for: $0)) }
        } catch let error as PlanningError {
            throw ValidationError(CLIValues.message(error))
        }
    }

    /// The sizing inputs of `--scenario`, if given.
    func scenarioSizing() throws -> ScenarioSizing? {
        guard let scenario else { return nil }
        do { return ScenarioSizing(try ScenarioFile.load(path: scenario)) } catch let errors as ConfigErrors {
            throw ValidationError("invalid --scenario \(scenario):\n" + errors.description)
        }
    }

    /// The parsed inputs; throws `ValidationError` naming the flag on the first bad value.
    func sizingInputs() throws -> SizingInputs {
        do {
            var s = SizingInputs()
            s.eventRate = try EventRate.parse(eventRate, field: "--event-rate")
            s.peakMultiplier = try CLIValues.number(peakMultiplier, flag: "--peak-multiplier", example: "5")
            s.eventSize = try ByteCount.parse(eventSize, field: "--event-size")
            s.replicationFactor = try CLIValues.integer(replicationFactor, flag: "--replication-factor", example: "3")
            s.compressionRatio = try CLIValues.number(compressionRatio, flag: "--compression-ratio", example: "4")
            s.retention = try TimeSpan.parse(retention, field: "--retention")
            s.kafkaRetention = try TimeSpan.parse(kafkaRetention, field: "--kafka-retention")
            s.storageCopies = try CLIValues.integer(storageCopies, flag: "--storage-copies", example: "1")
            s.infrequentAfter = try TimeSpan.parse(infrequentAfter, field: "--infrequent-after")
            s.archiveAfter = try TimeSpan.parse(archiveAfter, field: "--archive-after")
            s.partitionProducerThroughput = try DataRate.parse(partitionProducerThroughput, field: "--partition-producer-throughput")
            s.partitionConsumerThroughput = try DataRate.parse(partitionConsumerThroughput, field: "--partition-consumer-throughput")
            s.consumerGroups = try CLIValues.integer(consumerGroups, flag: "--consumer-groups", example: "2")
            s.brokerNetwork = try DataRate.parse(brokerNetwork, field: "--broker-network")
            s.brokerDiskThroughput = try DataRate.parse(brokerDiskThroughput, field: "--broker-disk-throughput")
            s.brokerDiskCapacity = try ByteCount.parse(brokerDiskCapacity, field: "--broker-disk-capacity")
            s.partitionReplicasPerBroker = try CLIValues.integer(partitionsPerBroker, flag: "--partitions-per-broker", example: "4000")
            s.recordCost = try TimeSpan.parse(recordCost, field: "--record-cost")
            s.targetUtilization = try CLIValues.number(targetUtilization, flag: "--target-utilization", example: "0.7")
            s.ingestionLatency = try TimeSpan.parse(latencyIngestion, field: "--latency-ingestion")
            s.featuresLatency = try TimeSpan.parse(latencyFeatures, field: "--latency-features")
            s.scoringLatency = try TimeSpan.parse(latencyScoring, field: "--latency-scoring")
            s.decisionWriteLatency = try TimeSpan.parse(latencyDecisionWrite, field: "--latency-decision-write")
            s.overheadLatency = try TimeSpan.parse(latencyOverhead, field: "--latency-overhead")
            s.latencySLO = try TimeSpan.parse(slo, field: "--slo")
            s.reviewShare = try CLIValues.fraction(reviewShare, flag: "--review-share", example: "0.001%")
            s.reviewHandlingTime = try TimeSpan.parse(reviewHandlingTime, field: "--review-handling-time")
            if let sized = try scenarioSizing() {
                s.eventRate = EventRate(perSecond: sized.eventRate)
                s.peakMultiplier = sized.peakMultiplier
                if let cost = sized.recordCostSeconds { s.recordCost = TimeSpan(seconds: cost) }
                if let bound = sized.sloSeconds { s.latencySLO = TimeSpan(seconds: bound) }
                if let bytes = sized.eventBytes { s.eventSize = ByteCount(bytes: bytes) }
                if let days = sized.retentionDays { s.retention = TimeSpan.days(Double(days)) }
            }
            for c in claim { _ = try UnitSlipCheck(claim: c, field: "--claim") }
            // With every option at its default this is the seed's fraud service: check the seed's claim too.
            s.claims = claim.isEmpty && s == SizingInputs() ? SizingInputs.fraudService.claims : claim
            try s.validate()
            return s
        } catch let error as PlanningError {
            throw ValidationError(CLIValues.message(error))
        }
    }
}
