import Analytics
import Foundation
import Platform
import Testing
import Workloads
@testable import Experiment

/// A full `streaming:` section decodes to the expected Platform
/// configuration: units converted (KB, KiB, MB/s, 20k/s, 5k, %, ms, d),
/// defaults applied, one pipeline per job with only its topic, and the
/// stage and sink names of the contract.
@Suite struct StreamingDecodeTests {
    static let full = """
    name: full
    horizon: 10m
    sample_every: 5s
    workload:
      streams:
        cards: {type: card_transactions, rate: 1k/s, fraud: {card_testing: 60/h}}
        views: {type: page_views, rate: 100/s}
    streaming:
      record_size: 1KB
      gateway: {linger: 10ms, batch_size: 32KiB, retry_probability: 0.05%, retry_backoff: 50ms, validation: fixed(300us)}
      regions:
        us: {share: 40%}
        eu: {share: 0.3, cross_region_latency: 40ms, gateway: {linger: 2ms}}
        apac: {share: 30%, cross_region_latency: 80ms}
      outages: [{region: eu, start: 2m, duration: 90s}]
      degraded_mode: {lag_above: 200k, recover_below: 20k}
      kafka:
        brokers: 6
        network_in: 125MB/s
        network_out: 1Gbit/s
        disk: 500MiB/s
        topics:
          card-transactions: {partitions: 64, replication: 3, min_insync: 2, retention: 7d, key: card, salting: {hot_key_share: 1%, buckets: 8}, partition_limit: 10MB/s}
          page-views: {partitions: 12, key: none}
      jobs:
        scoring:
          stream: cards
          topic: card-transactions
          parallelism: 32
          max_parallelism: 64
          buffer: 5k
          fetch_max: 500
          fetch_wait: 5ms
          checkpoint: {every: 1m, pause: 200ms}
          allowed_lateness: 2h
          autoscaler: {target_utilization: 70%, window: 1m, stabilization: 5m, restart_pause: 10s, min: 8, max: 64}
          operators:
            - {name: dedup, kind: dedup, service: fixed(2us), window: 131072}
            - {name: score, kind: fraud-score, service: measured, cpu_factor: 1.5}
          feature_store: {latency: "lognormal(p50=500us, p99=3ms)", ops_per_node: 20k/s, nodes: 6, cache_hit_ratio: 80%, lookups_per_record: 2}
          model_server: {remote: {round_trip: 1ms, replicas: 4, service: 200us, max_batch: 16}}
          fraud_model: {train: {minutes: 5, seed: 9, l2: 0.5, block_fpr: 0.05%, review_fpr: 0.2%, mcc_smoothing: 25}}
          sink: {write_latency: "lognormal(p50=2ms, p99=15ms)"}
          review_queue: {reviewers: 200, handling: "lognormal(p50=2m, p99=10m)"}
        sessions:
          stream: views
          topic: page-views
          record_size: 300B
          parallelism: 4
          operators:
            - {name: sess, kind: sessionize, service: "lognormal(p50=5us, p99=40us)", timeout: 30m}
    slos:
      - {objective: p99 <= 5s, stage: scoring.score}
      - {objective: p99 <= 1s, stage: sessions}
    storage:
      datasets:
        raw: {sink: card-transactions, event_size: 1KB}
        decisions: {sink: scoring, event_size: 200B}
    expect: ["p99[sessions.kafka] <= 2s", "p99[scoring] <= 5s"]
    """

