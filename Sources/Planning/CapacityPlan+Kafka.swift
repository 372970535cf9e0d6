/// Kafka sizing steps: broker storage, partitions as max(t/p, t/c) with
/// headroom, and brokers by network, disk throughput, disk capacity and
/// partition count.

import Foundation

extension CapacityPlan {
    /// Kafka steps; partitions are finalized in ``processing(_:into:)``, which knows the consumer count.
    static func kafka(_ inputs: SizingInputs, into d: inout Derivation) {
        let util = inputs.targetUtilization
        let rf = Double(inputs.replicationFactor)
        let avg = DataRate(bytesPerSecond: inputs.eventRate.perSecond * inputs.eventSize.bytes)
        let peak = avg * inputs.peakMultiplier

        let logBytes = avg.over(inputs.kafkaRetention) * rf
        let logR = readable(logBytes)
        d.add(DerivationStep(
            label: "Kafka log storage (all replicas)", formula: "average ingress × topic retention × replication factor",
            substituted: "\(avg.formatted) × \(inputs.kafkaRetention.formatted) × \(inputs.replicationFactor)",
            value: logR.value, unit: logR.unit.rawValue, display: logBytes.formattedExact()))
        d.result("kafka_log_bytes", logBytes.bytes, unit: "B", display: logBytes.formattedBoth())

        let byProducer = peak.bytesPerSecond / inputs.partitionProducerThroughput.bytesPerSecond
        d.add(DerivationStep(
            label: "Partitions for producers", formula: "peak ingress ÷ producer throughput per partition (t/p)",
            substituted: "\(peak.formatted) ÷ \(inputs.partitionProducerThroughput.formatted)",
            value: byProducer, unit: "partitions", display: NumberText.plain(byProducer, maxFractionDigits: 2) + " partitions"))
        let byConsumer = peak.bytesPerSecond / inputs.partitionConsumerThroughput.bytesPerSecond
        d.add(DerivationStep(
            label: "Partitions for consumers", formula: "peak ingress ÷ consumer throughput per partition (t/c)",
            substituted: "\(peak.formatted) ÷ \(inputs.partitionConsumerThroughput.formatted)",
            value: byConsumer, unit: "partitions", display: NumberText.plain(byConsumer, maxFractionDigits: 2) + " partitions"))
        let partitions = Foundation.ceil(max(byProducer, byConsumer) / util - 1e-9)
        d.add(DerivationStep(
            label: "Partitions for throughput with headroom", formula: "⌈max(t/p, t/c) ÷ target utilization⌉",
            substituted: "⌈max(\(NumberText.plain(byProducer, maxFractionDigits: 2)), \(NumberText.plain(byConsumer, maxFractionDigits: 2))) ÷ \(NumberText.plain(util))⌉",
            value: partitions, unit: "partitions"))
        d.result("partitions_for_throughput", partitions, unit: "partitions")
    }

    /// Broker count steps, once the partition count is known.
    static func brokers(_ inputs: SizingInputs, partitions: Double, into d: inout Derivation) {
        let util = inputs.targetUtilization
        let rf = Double(inputs.replicationFactor)
        let groups = Double(inputs.consumerGroups)
        let avg = DataRate(bytesPerSecond: inputs.eventRate.perSecond * inputs.eventSize.bytes)
        let peak = avg * inputs.peakMultiplier

        // Per direction: in = clients + (RF−1) replica fetches in; out = (RF−1) replica fetches out + consumer groups.
        let inbound = peak * rf
        let outbound = peak * (rf - 1 + groups)
        let heavier = max(inbound, outbound)
        let byNetwork = Foundation.ceil(heavier.bytesPerSecond / (inputs.brokerNetwork.bytesPerSecond * util) - 1e-9)
        d.add(DerivationStep(
            label: "Brokers by network", formula: "⌈max(peak × RF in, peak × (RF − 1 + consumer groups) out) ÷ (broker network × target utilization)⌉",
            substituted: "⌈max(\(inbound.formatted), \(outbound.formatted)) ÷ (\(inputs.brokerNetwork.formatted) × \(NumberText.plain(util)))⌉",
            value: byNetwork, unit: "brokers"))

        let clientPerBroker = inputs.brokerDiskThroughput / rf
        let byDisk = Foundation.ceil(peak.bytesPerSecond * rf / (inputs.brokerDiskThroughput.bytesPerSecond * util) - 1e-9)
        let clientBinary = clientPerBroker.bytesPerSecond / 1_048_576
        d.add(DerivationStep(
            label: "Brokers by disk throughput", formula: "⌈peak ingress × RF ÷ (broker disk throughput × target utilization)⌉",
            substituted: "⌈\(peak.formatted) × \(inputs.replicationFactor) ÷ (\(inputs.brokerDiskThroughput.formattedBoth) × \(NumberText.plain(util)))⌉",
            value: byDisk, unit: "brokers",
            note: "every client byte is written RF times, so one broker's disk takes \(inputs.brokerDiskThroughput.formattedBoth) ÷ \(inputs.replicationFactor) ≈ \(NumberText.significant(clientBinary)) MiB/s of client ingress (EBS gp3 defaults to 250 MiB/s: ~83 MiB/s at RF 3)"))

        let logBytes = avg.over(inputs.kafkaRetention) * rf
        let byCapacity = Foundation.ceil(logBytes.bytes / (inputs.brokerDiskCapacity.bytes * util) - 1e-9)
        d.add(DerivationStep(
            label: "Brokers by disk capacity", formula: "⌈Kafka log storage ÷ (broker disk capacity × target utilization)⌉",
            substituted: "⌈\(logBytes.formatted()) ÷ (\(inputs.brokerDiskCapacity.formattedBoth(primary: .binary)) × \(NumberText.plain(util)))⌉",
            value: byCapacity, unit: "brokers"))

        let byPartitions = Foundation.ceil(partitions * rf / Double(inputs.partitionReplicasPerBroker) - 1e-9)
        d.add(DerivationStep(
            label: "Brokers by partition count", formula: "⌈partitions × RF ÷ partition replicas per broker⌉",
            substituted: "⌈\(NumberText.plain(partitions)) × \(inputs.replicationFactor) ÷ \(NumberText.plain(Double(inputs.partitionReplicasPerBroker)))⌉",
            value: byPartitions, unit: "brokers"))

        let brokers = max(byNetwork, byDisk, byCapacity, byPartitions, rf)
        let binding = [("network", byNetwork), ("disk throughput", byDisk), ("disk capacity", byCapacity),
                       ("partition count", byPartitions), ("replication factor", rf)]
            .filter { $0.1 == brokers }.map(\.0).joined(separator: ", ")
        d.add(DerivationStep(
            label: "Brokers", formula: "max(by network, by disk throughput, by disk capacity, by partitions, RF)",
            substituted: "max(\([byNetwork, byDisk, byCapacity, byPartitions, rf].map { NumberText.plain($0) }.joined(separator: ", ")))",
            value: brokers, unit: "brokers", note: "bound by \(binding)"))
        d.result("brokers", brokers, unit: "brokers")
    }
}
