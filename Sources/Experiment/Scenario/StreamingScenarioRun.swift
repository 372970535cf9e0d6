/// Running a streaming scenario (``Scenario/streaming`` non-empty): per
/// replication and per stream job, the job's workload stream generated
/// over [start, start + horizon] under the job's own seed subtree, the
/// Platform model run with the warm-up (``Platform/StreamingRun``), stepped
/// in sample intervals for the progress bar; then each
/// ``Platform/StreamingResult`` mapped onto the shapes the queueing path
/// fills (stage figures, end-to-end histogram, throughput and lag series,
/// drain after spikes, conservation), so the same reports and expectations
/// read both, and the rest kept in a ``StreamingOutcome``.
///
/// Pipelines are simulated independently: each has its own brokers (the
/// scenario's Kafka definition), so broker capacity is not shared between jobs.
/// The fraud model of a `fraud-score` job is resolved once per run.

import Analytics
import Foundation
import Metrics
import Platform
import Variates
import Workloads

/// The streaming path of ``ScenarioRunner``.
enum StreamingScenarioRun {
    /// One pipeline's result in one replication, with what the mapping needs.
    struct PipelineRun {
        var pipeline: StreamingPipeline
        var result: StreamingResult
    }

    /// Runs `scenario` (streaming) with root seed `root`.
    /// - Throws: ``PlatformError`` when the scenario has no workload, a
    ///   pipeline's configuration is invalid or its stream cannot feed it,
    ///   or the fraud model cannot be read or trained.
    static func run(_ scenario: Scenario, root: UInt64, progress: (Int, Int) -> Void) throws -> ScenarioRunResult {
        guard let workload = scenario.workload else {
            throw PlatformError(field: "streaming", "a streaming scenario needs a `workload:` whose streams feed its jobs")
        }
        let pipelines = try scenario.streaming.map { try prepared($0, scenario) }
        var models: [FraudModel?] = []
        for p in pipelines {
            let needs = p.configuration.job.operators.contains { $0.kind == .fraudScore }
            guard needs else { models.append(nil); continue }
            guard let source = p.configuration.fraudModel else {
                throw PlatformError(field: "streaming.\(p.name).fraud_model", "a fraud-score operator needs a fraud model (a file or `train:`)")
            }
            do {
                models.append(try FraudModelResolver.resolve(source, workload: workload, stream: p.configuration.stream,
                                                             beforeMicros: scenario.start))
            } catch let e as PlatformError { throw e } catch {
                throw PlatformError(field: "streaming.\(p.name).fraud_model", "\(error)")
            }
        }
        let stages = stageInfos(pipelines)
        let horizon = scenario.horizon * 1000, step = scenario.sampleEvery * 1000
        let samples = Int((horizon + step - 1) / step)
        let total = scenario.replications * pipelines.count * samples
        let spikes = spikeWindows(scenario, pipelines)
        var replications: [ReplicationResult] = []
        var runs: [[PipelineRun]] = []
        var endToEnd = LatencyHistogram()
        var stageLatency = Array(repeating: LatencyHistogram(), count: stages.count)
        for r in 0..<scenario.replications {
            let seeds = SeedTree(root: root).replication(r)
            var results: [PipelineRun] = []
            for (j, p) in pipelines.enumerated() {
                let tree = seeds.subtree("pipeline/" + p.name)
                let done = (r * pipelines.count + j) * samples
                let result = try simulate(p, scenario: scenario, workload: workload, model: models[j], tree: tree,
                                          inputSeed: seeds.seed(for: "input")) { now in
                    progress(done + Int((now + step - 1) / step), total)
                }
                results.append(PipelineRun(pipeline: p, result: result))
            }
            var (replication, histograms, e2e) = map(results, scenario: scenario, stages: stages, samples: samples)
            replication.drainSeconds = spikes.map { drain(after: $0, times: replication.times, lag: replication.waiting, width: Double(step) / 1e9) }
            endToEnd.merge(e2e)
            for k in stages.indices { stageLatency[k].merge(histograms[k]) }
            replications.append(replication)
            runs.append(results)
        }
        var result = ScenarioRunResult(scenario: scenario, seed: root, stages: stages, replications: replications, endToEnd: endToEnd,
                                       stageLatency: stageLatency, spikes: spikes, wallSeconds: 0,
                                       analytics: ScenarioAnalytics(unmodelled: stages.count, model: "simulated"))
        result.streaming = outcome(runs, pipelines: pipelines, replications: replications, spikes: spikes)
        if let storage = scenario.storage {
            let records = { (sink: String) in replications.reduce(0) { $0 + ($1.sinkRecords.first { $0.sink == sink }?.records ?? 0) } }
            // Sinks count the whole horizon (the storage side sees every record written, warm-up included).
            let observed = Double(scenario.horizon) / 1e6 * Double(scenario.replications)
            try ScenarioRunner.applyStorage(storage, records: records, observedSeconds: observed, overrides: scenario.prices.overrides, to: &result)
        }
        return result
    }

