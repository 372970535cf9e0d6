/// Decoding of a scenario file (fields in ``ScenarioFields``) into a
/// ``Scenario``: every error of the file at once (file:line:column, field
/// path, what was expected, the nearest valid name), then warnings for
/// configurations that run but cannot work (``ScenarioChecks``).

import Foundation
import Planning
import Variates
import Workloads

/// Loading scenario files.
public enum ScenarioFile {
    /// Simulated time 0 when `start:` is not given: 2026-06-01 00:00 UTC, µs since the epoch.
    public static let defaultStart: Int64 = Timestamp.parse("2026-06-01")!

    /// Reads and decodes the file at `path`.
    /// - Throws: ``ConfigErrors`` with every issue (an unreadable file is one issue).
    public static func load(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigIssue(file: path, line: 0, column: 0, path: "", message: "cannot read the file",
                                            expected: "a readable UTF-8 YAML file")])
        }
        return try decode(text: text, file: path, directory: (path as NSString).deletingLastPathComponent)
    }

    /// `true` when the file's top level is only `workload:` (a workload file of
    /// `headroom generate`, not a scenario): directory scans skip it.
    public static func isWorkloadFile(path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return false }
        guard let root = ConfigDocument(text: text, file: path).root, case .mapping(let mapping) = root.node else { return false }
        return mapping.count == 1 && mapping.first.map { $0.key.string == "workload" } == true
    }

    /// Decodes scenario text; `directory` resolves a relative `prices.file`.
    /// - Throws: ``ConfigErrors`` with every issue of the file.
    public static func decode(text: String, file: String, directory: String = ".") throws -> Scenario {
        let document = ConfigDocument(text: text, file: file)
        var scenario: Scenario?
        if let root = document.root, let top = root.fields(ScenarioFields.topLevel.names) {
            scenario = decodeTop(top, directory: directory)
        }
        try document.finish()
        guard let scenario else {
            throw ConfigErrors([ConfigIssue(file: file, line: 0, column: 0, path: "", message: "no scenario could be read")])
        }
        return scenario
    }

    static func decodeTop(_ f: ConfigFields, directory: String) -> Scenario? {
        let issues = f.owner.issues
        let before = issues.issues.count
        let name = f.required("name", expected: "a name such as mm1")?.text(expected: "a name such as mm1")
        if let name, let node = f["name"], name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            node.fail("a scenario name is used as a directory name: letters, digits, - and _ only, got \"\(name)\"", expected: "a name such as fraud-detection")
        }
        let description = f["description"]?.text(expected: "a paragraph of text") ?? ""
        let seed = f["seed"].map { $0.unsigned() } ?? 1
        let horizon = f.required("horizon", expected: "a duration such as 2h")?.duration()
        let warmUp = f["warm_up"].map { $0.duration() } ?? 0
        if let h = horizon, h <= 0 { f["horizon"]!.fail("the horizon must be longer than 0", expected: "a duration such as 2h") }
        if let h = horizon, let w = warmUp, h > 0, w >= h {
            f["warm_up"]!.fail("the warm-up (\(TimeSpan(seconds: Double(w) / 1e6).formatted)) must be shorter than the horizon (\(TimeSpan(seconds: Double(h) / 1e6).formatted))",
                               expected: "a duration below the horizon")
        }
        let replications = f["replications"].map { $0.integer(in: 1...1000, expected: "a whole number between 1 and 1000") } ?? 1
        var sampleEvery = f["sample_every"].map { $0.duration() } ?? horizon.map { Swift.max(1, $0 / 100) }
        if let s = sampleEvery, let h = horizon, h > 0 {
            if s <= 0 || h / s > 100_000 {
                f["sample_every"]?.fail("the series would have \(s <= 0 ? "no end" : "\(h / s)") points; at most 100,000", expected: "a duration such as 1m")
                sampleEvery = nil
            }
        }
        let start = f["start"].map { $0.timestamp() } ?? ScenarioFile.defaultStart
        let workload = f["workload"].flatMap { WorkloadFile.decodeWorkload($0) }
        let componentsNode = f["components"], streamingNode = f["streaming"]
        if componentsNode != nil, let streamingNode {
            streamingNode.fail("a scenario has either `components:` (a queueing network) or `streaming:` (stream jobs), not both",
                               expected: "one of the two sections")
        } else if componentsNode == nil, streamingNode == nil {
            _ = f.required("components", expected: "`components:` (a queueing network) or `streaming:` (stream jobs); exactly one of the two")
        }
        var components: [ComponentSpec]?
        var streaming: StreamingSection?
        if let componentsNode, streamingNode == nil {
            components = ComponentDecoder(workload: workload, workloadGiven: f["workload"] != nil, start: start ?? ScenarioFile.defaultStart,
                                          horizon: horizon ?? 0).decode(componentsNode)
        } else if let streamingNode, componentsNode == nil {
            streaming = StreamingDecoder(workload: workload, workloadGiven: f["workload"] != nil, directory: directory,
                                         start: start ?? ScenarioFile.defaultStart, horizon: horizon, sampleEvery: sampleEvery).decode(streamingNode)
            if streaming != nil { components = [] }
        }
        // The stage names SLOs and expectations may name, nil when they cannot be known.
        let stages: [String]? = streamingNode != nil ? streaming.map { streamingStageNames($0.pipelines) } : components.map(stageNames)
        let stageWord = streamingNode != nil ? "stage" : "station or delay"
        var slos: [SLO] = []
        if let items = f["slos"]?.list() {
            for item in items { if let slo = decodeSLO(item, stages: stages, stageWord: stageWord) { slos.append(slo) } }
        }
        let prices = decodePrices(f["prices"], directory: directory)
        let sinks = streamingNode != nil ? streaming.map { streamingSinkNames($0.pipelines) } : components?.filter { $0.kind == .sink }.map(\.name)
        var storage: StorageSection?? = .some(nil)
        if let node = f["storage"] { storage = StorageSection.decode(node, sinks: sinks, clouds: prices?.clouds ?? CostCatalog.clouds) }
        let batch = f["batch"].map { BatchSection.decode($0, storage: storage, workload: workload, horizon: horizon) }
        var expectations: [Expectation] = []
        if let items = f["expect"]?.list() {
            for item in items {
                guard let e = StatementParser.expectation(item) else { continue }
                if case .batch(let b) = e.check, let problem = b.problem(batch ?? nil) { item.fail(problem, expected: BatchExpectation.forms); continue }
                if case .compare(let metric, let stage?, _, _) = e.check, !metric.isStreaming, let stages, !stages.contains(stage) {
                    item.fail("no \(stageWord) named `\(stage)`" + Spelling.suggestion(for: stage, in: stages),
                              expected: "one of " + stages.joined(separator: ", "))
                    continue
                }
                if case .compare(let metric, let scope, _, _) = e.check, metric.isStreaming, metric != .lag || scope != nil {
                    guard streamingNode != nil else {
                        item.fail("`\(e.text)` reads a streaming figure: it needs a `streaming:` scenario", expected: "an expectation such as p99 <= 5s")
                        continue
                    }
                    let jobs = streaming?.pipelines.map(\.name) ?? []
                    if let scope, metric != .deadLetters, !jobs.isEmpty, !jobs.contains(scope) {
                        item.fail("no stream job named `\(scope)`" + Spelling.suggestion(for: scope, in: jobs),
                                  expected: "one of " + jobs.joined(separator: ", "))
                        continue
                    }
                }
                if case .compare(_, _, _, .analytic) = e.check, streamingNode != nil {
                    item.fail("`~ analytic` compares with queueing theory, which a streaming scenario has none of", expected: "a bound such as p99 <= 5s")
                    continue
                }
                if case .compare(_, _, _, .analytic) = e.check, (replications ?? 1) < 2 {
                    item.fail("`~ analytic` needs a confidence interval: set `replications:` to 2 or more", expected: "replications: 10")
                }
                if case .sloMet = e.check, slos.isEmpty, f["slos"] == nil {
                    item.fail("`\(e.text)` needs an objective under `slos:`", expected: "slos: [p99 <= 5s]")
                }
                if case .lagDrained = e.check, streamingNode == nil, !(workload?.streams.contains { !$0.rate.spikes.isEmpty } ?? false) {
                    item.fail("`\(e.text)` needs a spike: add `events:` to the workload and a source with `stream:`", expected: "a workload with events")
                }
                if case .lagDrained = e.check, let streaming {
                    let read = Set(streaming.pipelines.map(\.configuration.stream))
                    if !(workload?.streams.contains { read.contains($0.name) && !$0.rate.spikes.isEmpty } ?? false) {
                        item.fail("`\(e.text)` needs a spike on a stream a job reads (\(read.sorted().joined(separator: ", ")))",
                                  expected: "an `events:` entry or `spikes:` on the job's workload stream")
                    }
                }
                expectations.append(e)
            }
        }
        guard issues.issues.count == before, let name, let seed, let start, let horizon, let warmUp, let replications,
              let sampleEvery, let components, let prices, let storage else { return nil }
        var scenario = Scenario(name: name, description: description, seed: seed, start: start, horizon: horizon, warmUp: warmUp,
                                replications: replications, sampleEvery: sampleEvery, workload: workload,
                                components: components, slos: slos, prices: prices, storage: storage, expectations: expectations, warnings: [])
        scenario.batch = batch ?? nil
        if let streaming {
            scenario.streaming = streaming.pipelines
            scenario.warnings = streaming.warnings
        } else {
            scenario.warnings = ScenarioChecks.warnings(scenario, file: issues.file, marks: f)
        }
        scenario.warnings += scenario.batch?.warnings ?? []
        return scenario
    }

    static func stageNames(_ components: [ComponentSpec]) -> [String] {
        components.filter { $0.kind == .station || $0.kind == .delay }.map(\.name)
    }

    /// The stage names of a streaming scenario: with one job its stages
    /// (`gateway, produce, kafka, buffer, <operators…>, sink`); with several,
    /// `<job>.<stage>` and each bare job name (its end-to-end latency).
    static func streamingStageNames(_ pipelines: [StreamingPipeline]) -> [String] {
        func stages(_ p: StreamingPipeline) -> [String] {
            StreamingFields.fixedStagesBefore + p.configuration.job.operators.map(\.name) + StreamingFields.fixedStagesAfter
        }
        if pipelines.count == 1 { return stages(pipelines[0]) }
        return pipelines.flatMap { p in [p.name] + stages(p).map { p.name + "." + $0 } }
    }

    /// The sink names of a streaming scenario: each topic a job reads (the
    /// raw records as Kafka received them), then each job (its outputs).
    static func streamingSinkNames(_ pipelines: [StreamingPipeline]) -> [String] {
        var topics: [String] = []
        for p in pipelines where !topics.contains(p.configuration.job.topic) { topics.append(p.configuration.job.topic) }
        return topics + pipelines.map(\.name)
    }

    /// `p99 <= 5s` or `{objective: p99 <= 5s, stage: server, name: …}`.
    static func decodeSLO(_ node: ConfigNode, stages: [String]?, stageWord: String = "station or delay") -> SLO? {
        if case .mapping = node.node {
            guard let f = node.fields(ScenarioFields.sloFields.names) else { return nil }
            let objective = f.required("objective", expected: "an objective such as p99 <= 5s").flatMap { StatementParser.objective($0) }
            var stage: String?
            if let s = f["stage"], let text = s.text(expected: "a \(stageWord) name") {
                if let stages, !stages.contains(text) {
                    s.fail("no \(stageWord) named `\(text)`" + Spelling.suggestion(for: text, in: stages),
                           expected: "one of " + stages.joined(separator: ", "))
                } else { stage = text }
            }
            guard let objective else { return nil }
            let label = f["name"]?.text(expected: "a label") ?? f["objective"]?.text() ?? ""
            return SLO(name: label, percentile: objective.percentile, strict: objective.strict, boundSeconds: objective.seconds, stage: stage)
        }
        guard let objective = StatementParser.objective(node) else { return nil }
        return SLO(name: node.text() ?? "", percentile: objective.percentile, strict: objective.strict,
                   boundSeconds: objective.seconds, stage: nil)
    }

    /// `prices: {clouds: [...], file: …}`, the file loaded and validated now.
    static func decodePrices(_ node: ConfigNode?, directory: String) -> PriceChoice? {
        guard let node else { return PriceChoice(clouds: CostCatalog.clouds, file: nil, overrides: nil) }
        guard let f = node.fields(ScenarioFields.priceFields.names) else { return nil }
        var clouds = CostCatalog.clouds
        if let c = f["clouds"], let items = c.list() {
            var chosen: [String] = []
            for item in items {
                guard let t = item.text(expected: "gcp, aws or azure") else { continue }
                if CostCatalog.clouds.contains(t) { chosen.append(t) } else {
                    item.fail("unknown cloud `\(t)`" + Spelling.suggestion(for: t, in: CostCatalog.clouds), expected: "gcp, aws or azure")
                }
            }
            if items.isEmpty { c.fail("name at least one cloud", expected: "[gcp, aws, azure]") }
            clouds = CostCatalog.clouds.filter(chosen.contains)
        }
        var path: String?
        var overrides: PriceOverrides?
        if let p = f["file"], let text = p.text(expected: "a path to a price file") {
            let resolved = text.hasPrefix("/") ? text : (directory as NSString).appendingPathComponent(text)
            path = resolved
            if let data = FileManager.default.contents(atPath: resolved) {
                do { overrides = try PriceOverrides.load(data, origin: text) } catch let e as PlanningError {
                    p.fail(e.description, expected: "a price file in the `headroom size --prices` format")
                } catch { p.fail("\(error)") }
            } else {
                p.fail("cannot read the price file \"\(resolved)\"", expected: "a path relative to the scenario file")
            }
        }
        return PriceChoice(clouds: clouds, file: path, overrides: overrides)
    }
}
