import Foundation
import Testing
@testable import Experiment

/// Broken streaming scenarios (the `streaming:` section), generated from a
/// table like ``BrokenScenarioTests``: each gets a clear error at the exact
/// line and field path, never a crash.
@Suite struct BrokenStreamingScenarioTests {
    typealias Case = BrokenScenarioTests.Case

    /// A valid two-job streaming file with `replacements` (1-based line → text, may hold several lines), `append`ed at the end.
    static func base(_ replacements: [Int: String] = [:], append: String = "") -> String {
        var lines = [
            "name: t",                                                                       // 1
            "horizon: 10m",                                                                  // 2
            "workload:",                                                                     // 3
            "  streams:",                                                                    // 4
            "    cards: {type: card_transactions, rate: 100/s, fraud: {card_testing: 60/h}}", // 5
            "    views: {type: page_views, rate: 100/s}",                                    // 6
            "    bets: {type: bets, rate: 10/s}",                                            // 7
            "    pay: {type: payments, rate: 10/s}",                                         // 8
            "streaming:",                                                                    // 9
            "  regions:",                                                                    // 10
            "    us: {share: 60%}",                                                          // 11
            "    eu: {share: 40%, cross_region_latency: 40ms}",                              // 12
            "  kafka:",                                                                      // 13
            "    brokers: 3",                                                                // 14
            "    topics:",                                                                   // 15
            "      tx: {partitions: 8, replication: 3, min_insync: 2}",                      // 16
            "      pv: {partitions: 4}",                                                     // 17
            "  jobs:",                                                                       // 18
            "    scoring:",                                                                  // 19
            "      stream: cards",                                                           // 20
            "      topic: tx",                                                               // 21
            "      parallelism: 4",                                                          // 22
            "      operators:",                                                              // 23
            "        - {name: score, kind: fraud-score, service: fixed(100us)}",             // 24
            "      fraud_model: {train: {minutes: 10}}",                                     // 25
            "    sessions:",                                                                 // 26
            "      stream: views",                                                           // 27
            "      topic: pv",                                                               // 28
            "      parallelism: 2",                                                          // 29
            "      operators:",                                                              // 30
            "        - {name: sess, kind: sessionize, service: fixed(5us), timeout: 30m}",   // 31
        ]
        for (at, text) in replacements { lines[at - 1] = text }
        return lines.joined(separator: "\n") + "\n" + append
    }

    static func job(_ line: Int, _ text: String) -> [Int: String] { [line: text] }

