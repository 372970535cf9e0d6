/// Decoding of the `streaming:` section (fields in ``StreamingFields``):
/// the shared regions, outages, degraded mode and Kafka cluster, then one
/// ``StreamingPipeline`` per job (``StreamingDecoder/decodeJob(_:_:_:)``).
///
/// Each pipeline's configuration holds the shared parts, only the topic its
/// job reads, and the job's own operators and services. Every problem is an
/// issue at its node; once a job decodes cleanly, the Platform validation
/// (``Platform/StreamingConfiguration/problems()``) runs on it as a last
/// guard and its warnings become the scenario's warnings.

import Foundation
import Planning
import Platform
import Variates
import Workloads
import Yams

/// The decoded `streaming:` section.
struct StreamingSection {
    /// One pipeline per job, in file order.
    var pipelines: [StreamingPipeline]
    /// Configurations that run but cannot work as meant.
    var warnings: [ConfigIssue]
}

/// Decodes the `streaming:` section of one scenario.
struct StreamingDecoder {
    /// The decoded workload, if any.
    let workload: Workload?
    /// `true` when the file has a `workload:` section (even a broken one).
    let workloadGiven: Bool
    /// The scenario file's directory (model files are relative to it).
    let directory: String
    /// UTC time of simulated time 0, µs.
    let start: Int64
    /// The horizon, µs, when it decoded.
    let horizon: Int64?
    /// The time-series spacing, µs, when it decoded.
    let sampleEvery: Int64?

    /// What every job shares.
    struct Shared {
        var recordBytes: Int
        var regions: [RegionConfiguration]
        var outages: [OutageConfiguration]
        var degraded: DegradedModeConfiguration?
        var brokers: Int
        var networkIn: Double, networkOut: Double, disk: Double
        var topics: [(topic: TopicConfiguration, node: ConfigNode, keyWord: String)]
        var kafkaNode: ConfigNode?
    }

