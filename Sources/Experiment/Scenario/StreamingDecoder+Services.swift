/// Decoding of a job's operator chain and what it calls: feature store,
/// model server, fraud model (a file that must load, or training options),
/// decision sink and review queue. Each operator kind is checked against
/// the records of the job's stream (`fraud-score` needs card transactions,
/// `sessionize` page views).

import Analytics
import Foundation
import Platform
import Variates
import Workloads

extension StreamingDecoder {
    /// What a job calls besides its operators.
    struct Services {
        var featureStore: FeatureStoreConfiguration?
        var modelServer: ModelServerConfiguration?
        var fraudModel: FraudModelSource?
        var sink: DecisionSinkConfiguration
        var review: ReviewQueueConfiguration?
    }

    /// The operator chain; `stream` is the job's record kind when known.
    func operators(_ n: ConfigNode, stream: RecordKind?) -> [OperatorConfiguration]? {
        guard let items = n.list() else { return nil }
        let before = n.issues.issues.count
        if items.isEmpty { n.fail("a job needs at least one operator", expected: "[{name: score, kind: fraud-score, service: fixed(120us)}]") }
        let reserved = StreamingFields.fixedStagesBefore + StreamingFields.fixedStagesAfter
        let kinds = OperatorKind.allCases.map(\.rawValue)
        var names: [String] = []
        var out: [OperatorConfiguration] = []
        for item in items {
            guard let f = item.fields(StreamingFields.operatorFields.names) else { continue }
            let name = f.required("name", expected: "an operator name such as score")?.text(expected: "an operator name")
            if let name, let node = f["name"] {
                if reserved.contains(name) {
                    node.fail("`\(name)` is the name of a fixed stage of every job", expected: "a name other than " + reserved.joined(separator: ", "))
                } else if names.contains(name) {
                    node.fail("two operators are named `\(name)`: operator names are stage names and must be unique in the job", expected: "another name")
                } else if name.isEmpty || name.contains(".") || name.contains("[") || name.contains("]") || name.contains(" ") {
                    node.fail("an operator name is a stage name: no spaces, dots or brackets, got \"\(name)\"", expected: "a name such as score")
                }
                names.append(name)
            }
            var kind: OperatorKind?
            if let k = f.required("kind", expected: "one of " + kinds.joined(separator: ", ")), let t = k.text(expected: "an operator kind") {
                kind = OperatorKind(rawValue: t)
                if kind == nil {
                    k.fail("unknown operator kind `\(t)`" + Spelling.suggestion(for: t, in: kinds), expected: "one of " + kinds.joined(separator: ", "))
                } else if let stream, let needs = needed(kind!), needs != stream {
                    k.fail("\(t) runs on \(needs.rawValue) records; the job's stream has \(stream.rawValue) records",
                           expected: "a \(needs.rawValue) stream, or another operator kind")
                }
            }
            var service: ServiceTime?
            if let s = f.required("service", expected: "a distribution such as fixed(120us), or measured"), let t = s.text(expected: "a distribution or measured") {
                if t.trimmingCharacters(in: .whitespaces) == "measured" {
                    var factor: Double? = 1
                    if let c = f["cpu_factor"] { factor = c.positive(expected: "a factor above 0 such as 1.5") }
                    if let kind, kind == .custom || kind == .enrich {
                        s.fail("`measured` times the operator's real code; \(kind.rawValue) has none", expected: "a distribution such as fixed(50us)")
                    }
                    service = factor.map { .measured(cpuFactor: $0) }
                } else {
                    if let c = f["cpu_factor"] { c.fail("cpu_factor scales a measured service time; this service is a distribution", expected: "service: measured, or no cpu_factor") }
                    service = nonNegative(s).map { .distribution($0) }
                }
            }
            if let w = f["window"], kind != nil, kind != .dedup { w.fail("`window` belongs to a dedup operator; this one is \(kind!.rawValue)", expected: "no window") }
            if let t = f["timeout"], kind != nil, kind != .sessionize { t.fail("`timeout` belongs to a sessionize operator; this one is \(kind!.rawValue)", expected: "no timeout") }
            let window = f["window"].map { count($0, minimum: 1) } ?? (1 << 16)
            var timeout: Int64? = 30 * 60 * 1_000_000
            if let t = f["timeout"], kind == .sessionize {
                timeout = t.duration()
                if let v = timeout, v <= 0 { t.fail("a session timeout must be longer than 0", expected: "a duration such as 30m"); timeout = nil }
            }
            if let name, let kind, let service, let window, let timeout {
                out.append(OperatorConfiguration(name: name, kind: kind, service: service, sessionTimeoutNanos: timeout * 1000, dedupWindowRecords: window))
            }
        }
        return n.issues.issues.count == before ? out : nil
    }

