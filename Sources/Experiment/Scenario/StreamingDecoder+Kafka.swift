/// Decoding of `streaming.kafka`: the brokers and the topics, each value
/// checked at its node (a replication factor above the broker count, a
/// min.insync above the replication factor).

import Platform
import Variates

extension StreamingDecoder {
    /// The decoded cluster; the topics keep their node (for warnings and
    /// the job's checks) and the key word as written (`card`, `user`, …).
    struct Cluster {
        var brokers: Int
        var networkIn: Double, networkOut: Double, disk: Double
        var topics: [(topic: TopicConfiguration, node: ConfigNode, keyWord: String)]
    }

    /// `kafka:`; nil when any part has an issue.
    func kafka(_ n: ConfigNode) -> Cluster? {
        guard let f = n.fields(StreamingFields.kafkaFields.names) else { return nil }
        let before = n.issues.issues.count
        let brokers = f.required("brokers", expected: "a broker count such as 6")?.integer(in: 1...10_000, expected: "a whole number between 1 and 10,000")
        let networkIn = f["network_in"].map { dataRate($0) } ?? 125e6
        let networkOut = f["network_out"].map { dataRate($0) } ?? 125e6
        let disk = f["disk"].map { dataRate($0) } ?? 500e6
        var topics: [(topic: TopicConfiguration, node: ConfigNode, keyWord: String)] = []
        if let t = f.required("topics", expected: "a mapping of topic names to {partitions, replication, …}"), let entries = t.namedEntries() {
            if entries.isEmpty { t.fail("name at least one topic", expected: "{card-transactions: {partitions: 64}}") }
            for (name, entry, _) in entries {
                if let topic = self.topic(name, entry, brokers: brokers) { topics.append((topic.0, entry, topic.1)) }
            }
        }
        guard n.issues.issues.count == before, let brokers, let networkIn, let networkOut, let disk else { return nil }
        return Cluster(brokers: brokers, networkIn: networkIn, networkOut: networkOut, disk: disk, topics: topics)
    }

    /// One topic and its key word.
    func topic(_ name: String, _ n: ConfigNode, brokers: Int?) -> (TopicConfiguration, String)? {
        guard let f = n.fields(StreamingFields.topicFields.names) else { return nil }
        let before = n.issues.issues.count
        let partitions = f.required("partitions", expected: "a partition count such as 64")?
            .integer(in: 1...100_000, expected: "a whole number between 1 and 100,000")
        var replication: Int? = Swift.min(3, brokers ?? 3)
        if let r = f["replication"] {
            replication = r.integer(in: 1...1_000, expected: "a whole number ≥ 1")
            if let v = replication, let brokers, v > brokers {
                r.fail("a replication factor of \(v) needs at least \(v) brokers; the cluster has \(brokers)", expected: "at most \(brokers)")
                replication = nil
            }
        }
        var minInsync: Int? = Swift.min(2, replication ?? 2)
        if let m = f["min_insync"] {
            minInsync = m.integer(in: 1...1_000, expected: "a whole number ≥ 1")
            if let v = minInsync, let rf = replication, v > rf {
                m.fail("min_insync (\(v)) cannot exceed the replication factor (\(rf)): acks=all would never complete", expected: "at most \(rf)")
                minInsync = nil
            }
        }
        var retention: Int64? = 7 * 86_400 * 1_000_000
        if let r = f["retention"] {
            retention = r.duration()
            if let v = retention, v <= 0 { r.fail("a retention must be longer than 0", expected: "a duration such as 7d"); retention = nil }
        }
        var keyWord = "entity"
        var key: PartitionKey? = .entity
        if let k = f["key"], let t = k.text(expected: "card, user, player, entity or none") {
            let words = ["card", "user", "player", "game", "entity", "none"]
            if words.contains(t) { keyWord = t; key = t == "none" ? PartitionKey.none : .entity } else {
                k.fail("unknown key `\(t)`" + Spelling.suggestion(for: t, in: words), expected: words.joined(separator: ", "))
                key = nil
            }
        }
        var salting: SaltingConfiguration?? = .some(nil)
        if let s = f["salting"] {
            salting = nil
            if let sf = s.fields(StreamingFields.saltingFields.names) {
                var share: Double? = 0.001
                if let h = sf["hot_key_share"] { share = h.fraction(allowZero: false) }
                let buckets = sf["buckets"].map { $0.integer(in: 2...100_000, expected: "a whole number ≥ 2") } ?? 8
                if key == PartitionKey.none { s.fail("salting spreads hot keys; the topic has key: none", expected: "key: entity (or card, user, player)") }
                if let share, let buckets { salting = .some(SaltingConfiguration(hotKeyShare: share, buckets: buckets)) }
            }
        }
        var limit: Double?? = .some(nil)
        if let l = f["partition_limit"] { limit = dataRate(l).map { .some($0) } }
        guard n.issues.issues.count == before, let partitions, let replication, let minInsync, let retention, let key, let salting, let limit else { return nil }
        return (TopicConfiguration(name: name, partitions: partitions, replicationFactor: replication, minInsyncReplicas: minInsync,
                                   retentionNanos: retention * 1000, key: key, salting: salting, partitionBytesPerSecondLimit: limit), keyWord)
    }
}