    /// The section; nil when any part of it has an issue.
    func decode(_ node: ConfigNode) -> StreamingSection? {
        guard let f = node.fields(StreamingFields.section.names) else { return nil }
        let issues = node.issues
        let before = issues.issues.count
        var warnings: [ConfigIssue] = []
        let recordBytes = f["record_size"].map { recordSize($0) } ?? 1_000
        let baseGateway = f["gateway"].map { gateway($0, base: StreamingDecoder.defaultGateway) } ?? StreamingDecoder.defaultGateway
        let regions = f.required("regions", expected: "a mapping of region names to {share, cross_region_latency}").flatMap { self.regions($0, base: baseGateway) }
        // The region names as written, even when a region has an issue (so an outage's unknown region is still found).
        let regionNames = regions?.map(\.name) ?? f["regions"].flatMap { n -> [String]? in
            guard case .mapping(let m) = n.node else { return nil }
            return m.compactMap { $0.key.string }
        }
        let outages = f["outages"].map { self.outages($0, regions: regionNames, warnings: &warnings) } ?? []
        let degraded = f["degraded_mode"].map { degradedMode($0) } ?? .some(nil)
        let kafka = f.required("kafka", expected: "{brokers: 6, topics: {NAME: {partitions: 64}}}").flatMap { self.kafka($0) }
        if let regions, let node = f["regions"] {
            let total = regions.reduce(0) { $0 + $1.trafficShare }
            if total > 0, abs(total - 1) > 0.001 {
                warnings.append(issue(node, "the shares sum to \(ScenarioChecks.fixed(total * 100))%, not 100%: they are normalised (each region gets share ÷ \(ScenarioChecks.fixed(total)))",
                                      expected: "shares that sum to 100%"))
            }
            if regions.count == 1, let outages, !outages.isEmpty, let node = f["outages"] {
                warnings.append(issue(node, "with one region an outage has nowhere to move its traffic: the model ignores it",
                                      expected: "a second region, or no outage"))
            }
        }
        var pipelines: [StreamingPipeline] = []
        var readTopics: Set<String> = []
        var readers: [String: (stream: String, job: String)] = [:]
        if let jobsNode = f.required("jobs", expected: "a mapping of job names to {stream, topic, parallelism, operators}"),
           let entries = jobsNode.namedEntries() {
            if entries.isEmpty { jobsNode.fail("name at least one job", expected: "{scoring: {stream: card_transactions, topic: …, parallelism: 8, operators: […]}}") }
            var shared: Shared?
            if let recordBytes, baseGateway != nil, let regions, let outages, let degraded, let kafka {
                shared = Shared(recordBytes: recordBytes, regions: regions, outages: outages, degraded: degraded, brokers: kafka.brokers,
                                networkIn: kafka.networkIn, networkOut: kafka.networkOut, disk: kafka.disk, topics: kafka.topics,
                                kafkaNode: f["kafka"])
            }
            // The topic names as written, even when a topic has an issue (so a job's dangling topic is still found).
            let topicNames = kafka?.topics.map(\.topic.name) ?? f["kafka"].flatMap { StreamingDecoder.writtenKeys($0.node, under: "topics") }
            for (name, entry, keyMark) in entries {
                if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    issues.add(keyMark, path: entry.path, "a job name is a stage prefix (`\(name).kafka`) and a sink name: letters, digits, - and _ only, got \"\(name)\"",
                               expected: "a name such as scoring")
                }
                if let topicNames, topicNames.contains(name) {
                    issues.add(keyMark, path: entry.path,
                               "the job `\(name)` has the name of a topic: topic and job names are both sink names and must differ",
                               expected: "another job name, e.g. \(name)-job")
                }
                if let pipeline = decodeJob(name, entry, shared: shared, topicNames: topicNames, readTopics: &readTopics, readers: &readers, warnings: &warnings) {
                    pipelines.append(pipeline)
                }
            }
        }
        if let kafka {
            for t in kafka.topics where !readTopics.contains(t.topic.name) {
                warnings.append(issue(t.node, "no job reads the topic `\(t.topic.name)`: it is not simulated (no records reach it)",
                                      expected: "a job with topic: \(t.topic.name), or remove the topic"))
            }
        }
        guard issues.issues.count == before else { return nil }
        return StreamingSection(pipelines: pipelines, warnings: warnings)
    }

    /// The keys of the mapping at `key` of `node`, read without recording issues; nil when it is not a mapping of names.
    static func writtenKeys(_ node: Node, under key: String) -> [String]? {
        guard case .mapping(let m) = node, let inner = m.first(where: { $0.key.string == key })?.value,
              case .mapping(let entries) = inner else { return nil }
        let keys = entries.compactMap { $0.key.string }
        return keys.count == entries.count ? keys : nil
    }

    /// The gateway defaults (StreamingPresets.fraudDetection's gateway).
    static let defaultGateway = GatewayConfiguration(
        validationCost: spec("lognormal(p50=300us, p99=2ms)"), batchSizeBytes: 16_384, lingerNanos: 5_000_000,
        leaderAppend: spec("lognormal(p50=1ms, p99=5ms)"), replication: spec("lognormal(p50=2ms, p99=10ms)"),
        retryProbability: 0, retryBackoffNanos: 100_000_000)

    static func spec(_ text: String) -> Distribution {
        // Literal specifications of this file: a failure is a programming error.
        do { return try Distribution.parse(text) } catch { preconditionFailure("StreamingDecoder: bad default \(text): \(error)") }
    }

    /// An issue (for warnings) at `node`.
    func issue(_ node: ConfigNode, _ message: String, expected: String) -> ConfigIssue {
        ConfigIssue(file: node.issues.file, line: node.mark.map { $0.line } ?? 0, column: node.mark.map { $0.column } ?? 0,
                    path: node.path, message: message, expected: expected)
    }

    func recordSize(_ n: ConfigNode) -> Int? {
        guard let b = n.size() else { return nil }
        guard b >= 1, b <= 100_000_000 else { n.fail("a record is between 1 B and 100 MB, got \(n.text() ?? "")", expected: "a size such as 1KB"); return nil }
        return Int(b.rounded())
    }

    /// A gateway: `base` with the fields given replaced.
    func gateway(_ n: ConfigNode, base: GatewayConfiguration) -> GatewayConfiguration? {
        guard let f = n.fields(StreamingFields.gatewayFields.names) else { return nil }
        let before = n.issues.issues.count
        var g = base
        if let v = f["validation"] { if let d = nonNegative(v) { g.validationCost = d } }
        if let v = f["batch_size"], let b = v.size() {
            if b >= 1 { g.batchSizeBytes = Int(b.rounded()) } else { v.fail("a batch holds at least 1 byte, got \(v.text() ?? "")", expected: "a size such as 16KiB") }
        }
        if let v = f["linger"], let d = v.duration() {
            if d >= 0 { g.lingerNanos = d * 1000 } else { v.fail("must be 0 or more", expected: "a duration such as 5ms") }
        }
        if let v = f["leader_append"] { if let d = nonNegative(v) { g.leaderAppend = d } }
        if let v = f["replication"] { if let d = nonNegative(v) { g.replication = d } }
        if let v = f["retry_probability"], let p = v.fraction() {
            if p < 1 { g.retryProbability = p } else { v.fail("a retry probability must be below 100%, got \(v.text() ?? "")", expected: "a fraction such as 0.05%") }
        }
        if let v = f["retry_backoff"], let d = v.duration() {
            if d >= 0 { g.retryBackoffNanos = d * 1000 } else { v.fail("must be 0 or more", expected: "a duration such as 100ms") }
        }
        return n.issues.issues.count == before ? g : nil
    }

    /// A distribution of times: ≥ 0 with a finite mean.
    func nonNegative(_ n: ConfigNode) -> Distribution? {
        guard let d = n.distribution() else { return nil }
        guard d.mean.isFinite, d.mean >= 0, d.cdf(-1e-300) == 0 else {
            n.fail("a time must be ≥ 0 with a finite mean, got \(n.text() ?? "")", expected: "a distribution such as lognormal(p50=2ms, p99=20ms)")
            return nil
        }
        return d
    }

    func regions(_ n: ConfigNode, base: GatewayConfiguration?) -> [RegionConfiguration]? {
        guard let entries = n.namedEntries() else { return nil }
        let before = n.issues.issues.count
        if entries.isEmpty { n.fail("name at least one region", expected: "{us: {share: 100%}}") }
        var out: [RegionConfiguration] = []
        for (name, entry, _) in entries {
            guard let f = entry.fields(StreamingFields.regionFields.names) else { continue }
            let share = f.required("share", expected: "a fraction such as 40%")?.fraction()
            var latency: Int64? = 0
            if let l = f["cross_region_latency"], let us = l.duration() {
                if us >= 0 { latency = us * 1000 } else { l.fail("must be 0 or more", expected: "a duration such as 40ms"); latency = nil }
            } else if f["cross_region_latency"] != nil { latency = nil }
            let g = f["gateway"].map { gateway($0, base: base ?? StreamingDecoder.defaultGateway) } ?? base
            if let share, let latency, let g { out.append(RegionConfiguration(name: name, trafficShare: share, crossRegionLatencyNanos: latency, gateway: g)) }
        }
        if n.issues.issues.count == before, !out.isEmpty, !(out.reduce(0) { $0 + $1.trafficShare } > 0) {
            n.fail("every region's share is 0: no traffic could arrive", expected: "at least one share above 0")
        }
        return n.issues.issues.count == before ? out : nil
    }

    func outages(_ n: ConfigNode, regions: [String]?, warnings: inout [ConfigIssue]) -> [OutageConfiguration]? {
        guard let items = n.list() else { return nil }
        let before = n.issues.issues.count
        var out: [OutageConfiguration] = []
        for item in items {
            guard let f = item.fields(StreamingFields.outageFields.names) else { continue }
            let region = f.required("region", expected: "a region name")?.text(expected: "a region name")
            if let region, let regions, !regions.contains(region) {
                f["region"]!.fail("no region named `\(region)`" + Spelling.suggestion(for: region, in: regions), expected: "one of " + regions.joined(separator: ", "))
            }
            let start = f.required("start", expected: "a duration since the start such as 20m")?.duration()
            if let start, start < 0 { f["start"]!.fail("must be 0 or more", expected: "a duration since the start such as 20m") }
            let duration = f.required("duration", expected: "a duration such as 10m")?.duration()
            if let duration, duration <= 0 { f["duration"]!.fail("an outage lasts longer than 0", expected: "a duration such as 10m") }
            if let start, let horizon, start >= horizon {
                warnings.append(issue(f["start"]!, "the outage starts at or after the horizon: it never happens", expected: "a start below the horizon"))
            }
            if let region, let start, let duration { out.append(OutageConfiguration(region: region, startNanos: start * 1000, durationNanos: duration * 1000)) }
        }
        return n.issues.issues.count == before ? out : nil
    }

    func degradedMode(_ n: ConfigNode) -> DegradedModeConfiguration?? {
        guard let f = n.fields(StreamingFields.degradedFields.names) else { return nil }
        guard let above = f.required("lag_above", expected: "a record count such as 200k").flatMap({ count($0) }) else { return nil }
        var below: Int? = above / 2
        if let r = f["recover_below"] {
            below = count(r)
            if let b = below, b > above {
                r.fail("normal mode resumes below lag_above (\(above)), got \(b)", expected: "a count at most lag_above")
                return nil
            }
        }
        guard let below else { return nil }
        return .some(DegradedModeConfiguration(lagThresholdRecords: above, recoverBelowRecords: below))
    }

    /// A record count ≥ `minimum`: `5000`, `5,000`, `200k`, `1.5M`.
    func count(_ n: ConfigNode, minimum: Int = 0) -> Int? {
        let form = "a whole number such as 5000 or 200k"
        guard let t = n.text(expected: form) else { return nil }
        var s = t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "").trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if let last = s.last, let m = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9][String(last)] { scale = m; s.removeLast() }
        guard let v = Double(s), v.isFinite, (v * scale).rounded() == v * scale, abs(v * scale) < 1e15 else {
            n.fail("expected \(form), got \"\(t)\"", expected: form)
            return nil
        }
        let c = Int(v * scale)
        guard c >= minimum else { n.fail("must be at least \(minimum), got \(t)", expected: form); return nil }
        return c
    }

    /// A data rate in bytes/s, > 0.
    func dataRate(_ n: ConfigNode) -> Double? {
        guard let t = n.text(expected: "a throughput such as 125MB/s") else { return nil }
        do {
            let v = try DataRate.parse(t, field: n.path).bytesPerSecond
            guard v > 0 else { n.fail("must be more than 0 bytes/s, got \(t)", expected: "a throughput such as 125MB/s"); return nil }
            return v
        } catch let e as PlanningError {
            n.fail(e.message, expected: "a throughput such as " + e.accepted.joined(separator: ", "))
        } catch { n.fail("\(error)") }
        return nil
    }
}