    /// The record kind an operator kind needs, nil for any.
    func needed(_ kind: OperatorKind) -> RecordKind? {
        switch kind {
        case .fraudScore: return .cardTransactions
        case .sessionize: return .pageViews
        case .dedup, .enrich, .custom: return nil
        }
    }

    /// Feature store, model server, fraud model, sink and review queue of the job `f`.
    func services(_ f: ConfigFields, stream: StreamSpec?, operators: [OperatorKind]?) -> Services? {
        let before = f.owner.issues.issues.count
        let scores = operators?.contains(.fraudScore)
        var featureStore: FeatureStoreConfiguration?
        if let n = f["feature_store"], let ff = n.fields(StreamingFields.featureStoreFields.names) {
            let latency = ff.required("latency", expected: "a distribution such as lognormal(p50=500us, p99=3ms)").flatMap { nonNegative($0) }
            let ops = ff.required("ops_per_node", expected: "a rate such as 20k/s")?.rate()
            if let o = ops, o <= 0 { ff["ops_per_node"]!.fail("a node serves more than 0 lookups per second", expected: "a rate such as 20k/s") }
            let nodes = ff.required("nodes", expected: "a node count such as 6")?.integer(in: 1...100_000, expected: "a whole number ≥ 1")
            let hit = ff["cache_hit_ratio"].map { $0.fraction() } ?? 0
            let lookups = ff["lookups_per_record"].map { $0.integer(in: 0...1_000, expected: "a whole number between 0 and 1000") } ?? 1
            if let latency, let ops, ops > 0, let nodes, let hit, let lookups {
                featureStore = FeatureStoreConfiguration(latency: latency, opsPerSecondPerNode: ops, nodes: nodes, cacheHitRatio: hit, lookupsPerRecord: lookups)
            }
        }
        if operators?.contains(.enrich) == true, f["feature_store"] == nil {
            f.owner.fail("an enrich operator looks features up: the job needs a `feature_store:`", expected: "feature_store: {latency: …, ops_per_node: 20k/s, nodes: 6}")
        }
        var modelServer: ModelServerConfiguration?
        if let n = f["model_server"], let mf = n.fields(StreamingFields.modelServerFields.names) {
            if scores == false { n.fail("a model server serves a fraud-score operator; the job has none", expected: "a fraud-score operator, or no model_server") }
            if (mf["embedded"] == nil) == (mf["remote"] == nil) { n.fail("give exactly one of embedded and remote", expected: "{embedded: fixed(20us)} or {remote: {round_trip, replicas, service}}") }
            if let e = mf["embedded"], let d = nonNegative(e) { modelServer = .embedded(cost: d) }
            if let r = mf["remote"], let rf = r.fields(StreamingFields.remoteModelFields.names) {
                let trip = rf.required("round_trip", expected: "a distribution such as lognormal(p50=1ms, p99=5ms)").flatMap { nonNegative($0) }
                let replicas = rf.required("replicas", expected: "a replica count such as 4")?.integer(in: 1...100_000, expected: "a whole number ≥ 1")
                let service = rf.required("service", expected: "a distribution such as lognormal(p50=200us, p99=1ms)").flatMap { nonNegative($0) }
                let batch = rf["max_batch"].map { $0.integer(in: 1...100_000, expected: "a whole number ≥ 1") } ?? 1
                if let trip, let replicas, let service, let batch {
                    modelServer = .remote(RemoteModelServer(roundTrip: trip, replicas: replicas, service: service, maxBatch: batch))
                }
            }
        }
        var fraudModel: FraudModelSource?
        if let n = f["fraud_model"] {
            if scores == false { n.fail("a fraud model is used by a fraud-score operator; the job has none", expected: "a fraud-score operator, or no fraud_model") }
            fraudModel = self.fraudModel(n, stream: stream)
        } else if scores == true {
            f.owner.fail("a fraud-score operator needs `fraud_model:` (a file written by headroom train, or train: {…})",
                         expected: "fraud_model: {train: {minutes: 10}} or fraud_model: {file: model.json}")
        }
        var sink: DecisionSinkConfiguration? = DecisionSinkConfiguration(writeLatency: StreamingDecoder.spec("fixed(0s)"))
        if let n = f["sink"] {
            sink = n.fields(StreamingFields.sinkFields.names)?.required("write_latency", expected: "a distribution such as lognormal(p50=2ms, p99=15ms)")
                .flatMap { nonNegative($0) }.map { DecisionSinkConfiguration(writeLatency: $0) }
        }
        var review: ReviewQueueConfiguration?
        if let n = f["review_queue"], let rf = n.fields(StreamingFields.reviewFields.names) {
            if scores == false { n.fail("the review queue takes fraud-score REVIEW decisions; the job has no fraud-score operator", expected: "a fraud-score operator, or no review_queue") }
            let reviewers = rf.required("reviewers", expected: "a reviewer count such as 200")?.integer(in: 1...1_000_000, expected: "a whole number ≥ 1")
            let handling = rf.required("handling", expected: "a distribution such as lognormal(p50=2m, p99=10m)").flatMap { nonNegative($0) }
            if let reviewers, let handling { review = ReviewQueueConfiguration(reviewers: reviewers, handling: handling) }
        }
        guard f.owner.issues.issues.count == before, let sink else { return nil }
        return Services(featureStore: featureStore, modelServer: modelServer, fraudModel: fraudModel, sink: sink, review: review)
    }