    @Test func aFullFileDecodesToTheExpectedConfiguration() throws {
        let s = try ScenarioFile.decode(text: Self.full, file: "full.yaml")
        #expect(s.components.isEmpty)
        #expect(s.streaming.map(\.name) == ["scoring", "sessions"])
        #expect(s.warnings.isEmpty, "\(s.warnings)")
        let c = s.streaming[0].configuration
        #expect(c.stream == "cards")
        #expect(c.recordBytes == 1_000)
        #expect(c.binWidthNanos == 5_000_000_000)
        #expect(c.regions.map(\.name) == ["us", "eu", "apac"])
        #expect(c.regions.map(\.trafficShare) == [0.4, 0.3, 0.3])
        #expect(c.regions.map(\.crossRegionLatencyNanos) == [0, 40_000_000, 80_000_000])
        // The section's gateway, with eu's own linger.
        #expect(c.regions[0].gateway.lingerNanos == 10_000_000 && c.regions[1].gateway.lingerNanos == 2_000_000)
        #expect(c.regions[1].gateway.batchSizeBytes == 32 * 1024)
        #expect(c.regions[0].gateway.retryProbability == 0.0005 && c.regions[0].gateway.retryBackoffNanos == 50_000_000)
        #expect(c.regions[0].gateway.validationCost.mean == 300e-6)
        #expect(c.outages == [OutageConfiguration(region: "eu", startNanos: 120_000_000_000, durationNanos: 90_000_000_000)])
        #expect(c.degradedMode == DegradedModeConfiguration(lagThresholdRecords: 200_000, recoverBelowRecords: 20_000))
        #expect(c.kafka.brokers == 6)
        #expect(c.kafka.networkInBytesPerSecond == 125e6 && c.kafka.networkOutBytesPerSecond == 125e6)
        #expect(c.kafka.diskBytesPerSecond == 500 * 1_048_576)
        // Only the topic the job reads.
        #expect(c.kafka.topics.map(\.name) == ["card-transactions"])
        let t = c.kafka.topics[0]
        #expect(t.partitions == 64 && t.replicationFactor == 3 && t.minInsyncReplicas == 2)
        #expect(t.retentionNanos == 7 * 86_400 * 1_000_000_000 && t.key == .entity)
        #expect(t.salting == SaltingConfiguration(hotKeyShare: 0.01, buckets: 8) && t.partitionBytesPerSecondLimit == 10e6)
        let j = c.job
        #expect(j.name == "scoring" && j.topic == "card-transactions" && j.parallelism == 32 && j.maxParallelism == 64)
        #expect(j.bufferCapacityRecords == 5_000 && j.fetchMaxRecords == 500 && j.fetchWaitNanos == 5_000_000)
        #expect(j.checkpoint == CheckpointConfiguration(intervalNanos: 60_000_000_000, pauseNanos: 200_000_000))
        #expect(j.allowedLatenessNanos == 7_200_000_000_000)
        #expect(j.autoscaler == AutoscalerConfiguration(targetUtilization: 0.7, metricWindowNanos: 60_000_000_000, stabilizationNanos: 300_000_000_000,
                                                        restartPauseNanos: 10_000_000_000, minParallelism: 8, maxParallelism: 64))
        #expect(j.operators.map(\.name) == ["dedup", "score"])
        #expect(j.operators.map(\.kind) == [.dedup, .fraudScore])
        #expect(j.operators[0].dedupWindowRecords == 131_072)
        guard case .distribution(let d) = j.operators[0].service, case .measured(let factor) = j.operators[1].service else {
            Issue.record("services: \(j.operators.map(\.service))"); return
        }
        #expect(d.mean == 2e-6 && factor == 1.5)
        let fs = try #require(c.featureStore)
        #expect(fs.opsPerSecondPerNode == 20_000 && fs.nodes == 6 && fs.cacheHitRatio == 0.8 && fs.lookupsPerRecord == 2)
        guard case .remote(let r)? = c.modelServer else { Issue.record("model server: \(String(describing: c.modelServer))"); return }
        #expect(r.replicas == 4 && r.maxBatch == 16 && abs(r.roundTrip.mean - 1e-3) < 1e-12 && abs(r.service.mean - 200e-6) < 1e-12)
        guard case .train(let minutes, let seed, let options)? = c.fraudModel else { Issue.record("fraud model"); return }
        #expect(minutes == 5 && seed == 9)
        #expect(options.l2 == 0.5 && options.targetFPRBlock == 0.0005 && options.targetFPRReview == 0.002 && options.mccSmoothing == 25)
        #expect(abs((c.decisionSink.writeLatency.quantile(0.5) ?? 0) - 0.002) < 1e-9)
        #expect(c.reviewQueue?.reviewers == 200)
        #expect(c.problems().isEmpty)

        let v = s.streaming[1].configuration
        #expect(v.recordBytes == 300 && v.stream == "views")
        #expect(v.kafka.topics.map(\.name) == ["page-views"] && v.kafka.topics[0].key == PartitionKey.none)
        // Defaults: RF min(3, brokers), min.insync 2, retention 7d, buffer 10k, lateness 1h, max parallelism 128.
        #expect(v.kafka.topics[0].replicationFactor == 3 && v.kafka.topics[0].minInsyncReplicas == 2)
        #expect(v.job.bufferCapacityRecords == 10_000 && v.job.allowedLatenessNanos == 3_600_000_000_000 && v.job.maxParallelism == 128)
        #expect(v.job.operators[0].kind == .sessionize && v.job.operators[0].sessionTimeoutNanos == 1_800_000_000_000)
        #expect(v.fraudModel == nil && v.reviewQueue == nil && v.featureStore == nil && v.decisionSink.writeLatency.mean == 0)
        // The shared parts are the same in both pipelines.
        #expect(v.outages == c.outages && v.regions.map(\.name) == c.regions.map(\.name) && v.degradedMode == c.degradedMode)

        #expect(s.slos.map(\.stage) == ["scoring.score", "sessions"])
        #expect(s.storage?.feeds.map(\.sink) == ["card-transactions", "scoring"])
        #expect(s.expectations.count == 2)
    }

    @Test func stageAndSinkNamesFollowTheContract() throws {
        let s = try ScenarioFile.decode(text: Self.full, file: "full.yaml")
        #expect(ScenarioFile.streamingStageNames(s.streaming) == [
            "scoring", "scoring.gateway", "scoring.produce", "scoring.kafka", "scoring.buffer", "scoring.dedup", "scoring.score", "scoring.sink",
            "sessions", "sessions.gateway", "sessions.produce", "sessions.kafka", "sessions.buffer", "sessions.sess", "sessions.sink",
        ])
        #expect(ScenarioFile.streamingStageNames([s.streaming[1]]) == ["gateway", "produce", "kafka", "buffer", "sess", "sink"])
        #expect(ScenarioFile.streamingSinkNames(s.streaming) == ["card-transactions", "page-views", "scoring", "sessions"])
        // One job: bare stage names.
        let one = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base(
            [26: "", 27: "", 28: "", 29: "", 30: "", 31: ""], append: "slos: [{stage: kafka, objective: p99 <= 1s}]\nexpect: [\"p99[score] <= 1s\"]\n"), file: "one.yaml")
        #expect(one.slos.first?.stage == "kafka")
    }

    /// A model file is resolved against the scenario's directory, loaded at
    /// validation, and kept as `.file(resolved path)`.
    @Test func aModelFileIsResolvedAndLoaded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-decode-\(getpid())-model")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = FraudFeature.count
        let model = FraudModel(coefficients: Array(repeating: 0.1, count: n), intercept: -4, means: Array(repeating: 0, count: n),
                               sds: Array(repeating: 1, count: n), mccRisk: MCCRiskTable(priorRate: 0.01, smoothing: 50, rates: [:]),
                               policy: FraudPolicy(review: 0.5, block: 0.9),
                               training: FraudTrainingSummary(rows: 10, frauds: 1, l2: 1, iterations: 1, targetFPRBlock: 0.001, targetFPRReview: 0.01))
        try model.jsonData().write(to: dir.appendingPathComponent("models/m.json"))
        let text = BrokenStreamingScenarioTests.base([25: "      fraud_model: {file: models/m.json}"])
        let file = dir.appendingPathComponent("s.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let s = try ScenarioFile.load(path: file.path)
        guard case .file(let path)? = s.streaming[0].configuration.fraudModel else { Issue.record("not a file source"); return }
        #expect(path == dir.appendingPathComponent("models/m.json").path)
        // A file that is not a model is refused at its node.
        try Data("{}".utf8).write(to: dir.appendingPathComponent("models/bad.json"))
        try BrokenStreamingScenarioTests.base([25: "      fraud_model: {file: models/bad.json}"]).write(to: file, atomically: true, encoding: .utf8)
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.load(path: file.path) }
        #expect(errors.issues.contains { $0.path == "streaming.jobs.scoring.fraud_model.file" && $0.line == 25 }, "\(errors)")
    }

    /// The shipped streaming scenarios decode, validate and follow the contract.
    @Test func shippedStreamingScenariosDecode() throws {
        let dir = ScenarioRunTests.root.appendingPathComponent("Scenarios")
        let fraud = try ScenarioFile.load(path: dir.appendingPathComponent("fraud-detection.yaml").path)
        #expect(fraud.streaming.count == 1 && fraud.components.isEmpty && fraud.warnings.isEmpty, "\(fraud.warnings)")
        let c = fraud.streaming[0].configuration
        #expect(c.regions.map(\.name) == ["apac", "us", "eu"] && c.kafka.topics[0].replicationFactor == 3)
        #expect(c.recordBytes == 1_000 && c.binWidthNanos == 5_000_000_000 && fraud.horizon == 180_000_000)
        #expect(c.job.operators.map(\.kind) == [.dedup, .fraudScore] && c.reviewQueue != nil && c.outages.count == 1)
        let sessions = try ScenarioFile.load(path: dir.appendingPathComponent("sessionization-100m-per-day.yaml").path)
        // 100 million page events a day over the diurnal curve (within 3%), spike excluded (it is on June 1st only).
        let views = try #require(sessions.workload?.streams.first)
        let day = Timestamp.parse("2026-06-02")!
        let perDay = stride(from: 0, to: 86_400, by: 60).reduce(0.0) { $0 + views.rate.rate(at: day + Int64($1) * 1_000_000) * 60 }
        #expect(abs(perDay / 100e6 - 1) < 0.01, "\(perDay) events a day")
        let j = sessions.streaming[0].configuration.job
        #expect(j.allowedLatenessNanos == 3_600_000_000_000 && j.operators.last?.kind == .sessionize)
        #expect(j.operators.last?.sessionTimeoutNanos == 1_800_000_000_000)
    }

    /// `headroom size --scenario` reads a streaming scenario's job streams and operators.
    @Test func sizingReadsTheJobsStreamsAndOperators() throws {
        let s = try ScenarioFile.load(path: ScenarioRunTests.root.appendingPathComponent("Scenarios/fraud-detection.yaml").path)
        let sizing = ScenarioSizing(s)
        // 50k/s with a 20 s 1.5× burst (2 s ramps) in 3 minutes: the mean is a little above 50k/s, the peak 1.5×.
        #expect(sizing.eventRate > 50_000 && sizing.eventRate < 50_000 * 1.1, "\(sizing.eventRate)")
        #expect(abs(sizing.peakMultiplier * sizing.eventRate - 75_000) < 1, "\(sizing.peakMultiplier)")
        // dedup fixed(2us) + score lognormal(p50=120us, p99=600us).
        let score = try #require(s.streaming[0].configuration.job.operators.last.flatMap { op -> Double? in
            if case .distribution(let d) = op.service { return d.mean } else { return nil } })
        #expect(abs((sizing.recordCostSeconds ?? 0) - (2e-6 + score)) < 1e-12)
        #expect(sizing.eventBytes == 1_000 && sizing.sloSeconds == 5 && sizing.retentionDays == 365)
    }

    /// A decoded streaming file runs end to end: the job's stages are in the
    /// result, sessions close, conservation balances, and the same seed gives
    /// the same report.json.
    @Test func aDecodedStreamingFileRuns() throws {
        let text = """
            name: tiny-sessions
            horizon: 2m
            sample_every: 10s
            workload:
              block: 10s
              streams:
                views: {type: page_views, rate: 200/s, keys: {zipf: 0.5}}
            streaming:
              regions: {us: {share: 100%}}
              kafka:
                brokers: 3
                topics: {pv: {partitions: 4}}
              jobs:
                sessions:
                  stream: views
                  topic: pv
                  parallelism: 2
                  operators: [{name: sess, kind: sessionize, service: fixed(20us), timeout: 30s}]
            expect: [drops == 0, "throughput >= 150/s"]
            """
        let s = try ScenarioFile.decode(text: text, file: "tiny.yaml")
        let run = try ScenarioRunner.run(s, reproducible: true)
        #expect(run.stages.map(\.name).contains("sess"))
        #expect(run.conservation.balanced && run.conservation.generated > 20_000)
        #expect((run.streaming?.pipelines.first?.operatorOutcome.sessionsClosed ?? 0) > 100)
        #expect(ExpectationEvaluator.evaluate(run).allSatisfy { $0.passed })
        let again = try ScenarioRunner.run(s, reproducible: true)
        #expect(RunReportJSON.build(run, version: "t", reproducible: true).serialized() == RunReportJSON.build(again, version: "t", reproducible: true).serialized())
    }
}
