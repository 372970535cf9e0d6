/// The Kafka cluster: brokers and topics.
///
/// Rates are bytes per second, times nanoseconds.
public struct KafkaConfiguration: Sendable {
    /// Number of brokers (>= 1); partition leaders are spread round-robin.
    public var brokers: Int
    /// Network in per broker (bytes/s): produce traffic plus replication in.
    public var networkInBytesPerSecond: Double
    /// Network out per broker (bytes/s): consumer fetches plus replication out.
    public var networkOutBytesPerSecond: Double
    /// Disk write throughput per broker (bytes/s), replicas included.
    public var diskBytesPerSecond: Double
    /// The topics (the stream job reads ``StreamJobConfiguration/topic``).
    public var topics: [TopicConfiguration]

    /// A cluster.
    public init(brokers: Int, networkInBytesPerSecond: Double, networkOutBytesPerSecond: Double,
                diskBytesPerSecond: Double, topics: [TopicConfiguration]) {
        self.brokers = brokers
        self.networkInBytesPerSecond = networkInBytesPerSecond
        self.networkOutBytesPerSecond = networkOutBytesPerSecond
        self.diskBytesPerSecond = diskBytesPerSecond
        self.topics = topics
    }

    /// Impossible values.
    public func problems(at path: String) -> [String] {
        var out: [String] = []
        if brokers < 1 { out.append("\(path).brokers: must be at least 1, got \(brokers)") }
        for (name, v) in [("network_in", networkInBytesPerSecond), ("network_out", networkOutBytesPerSecond),
                          ("disk", diskBytesPerSecond)] where !(v > 0) {
            out.append("\(path).\(name): must be more than 0 bytes/s, got \(v)")
        }
        if topics.isEmpty { out.append("\(path).topics: at least one topic is needed") }
        for (i, t) in topics.enumerated() { out += t.problems(at: "\(path).topics[\(i)]", brokers: brokers) }
        return out
    }
}

/// What a record's partition is chosen from.
public enum PartitionKey: String, Sendable, CaseIterable {
    /// The card token (fraud), user id (page views) or player id (bets).
    case entity
    /// No key: records go round-robin over partitions (sticky per batch).
    case none
}

/// Salting for hot keys: a hot key's records are spread over `buckets`
/// partitions by appending a salt (the record's sequence modulo `buckets`).
public struct SaltingConfiguration: Sendable, Equatable {
    /// Keys whose share of the traffic is at least this fraction are salted
    /// (in (0, 1]); the model measures shares on the fly over the last second.
    public var hotKeyShare: Double
    /// How many partitions a salted key is spread over (>= 2).
    public var buckets: Int

    /// A salting rule.
    public init(hotKeyShare: Double = 0.001, buckets: Int = 8) {
        self.hotKeyShare = hotKeyShare
        self.buckets = buckets
    }
}

/// A topic.
public struct TopicConfiguration: Sendable {
    /// The topic's name.
    public var name: String
    /// Partition count (>= 1).
    public var partitions: Int
    /// Replication factor (1...brokers).
    public var replicationFactor: Int
    /// `min.insync.replicas` (1...replicationFactor): acks=all waits for this many.
    public var minInsyncReplicas: Int
    /// Retention (nanoseconds; > 0).
    public var retentionNanos: Int64
    /// The partition key.
    public var key: PartitionKey
    /// Salting of hot keys, or `nil` for plain key hashing.
    public var salting: SaltingConfiguration?
    /// Per-partition throughput limit (bytes/s), or `nil` for none: appends
    /// beyond it queue at the partition leader.
    public var partitionBytesPerSecondLimit: Double?

    /// A topic.
    public init(name: String, partitions: Int, replicationFactor: Int = 3, minInsyncReplicas: Int = 2,
                retentionNanos: Int64 = 7 * 86_400 * 1_000_000_000, key: PartitionKey = .entity,
                salting: SaltingConfiguration? = nil, partitionBytesPerSecondLimit: Double? = nil) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.minInsyncReplicas = minInsyncReplicas
        self.retentionNanos = retentionNanos
        self.key = key
        self.salting = salting
        self.partitionBytesPerSecondLimit = partitionBytesPerSecondLimit
    }

    /// Impossible values.
    public func problems(at path: String, brokers: Int) -> [String] {
        var out: [String] = []
        if partitions < 1 { out.append("\(path).partitions: must be at least 1, got \(partitions)") }
        if replicationFactor < 1 || replicationFactor > max(brokers, 1) {
            out.append("\(path).replication_factor: must be in 1...\(brokers) (the broker count), got \(replicationFactor)")
        }
        if minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor {
            out.append("\(path).min_insync_replicas: must be in 1...\(replicationFactor) (the replication factor), got \(minInsyncReplicas)")
        }
        if retentionNanos <= 0 { out.append("\(path).retention: must be more than 0, got \(retentionNanos) ns") }
        if let s = salting {
            if s.buckets < 2 { out.append("\(path).salting.buckets: must be at least 2, got \(s.buckets)") }
            if !(s.hotKeyShare > 0 && s.hotKeyShare <= 1) {
                out.append("\(path).salting.hot_key_share: must be in (0, 1], got \(s.hotKeyShare)")
            }
        }
        if let l = partitionBytesPerSecondLimit, !(l > 0) {
            out.append("\(path).partition_limit: must be more than 0 bytes/s, got \(l)")
        }
        return out
    }

    /// Configurations that run but cannot work as meant.
    public func warnings(at path: String, recordBytes: Int) -> [String] {
        if let l = partitionBytesPerSecondLimit, l < Double(recordBytes) {
            return ["\(path).partition_limit: \(l) bytes/s is below one event (\(recordBytes) bytes) per second"]
        }
        return []
    }
}