    /// `fraud_model: {file: …}` (resolved against the scenario's directory; it must load) or `{train: {…}}`.
    func fraudModel(_ n: ConfigNode, stream: StreamSpec?) -> FraudModelSource? {
        guard let f = n.fields(StreamingFields.fraudModelFields.names) else { return nil }
        guard (f["file"] == nil) != (f["train"] == nil) else {
            n.fail("give exactly one of file and train", expected: "{file: model.json} or {train: {minutes: 10}}")
            return nil
        }
        if let p = f["file"], let text = p.text(expected: "a path to a model file") {
            let resolved = text.hasPrefix("/") ? text : (directory as NSString).appendingPathComponent(text)
            do { _ = try FraudModel.load(path: resolved) } catch {
                p.fail("cannot load the model file \"\(resolved)\": \(error)", expected: "a model JSON written by headroom train, relative to the scenario file")
                return nil
            }
            return .file(resolved)
        }
        guard let t = f["train"], let tf = t.fields(StreamingFields.trainingFields.names) else { return nil }
        let before = n.issues.issues.count
        let minutes = tf["minutes"].map { $0.integer(in: 1...10_080, expected: "a whole number of minutes between 1 and 10080") } ?? 10
        let seed = tf["seed"].map { $0.unsigned() } ?? 7
        var options = FraudTrainingOptions()
        if let l = tf["l2"], let v = l.nonNegative(expected: "a number ≥ 0 such as 1") { options.l2 = v }
        if let b = tf["block_fpr"], let v = b.fraction(allowZero: false) {
            if v < 1 { options.targetFPRBlock = v } else { b.fail("must be below 100%", expected: "a fraction such as 0.1%") }
        }
        if let r = tf["review_fpr"], let v = r.fraction(allowZero: false) {
            if v >= 1 { r.fail("must be below 100%", expected: "a fraction such as 1%") } else { options.targetFPRReview = v }
        }
        if n.issues.issues.count == before, options.targetFPRReview < options.targetFPRBlock {
            (tf["review_fpr"] ?? tf["block_fpr"] ?? t).fail("review_fpr (\(options.targetFPRReview)) must be at least block_fpr (\(options.targetFPRBlock)): REVIEW includes BLOCK",
                                                            expected: "review_fpr ≥ block_fpr")
        }
        if let m = tf["mcc_smoothing"], let v = m.positive(expected: "a number above 0 such as 50") { options.mccSmoothing = v }
        if let stream, let minutes, stream.kind == .cardTransactions {
            let perHour = (stream.fraud?.cardTestingPerHour ?? 0) + (stream.fraud?.accountTakeoverPerHour ?? 0) + (stream.fraud?.highVelocityPerHour ?? 0)
            if perHour * Double(minutes) / 60 < 1 {
                t.fail("training needs planted fraud: the stream `\(stream.name)` plants \(ScenarioChecks.fixed(perHour)) episode(s) an hour, under one in \(minutes) minute(s) of training",
                       expected: "more minutes, or more fraud in the workload stream (fraud: {card_testing: 60/h, …})")
            }
        }
        guard n.issues.issues.count == before, let minutes, let seed else { return nil }
        return .train(trainingMinutes: minutes, seed: seed, options: options)
    }
}