    /// The pipeline with its time-series bins set to the scenario's `sample_every`, validated.
    static func prepared(_ p: StreamingPipeline, _ s: Scenario) throws -> StreamingPipeline {
        var p = p
        p.configuration.binWidthNanos = s.sampleEvery * 1000
        let problems = p.configuration.problems()
        guard problems.isEmpty else {
            throw PlatformError(field: "streaming.\(p.name)", problems.joined(separator: "; "))
        }
        return p
    }

    /// The record kinds a job can read, as the error names them.
    static let feedingKinds = "card_transactions, page_views, bets, logins or results"

    /// Runs one pipeline for one replication on its stream of `workload`,
    /// generated with `inputSeed` (the replication's: every job of a
    /// replication reads the same generated workload, and the batch side's
    /// analytics regenerate replication 0's, ``BatchAnalyticsInput/inputSeed(root:)``).
    static func simulate(_ p: StreamingPipeline, scenario s: Scenario, workload: Workload, model: FraudModel?, tree: SeedTree,
                         inputSeed: UInt64, progress: (Int64) -> Void) throws -> StreamingResult {
        let c = p.configuration
        let generator = WorkloadGenerator(workload: workload, seed: inputSeed, from: s.start, to: s.start + s.horizon)
        let seed = tree.seed(for: "model")
        let horizon = s.horizon * 1000, warmUp = s.warmUp > 0 ? s.warmUp * 1000 : nil, step = s.sampleEvery * 1000
        guard let kind = workload.streams.first(where: { $0.name == c.stream })?.kind else {
            throw PlatformError(field: "streaming.\(p.name).stream", "`\(c.stream)` is not a stream of the workload")
        }
        // The next block is generated on another core while the model simulates this one (same blocks, same order: same result).
        func go<I: StreamInput>(_ input: I) -> StreamingResult {
            StreamingRun.run(c, input: PrefetchingInput(input), fraudModel: model, horizonNanos: horizon, warmUpNanos: warmUp, seed: seed,
                             stepNanos: step, progress: progress)
        }
        switch kind {
        case .cardTransactions:
            return go(CardTransactionInput(generator: generator, stream: c.stream, originMicros: s.start)!)
        case .pageViews:
            return go(PageViewInput(generator: generator, stream: c.stream, originMicros: s.start)!)
        case .bets:
            return go(BetInput(generator: generator, stream: c.stream, originMicros: s.start)!)
        case .logins:
            return go(LoginInput(generator: generator, stream: c.stream, originMicros: s.start)!)
        case .results:
            return go(GameResultInput(generator: generator, stream: c.stream, originMicros: s.start)!)
        default:
            throw PlatformError(field: "streaming.\(p.name).stream",
                                "`\(c.stream)` is a \(kind.rawValue) stream; a job reads \(feedingKinds)")
        }
    }

    /// The names `p99[STAGE]` and `slos: {stage: …}` may use in a scenario
    /// with these jobs (for the decoder's checks), in report order.
    static func stageNames(_ pipelines: [StreamingPipeline]) -> [String] { stageInfos(pipelines).map(\.name) }

    /// Every job's stages in pipeline order; with several jobs the names are
    /// `<job>.<stage>` and each job's end to end is a stage named after the job.
    static func stageInfos(_ pipelines: [StreamingPipeline]) -> [StageInfo] {
        var out: [StageInfo] = []
        for p in pipelines {
            let names = ["gateway", "produce", "kafka", "buffer"] + p.configuration.job.operators.map(\.name) + ["sink"]
            let prefix = pipelines.count > 1 ? p.name + "." : ""
            out += names.map { StageInfo(name: prefix + $0, kind: .station, component: -1, pipeline: p.name) }
            if pipelines.count > 1 { out.append(StageInfo(name: p.name, kind: .station, component: -1, pipeline: p.name)) }
        }
        return out
    }

    /// The spikes of the streams the jobs read (their own and their sporting
    /// events'), in seconds since the start, by start time, without repeats.
    static func spikeWindows(_ s: Scenario, _ pipelines: [StreamingPipeline]) -> [(name: String, start: Double, end: Double)] {
        var out: [(name: String, start: Double, end: Double)] = []
        guard let w = s.workload else { return out }
        for p in pipelines {
            let name = p.configuration.stream
            var spikes = w.streams.first { $0.name == name }?.rate.spikes ?? []
            spikes += w.events.filter { $0.streams.contains(name) }.map(\.spike)
            for spike in spikes {
                let window = (name: spike.name.isEmpty ? "spike" : spike.name, start: Double(spike.start - s.start) / 1e6,
                              end: Double(spike.end - s.start) / 1e6)
                if window.end > 0, window.start < Double(s.horizon) / 1e6,
                   !out.contains(where: { $0.start == window.start && $0.end == window.end }) { out.append(window) }
            }
        }
        return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