    static let cases: [Case] = [
        // Unknown fields, with the nearest valid name
        Case(label: "misspelt streaming field", text: base([10: "  regons:"]), line: 10, path: "streaming.regons", message: "did you mean `regions`"),
        Case(label: "misspelt job field", text: base([22: "      paralelism: 4"]), line: 22, path: "streaming.jobs.scoring.paralelism", message: "did you mean `parallelism`"),
        Case(label: "misspelt topic field", text: base([16: "      tx: {partitions: 8, replicaton: 3}"]), line: 16, path: "streaming.kafka.topics.tx.replicaton", message: "did you mean `replication`"),
        Case(label: "misspelt operator field", text: base([24: "        - {name: score, kind: fraud-score, servce: fixed(100us)}"]), line: 24, path: "streaming.jobs.scoring.operators[0].servce", message: "did you mean `service`"),
        Case(label: "unknown operator kind", text: base([24: "        - {name: score, kind: fraud-scor, service: fixed(100us)}"]), line: 24, path: "streaming.jobs.scoring.operators[0].kind", message: "did you mean `fraud-score`"),
        Case(label: "misspelt region field", text: base([11: "    us: {shar: 60%}"]), line: 11, path: "streaming.regions.us.shar", message: "did you mean `share`"),
        Case(label: "misspelt gateway field", text: base(append: "  gateway: {lingr: 5ms}\n"), line: 32, path: "streaming.gateway.lingr", message: "did you mean `linger`"),
        Case(label: "unknown topic key", text: base([16: "      tx: {partitions: 8, key: cards}"]), line: 16, path: "streaming.kafka.topics.tx.key", message: "did you mean `card`"),
        // Wrong types
        Case(label: "parallelism is text", text: base([22: "      parallelism: many"]), line: 22, path: "streaming.jobs.scoring.parallelism", message: "expected a whole number"),
        Case(label: "share is text", text: base([11: "    us: {share: lots}"]), line: 11, path: "streaming.regions.us.share", message: "expected a fraction"),
        Case(label: "network_in without time", text: base([14: "    brokers: 3\n    network_in: 125MB"]), line: 15, path: "streaming.kafka.network_in", message: "no time unit"),
        Case(label: "record size is a word", text: base(append: "  record_size: big\n"), line: 32, path: "streaming.record_size", message: "size"),
        Case(label: "operators is a name", text: base([30: "      operators: sess", 31: ""]), line: 30, path: "streaming.jobs.sessions.operators", message: "expected a list"),
        Case(label: "service not a distribution", text: base([24: "        - {name: score, kind: fraud-score, service: exponential(1)}"]), line: 24, path: "streaming.jobs.scoring.operators[0].service", message: "takes named parameters"),
        Case(label: "partition limit without time", text: base([16: "      tx: {partitions: 8, partition_limit: 10MB}"]), line: 16, path: "streaming.kafka.topics.tx.partition_limit", message: "no time unit"),
        Case(label: "buffer is fractional", text: base([22: "      parallelism: 4\n      buffer: 2.5k5"]), line: 23, path: "streaming.jobs.scoring.buffer", message: "expected a whole number"),
        // Impossible values
        Case(label: "min_insync above replication", text: base([16: "      tx: {partitions: 8, replication: 2, min_insync: 3}"]), line: 16, path: "streaming.kafka.topics.tx.min_insync", message: "cannot exceed the replication factor (2)"),
        Case(label: "replication above brokers", text: base([16: "      tx: {partitions: 8, replication: 5}"]), line: 16, path: "streaming.kafka.topics.tx.replication", message: "the cluster has 3"),
        Case(label: "shares sum to 0", text: base([11: "    us: {share: 0%}", 12: "    eu: {share: 0}"]), line: 11, path: "streaming.regions", message: "every region's share is 0"),
        Case(label: "parallelism 0", text: base([22: "      parallelism: 0"]), line: 22, path: "streaming.jobs.scoring.parallelism", message: "between 1 and"),
        Case(label: "buffer 0", text: base([22: "      parallelism: 4\n      buffer: 0"]), line: 23, path: "streaming.jobs.scoring.buffer", message: "at least 1"),
        Case(label: "zero partitions", text: base([17: "      pv: {partitions: 0}"]), line: 17, path: "streaming.kafka.topics.pv.partitions", message: "between 1 and"),
        Case(label: "checkpoint pause too long", text: base([22: "      parallelism: 4\n      checkpoint: {every: 1s, pause: 2s}"]), line: 23, path: "streaming.jobs.scoring.checkpoint.pause", message: "shorter than the interval"),
        Case(label: "max_parallelism below parallelism", text: base([22: "      parallelism: 4\n      max_parallelism: 2"]), line: 23, path: "streaming.jobs.scoring.max_parallelism", message: "at least parallelism (4)"),
        Case(label: "autoscaler max above max_parallelism", text: base([22: "      parallelism: 4\n      max_parallelism: 8\n      autoscaler: {max: 16}"]), line: 24, path: "streaming.jobs.scoring.autoscaler.max", message: "above the job's max_parallelism (8)"),
        Case(label: "recover_below above lag_above", text: base(append: "  degraded_mode: {lag_above: 10k, recover_below: 20k}\n"), line: 32, path: "streaming.degraded_mode.recover_below", message: "resumes below lag_above (10000)"),
        Case(label: "zero fetch wait", text: base([22: "      parallelism: 4\n      fetch_wait: 0s"]), line: 23, path: "streaming.jobs.scoring.fetch_wait", message: "longer than 0"),
        Case(label: "outage of no time", text: base(append: "  outages: [{region: eu, start: 1m, duration: 0s}]\n"), line: 32, path: "streaming.outages[0].duration", message: "longer than 0"),
        Case(label: "retry probability of 100%", text: base(append: "  gateway: {retry_probability: 100%}\n"), line: 32, path: "streaming.gateway.retry_probability", message: "below 100%"),
        Case(label: "salting without a key", text: base([16: "      tx: {partitions: 8, key: none, salting: {buckets: 4}}"]), line: 16, path: "streaming.kafka.topics.tx.salting", message: "key: none"),
        Case(label: "operator named like a fixed stage", text: base([24: "        - {name: kafka, kind: fraud-score, service: fixed(100us)}"]), line: 24, path: "streaming.jobs.scoring.operators[0].name", message: "fixed stage"),
        Case(label: "two operators of one name", text: base([24: "        - {name: score, kind: dedup, service: fixed(1us)}\n        - {name: score, kind: fraud-score, service: fixed(100us)}"]), line: 25, path: "streaming.jobs.scoring.operators[1].name", message: "two operators are named `score`"),
        Case(label: "measured custom operator", text: base([31: "        - {name: sess, kind: custom, service: measured}"]), line: 31, path: "streaming.jobs.sessions.operators[0].service", message: "custom has none"),
        Case(label: "cpu_factor without measured", text: base([31: "        - {name: sess, kind: sessionize, service: fixed(5us), cpu_factor: 2}"]), line: 31, path: "streaming.jobs.sessions.operators[0].cpu_factor", message: "scales a measured service time"),
        Case(label: "window on a sessionizer", text: base([31: "        - {name: sess, kind: sessionize, service: fixed(5us), window: 10}"]), line: 31, path: "streaming.jobs.sessions.operators[0].window", message: "belongs to a dedup operator"),
        Case(label: "two model servers", text: base([25: "      fraud_model: {train: {minutes: 10}}\n      model_server: {embedded: fixed(20us), remote: {round_trip: 1ms, replicas: 2, service: 1ms}}"]), line: 26, path: "streaming.jobs.scoring.model_server", message: "exactly one of embedded and remote"),
        Case(label: "training without planted fraud", text: base([5: "    cards: {type: card_transactions, rate: 100/s}"]), line: 25, path: "streaming.jobs.scoring.fraud_model.train", message: "training needs planted fraud"),
        Case(label: "review fpr below block fpr", text: base([25: "      fraud_model: {train: {minutes: 10, block_fpr: 1%, review_fpr: 0.5%}}"]), line: 25, path: "streaming.jobs.scoring.fraud_model.train.review_fpr", message: "must be at least block_fpr"),
        // Dangling references
        Case(label: "job topic not in kafka.topics", text: base([21: "      topic: txn"]), line: 21, path: "streaming.jobs.scoring.topic", message: "no topic named `txn` under kafka.topics (did you mean `tx`?)"),
        Case(label: "outage region unknown", text: base(append: "  outages: [{region: euu, start: 1m, duration: 1m}]\n"), line: 32, path: "streaming.outages[0].region", message: "did you mean `eu`"),
        Case(label: "stream not in workload", text: base([20: "      stream: crds"]), line: 20, path: "streaming.jobs.scoring.stream", message: "did you mean `cards`"),
        Case(label: "stream kind that cannot feed a job", text: base([20: "      stream: pay"]), line: 20, path: "streaming.jobs.scoring.stream", message: "payments records, which cannot feed a stream job"),
        Case(label: "fraud-score on page views", text: base([20: "      stream: views"]), line: 24, path: "streaming.jobs.scoring.operators[0].kind", message: "runs on card_transactions records"),
        Case(label: "topic key of another record kind", text: base([16: "      tx: {partitions: 8, key: user}"]), line: 21, path: "streaming.jobs.scoring.topic", message: "keyed by `user`"),
        Case(label: "one topic fed by two streams", text: base([28: "      topic: tx"]), line: 27, path: "streaming.jobs.sessions.stream", message: "a topic holds one stream's records"),
        Case(label: "job name with a dot", text: base([26: "    sessions.v2:"]), line: 26, path: "streaming.jobs.sessions.v2", message: "letters, digits, - and _ only"),
        Case(label: "job named like a topic", text: base([26: "    pv:"]), line: 26, path: "streaming.jobs.pv", message: "has the name of a topic"),
        Case(label: "enrich without feature store", text: base([31: "        - {name: sess, kind: enrich, service: fixed(5us)}"]), line: 27, path: "streaming.jobs.sessions", message: "needs a `feature_store:`"),
        Case(label: "fraud-score without a model", text: base([25: ""]), line: 20, path: "streaming.jobs.scoring", message: "needs `fraud_model:`"),
        Case(label: "model file missing", text: base([25: "      fraud_model: {file: no-such-model.json}"]), line: 25, path: "streaming.jobs.scoring.fraud_model.file", message: "cannot load the model file"),
        Case(label: "model file and training", text: base([25: "      fraud_model: {file: m.json, train: {minutes: 1}}"]), line: 25, path: "streaming.jobs.scoring.fraud_model", message: "exactly one of file and train"),
        Case(label: "review queue without fraud-score", text: base([31: "        - {name: sess, kind: sessionize, service: fixed(5us)}\n      review_queue: {reviewers: 2, handling: 1m}"]), line: 32, path: "streaming.jobs.sessions.review_queue", message: "no fraud-score operator"),
        Case(label: "job without workload", text: "name: t\nhorizon: 1h\nstreaming:\n  regions: {us: {share: 1}}\n  kafka: {brokers: 1, topics: {tx: {partitions: 1}}}\n  jobs: {j: {stream: s, topic: tx, parallelism: 1, operators: [{name: o, kind: custom, service: 1ms}]}}\n",
             line: 6, path: "streaming.jobs.j.stream", message: "no `workload:` section"),
        // Components and streaming
        Case(label: "both components and streaming", text: base(append: "components: {a: {kind: sink}}\n"), line: 10, path: "streaming", message: "not both"),
        Case(label: "neither components nor streaming", text: "name: t\nhorizon: 1h\nworkload: {streams: {s: {rate: 1/s}}}\n", line: 1, path: "components", message: "exactly one of the two"),
        // References into the streaming section from SLOs, expectations and storage
        Case(label: "SLO stage of no job", text: base(append: "slos: [{stage: scoring.kafak, objective: p99 <= 5s}]\n"), line: 32, path: "slos[0].stage", message: "did you mean `scoring.kafka`"),
        Case(label: "expectation stage unknown", text: base(append: "expect: [\"p99[sessions.sesion] <= 5s\"]\n"), line: 32, path: "expect[0]", message: "did you mean `sessions.sess`"),
        Case(label: "storage sink unknown", text: base(append: "storage: {datasets: {raw: {sink: txx, event_size: 1KB}}}\n"), line: 32, path: "storage.datasets.raw.sink", message: "did you mean `tx`"),
        Case(label: "lag drained without a spike", text: base(append: "expect: [lag drained within 5m]\n"), line: 32, path: "expect[0]", message: "needs a spike on a stream a job reads"),
        Case(label: "analytic in a streaming scenario", text: base(append: "replications: 2\nexpect: [\"mean_sojourn[scoring] ~ analytic\"]\n"), line: 33, path: "expect[0]", message: "queueing theory"),
    ]

