/// Decoding of one job of `streaming.jobs` into a ``StreamingPipeline``:
/// its stream (a workload stream that can feed a job), its topic, its task
/// settings, then its operators and services (``StreamingDecoder+Services``).
/// A clean job is checked once more by the Platform validation; its
/// warnings are kept at the job's node.

import Platform
import Variates
import Workloads

extension StreamingDecoder {
    /// The record kinds a job can read, by workload kind.
    static let feedKinds: [RecordKind] = [.cardTransactions, .pageViews, .bets, .logins, .results]

    /// The job `name`; nil when it (or a shared part) has an issue.
    func decodeJob(_ name: String, _ n: ConfigNode, shared: Shared?, topicNames: [String]?,
                   readTopics: inout Set<String>, readers: inout [String: (stream: String, job: String)],
                   warnings: inout [ConfigIssue]) -> StreamingPipeline? {
        guard let f = n.fields(StreamingFields.jobFields.names) else { return nil }
        let before = n.issues.issues.count
        let stream = f.required("stream", expected: "a card_transactions, page_views, bets, logins or results stream of `workload:`").flatMap { jobStream($0) }
        var topic: (topic: TopicConfiguration, node: ConfigNode, keyWord: String)?
        if let t = f.required("topic", expected: "a topic under kafka.topics"), let text = t.text(expected: "a topic name") {
            readTopics.insert(text)
            if let topicNames, !topicNames.contains(text) {
                t.fail("no topic named `\(text)` under kafka.topics" + Spelling.suggestion(for: text, in: topicNames),
                       expected: "one of " + topicNames.joined(separator: ", "))
            }
            topic = shared?.topics.first { $0.topic.name == text }
        }
        if let stream, let topic {
            // A topic holds one stream's records: every job reading it reads the same stream.
            if let first = readers[topic.topic.name], first.stream != stream.name {
                f["stream"]!.fail("the topic `\(topic.topic.name)` carries `\(first.stream)` (job `\(first.job)` reads it so); a topic holds one stream's records",
                                  expected: "stream: \(first.stream), or another topic for `\(stream.name)`")
            } else if readers[topic.topic.name] == nil {
                readers[topic.topic.name] = (stream.name, name)
            }
        }
        if let stream, let topic, !keyMatches(topic.keyWord, stream.kind) {
            f["topic"]!.fail("the topic `\(topic.topic.name)` is keyed by `\(topic.keyWord)`, which \(stream.kind.rawValue) records do not have",
                             expected: "key: \(keyWord(stream.kind)) (or entity, or none) on the topic, or a \(topic.keyWord) stream")
        }
        let recordBytes = f["record_size"].map { recordSize($0) } ?? shared?.recordBytes
        let parallelism = f.required("parallelism", expected: "a task count such as 8")?.integer(in: 1...100_000, expected: "a whole number between 1 and 100,000")
        var maxParallelism: Int? = Swift.max(128, parallelism ?? 1)
        if let m = f["max_parallelism"] {
            maxParallelism = m.integer(in: 1...100_000, expected: "a whole number between 1 and 100,000")
            if let v = maxParallelism, let p = parallelism, v < p {
                m.fail("max_parallelism (\(v)) must be at least parallelism (\(p))", expected: "at least \(p)"); maxParallelism = nil
            }
        }
        let buffer = f["buffer"].map { count($0, minimum: 1) } ?? 10_000
        let fetchMax = f["fetch_max"].map { count($0, minimum: 1) } ?? 500
        var fetchWait: Int64? = 5_000
        if let w = f["fetch_wait"] {
            fetchWait = w.duration()
            if let v = fetchWait, v <= 0 { w.fail("the poll interval must be longer than 0", expected: "a duration such as 5ms"); fetchWait = nil }
        }
        let checkpoint = f["checkpoint"].map { self.checkpoint($0) } ?? .some(nil)
        var lateness: Int64? = 3_600_000_000
        if let l = f["allowed_lateness"] {
            lateness = l.duration()
            if let v = lateness, v < 0 { l.fail("must be 0 or more", expected: "a duration such as 1h"); lateness = nil }
        }
        let autoscaler = f["autoscaler"].map { self.autoscaler($0, maxParallelism: maxParallelism) } ?? .some(nil)
        let operators = f.required("operators", expected: "a list of {name, kind, service}").flatMap { self.operators($0, stream: stream?.kind) }
        let services = self.services(f, stream: stream, operators: operators?.map(\.kind))
        guard n.issues.issues.count == before, let shared, let stream, let topic, let recordBytes, let parallelism, let maxParallelism,
              let buffer, let fetchMax, let fetchWait, let checkpoint, let lateness, let autoscaler, let operators, let services,
              let sampleEvery else { return nil }
        let job = StreamJobConfiguration(name: name, topic: topic.topic.name, parallelism: parallelism, maxParallelism: maxParallelism,
                                         operators: operators, bufferCapacityRecords: buffer, fetchMaxRecords: fetchMax,
                                         fetchWaitNanos: fetchWait * 1000, checkpoint: checkpoint, allowedLatenessNanos: lateness * 1000,
                                         autoscaler: autoscaler)
        let kafka = KafkaConfiguration(brokers: shared.brokers, networkInBytesPerSecond: shared.networkIn, networkOutBytesPerSecond: shared.networkOut,
                                       diskBytesPerSecond: shared.disk, topics: [topic.topic])
        let configuration = StreamingConfiguration(
            stream: stream.name, recordBytes: recordBytes, regions: shared.regions, kafka: kafka, job: job,
            featureStore: services.featureStore, modelServer: services.modelServer, fraudModel: services.fraudModel,
            decisionSink: services.sink, reviewQueue: services.review, outages: shared.outages, degradedMode: shared.degraded,
            binWidthNanos: sampleEvery * 1000)
        // The Platform validation, as a last guard: every value was checked above, so this is normally empty.
        for problem in configuration.problems() { n.fail("job `\(name)`: " + problem) }
        for w in configuration.warnings() {
            let at = w.hasPrefix("kafka.topics") ? topic.node : w.hasPrefix("job.parallelism") ? (f["parallelism"] ?? n) : n
            warnings.append(issue(at, "job `\(name)`: " + w, expected: warningAdvice(w)))
        }
        if n.issues.issues.count == before, let horizon {
            warnings += capacityWarnings(configuration, rate: meanRate(stream, start: start, horizon: horizon), job: f, kafka: shared.kafkaNode)
        }
        return n.issues.issues.count == before ? StreamingPipeline(name: name, configuration: configuration) : nil
    }

    /// A short remedy for a Platform warning.
    func warningAdvice(_ w: String) -> String {
        if w.contains("would sit idle") { return "parallelism (and autoscaler max) at most the partition count, or more partitions" }
        if w.contains("partition_limit") { return "a partition limit above one record per second" }
        if w.contains("batch_size") { return "a batch size of at least one record" }
        if w.contains("degraded_mode") { return "lag_above of at least one fetch (fetch_max)" }
        return ""
    }

    /// The workload stream a job reads.
    func jobStream(_ n: ConfigNode) -> StreamSpec? {
        guard let name = n.text(expected: "a stream name") else { return nil }
        guard let workload else {
            if !workloadGiven { n.fail("a job reads a stream of `workload:`; the file has no `workload:` section", expected: "workload: {streams: {\(name): {type: card_transactions, rate: 50k/s}}}") }
            return nil
        }
        guard let s = workload.streams.first(where: { $0.name == name }) else {
            let names = workload.streams.map(\.name)
            n.fail("no workload stream named `\(name)`" + Spelling.suggestion(for: name, in: names), expected: "one of " + names.joined(separator: ", "))
            return nil
        }
        guard StreamingDecoder.feedKinds.contains(s.kind) else {
            n.fail("the stream `\(name)` has \(s.kind.rawValue) records, which cannot feed a stream job",
                   expected: "a stream of type " + StreamingFields.jobStreamKinds.joined(separator: ", "))
            return nil
        }
        return s
    }

    /// The key word a record kind has.
    func keyWord(_ kind: RecordKind) -> String {
        switch kind {
        case .cardTransactions: return "card"
        case .pageViews: return "user"
        case .results: return "game"
        default: return "player"
        }
    }

    func keyMatches(_ word: String, _ kind: RecordKind) -> Bool {
        word == "entity" || word == "none" || word == keyWord(kind)
    }

    func checkpoint(_ n: ConfigNode) -> CheckpointConfiguration?? {
        guard let f = n.fields(StreamingFields.checkpointFields.names) else { return nil }
        let every = f.required("every", expected: "a duration such as 1m")?.duration()
        let pause = f.required("pause", expected: "a duration such as 200ms")?.duration()
        guard let every, let pause else { return nil }
        guard every > 0 else { f["every"]!.fail("the checkpoint interval must be longer than 0", expected: "a duration such as 1m"); return nil }
        guard pause >= 0, pause < every else {
            f["pause"]!.fail("the pause must be 0 or more and shorter than the interval (\(f["every"]!.text() ?? ""))", expected: "a duration such as 200ms")
            return nil
        }
        return .some(CheckpointConfiguration(intervalNanos: every * 1000, pauseNanos: pause * 1000))
    }

    func autoscaler(_ n: ConfigNode, maxParallelism: Int?) -> AutoscalerConfiguration?? {
        guard let f = n.fields(StreamingFields.autoscalerFields.names) else { return nil }
        let before = n.issues.issues.count
        var a = AutoscalerConfiguration(maxParallelism: maxParallelism ?? 128)
        if let t = f["target_utilization"], let v = t.fraction(allowZero: false) { a.targetUtilization = v }
        func span(_ key: String, positive: Bool) -> Int64? {
            guard let node = f[key], let us = node.duration() else { return nil }
            guard positive ? us > 0 : us >= 0 else { node.fail(positive ? "must be longer than 0" : "must be 0 or more", expected: "a duration such as 1m"); return nil }
            return us * 1000
        }
        if let v = span("window", positive: true) { a.metricWindowNanos = v }
        if let v = span("stabilization", positive: false) { a.stabilizationNanos = v }
        if let v = span("restart_pause", positive: false) { a.restartPauseNanos = v }
        if let v = f["min"]?.integer(in: 1...100_000, expected: "a whole number ≥ 1") { a.minParallelism = v }
        if let m = f["max"], let v = m.integer(in: 1...100_000, expected: "a whole number ≥ 1") {
            if let limit = maxParallelism, v > limit {
                m.fail("the autoscaler's max (\(v)) is above the job's max_parallelism (\(limit))", expected: "at most \(limit), or a larger max_parallelism")
            } else { a.maxParallelism = v }
        }
        if n.issues.issues.count == before, a.minParallelism > a.maxParallelism {
            (f["min"] ?? n).fail("the autoscaler's min (\(a.minParallelism)) is above its max (\(a.maxParallelism))", expected: "min ≤ max")
        }
        return n.issues.issues.count == before ? .some(a) : nil
    }
}