    @Test(arguments: cases) func brokenStreamingFileGetsAClearError(_ c: Case) throws {
        try BrokenScenarioTests.expectClearError(c)
    }

    @Test func thereAreAtLeastThirtyBrokenStreamingFiles() {
        #expect(BrokenStreamingScenarioTests.cases.count >= 30)
    }

    /// The base file itself is valid, so each case breaks exactly what it says.
    @Test func theBaseFileIsValid() throws {
        let s = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base(), file: "ok.yaml")
        #expect(s.streaming.map(\.name) == ["scoring", "sessions"])
        #expect(s.components.isEmpty)
    }

    @Test func everyErrorOfAStreamingFileAtOnce() throws {
        let text = BrokenStreamingScenarioTests.base([11: "    us: {shar: 60%}", 16: "      tx: {partitions: 8, replication: 2, min_insync: 3}",
                                                      21: "      topic: txn", 29: "      parallelism: 0"],
                                                     append: "  outages: [{region: euro, start: 1m, duration: 1m}]\n")
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.decode(text: text, file: "many.yaml") }
        // A broken region or topic does not hide a dangling reference to another one.
        for line in [11, 16, 21, 29, 32] { #expect(errors.issues.contains { $0.line == line }, "no issue on line \(line): \(errors)") }
    }

    @Test func warningsForStreamingConfigurationsThatCannotWork() throws {
        // 12 tasks on 8 partitions: 4 idle; a topic nobody reads; an outage after the horizon.
        let text = BrokenStreamingScenarioTests.base([17: "      pv: {partitions: 4}\n      unread: {partitions: 2}", 22: "      parallelism: 12"],
                                                     append: "  outages: [{region: eu, start: 20m, duration: 1m}]\n")
        let s = try ScenarioFile.decode(text: text, file: "w.yaml")
        #expect(s.warnings.contains { $0.message.contains("would sit idle") && $0.path == "streaming.jobs.scoring.parallelism" && $0.line == 23 }, "\(s.warnings)")
        #expect(s.warnings.contains { $0.message.contains("no job reads the topic `unread`") && $0.line == 18 }, "\(s.warnings)")
        #expect(s.warnings.contains { $0.path == "streaming.outages[0].start" && $0.message.contains("never happens") }, "\(s.warnings)")
        let fine = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base(), file: "ok.yaml")
        #expect(fine.warnings.isEmpty, "\(fine.warnings)")
    }

    @Test func regionWarnings() throws {
        let uneven = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base([12: "    eu: {share: 20%}"]), file: "u.yaml")
        #expect(uneven.warnings.map(\.message) == ["the shares sum to 80%, not 100%: they are normalised (each region gets share ÷ 0.8)"], "\(uneven.warnings)")
        #expect(uneven.warnings.first?.line == 11 && uneven.warnings.first?.path == "streaming.regions")
        let alone = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base([11: "    us: {share: 100%}", 12: ""],
                                                                                   append: "  outages: [{region: us, start: 1m, duration: 1m}]\n"), file: "a.yaml")
        #expect(alone.warnings.contains { $0.path == "streaming.outages" && $0.message.contains("nowhere to move") }, "\(alone.warnings)")
    }

    @Test func capacityWarningsFromMeanValues() throws {
        // 100/s × 20 ms on 4 tasks: ρ = 0.5, fine; 100/s × 100 ms: ρ = 2.5, 11 tasks needed.
        let fine = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base([24: "        - {name: score, kind: fraud-score, service: fixed(20ms)}"]), file: "ok.yaml")
        #expect(fine.warnings.isEmpty, "\(fine.warnings)")
        let slow = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base([24: "        - {name: score, kind: fraud-score, service: fixed(100ms)}"]), file: "slow.yaml")
        let w = try #require(slow.warnings.first { $0.message.contains("ρ = 2.5 ≥ 1") }, "\(slow.warnings)")
        #expect(w.line == 22 && w.path == "streaming.jobs.scoring.parallelism" && w.expected.contains("at least 11 tasks"), "\(w)")
        // 100/s × 10 MB × RF 3 over 3 brokers = 1 GB/s each, above 125 MB/s.
        let heavy = try ScenarioFile.decode(text: BrokenStreamingScenarioTests.base(append: "  record_size: 10MB\n"), file: "heavy.yaml")
        #expect(heavy.warnings.contains { $0.path == "streaming.kafka" && $0.message.contains("each broker takes 1000 MB/s") }, "\(heavy.warnings)")
    }
}
