import Foundation
import Testing
@testable import Experiment
import Platform
import Reporting
import Workloads

/// Hot partitions from a planted hot key; sessions and late events of a
/// sessionize job; two jobs in one scenario (stage names, merged end to end);
/// the report directory of a streaming run.
@Suite(.serialized) struct StreamingPartitionsAndSessionsTests {
    typealias S = StreamingScenarioSupport

    /// Seed 42: card 1 takes 30 % of 500/s over 8 partitions: its partition gets about 0.3 + 0.7/8 = 39 % (3.1× the mean), the rest 8.75 %.
    @Test func aPlantedHotKeyMakesOneHotPartition() throws {
        let hot = S.scenario("hot", workload: S.cardWorkload(rate: 500, hotShare: 0.3), pipelines: [S.simplePipeline(tasks: 8, service: "fixed(200us)")],
                             seconds: 20, expectations: ["hot_partitions == 0"])
        let run = try ScenarioRunner.run(hot, reproducible: true)
        let o = try #require(run.streaming?.pipelines.first)
        #expect(o.hotPartitions.count == 1)
        let k = try #require(o.hotPartitions.first)
        let share = Double(o.partitionRecords[k]) / Double(o.partitionRecords.reduce(0, +))
        #expect(abs(share - (0.3 + 0.7 / 8)) < 0.03, "hot partition share \(share)")
        let md = MarkdownRendererProbe.markdown(run)
        #expect(md.contains("1 hot partition(s)"))
        #expect(md.contains("| \(k) (hot) |"))
        #expect(ExpectationEvaluator.evaluate(run).first?.passed == false)
        let csv = RunReportFiles.partitions(try #require(run.streaming)).serialized()
        #expect(csv.contains("job,events,\(k),\(o.partitionRecords[k]),"))
        #expect(csv.components(separatedBy: ",true\n").count == 2)

        let even = S.scenario("even", workload: S.cardWorkload(rate: 500), pipelines: [S.simplePipeline(tasks: 8, service: "fixed(200us)")],
                              seconds: 20, expectations: ["hot_partitions == 0"])
        let evenRun = try ScenarioRunner.run(even, reproducible: true)
        #expect(evenRun.streaming?.pipelines.first?.hotPartitions == [])
        #expect(ExpectationEvaluator.evaluate(evenRun).first?.passed == true)
    }

    /// Seed 42: page views with sessions (15 s timeout) and 2 % of events up to seconds late against 1 s of allowed lateness.
    @Test func aSessionizeJobClosesSessionsAndDeadLettersLateEvents() throws {
        let s = S.scenario("sessions", workload: S.pageViewWorkload(rate: 300), pipelines: [S.sessionPipeline()], seconds: 40,
                           expectations: ["dead_letters == 0", "dead_letters[sessions] <= 2%", "dead_letters[late] <= 2%", "drops == 0"])
        let run = try ScenarioRunner.run(s, reproducible: true)
        let o = try #require(run.streaming?.pipelines.first)
        #expect(o.operatorOutcome.sessionsClosed > 100)
        #expect(o.operatorOutcome.lateEvents > 0)
        #expect(o.deadLettersTotal == o.operatorOutcome.lateEvents)
        let share = Double(o.deadLettersTotal) / Double(o.generated)
        #expect(share > 0 && share < 0.02, "dead-letter share \(share)")
        #expect(run.conservation.balanced)
        let outcomes = ExpectationEvaluator.evaluate(run).map(\.passed)
        #expect(outcomes == [false, true, true, true])
        let md = MarkdownRendererProbe.markdown(run)
        #expect(md.contains("\(StreamingReportDocument.count(o.operatorOutcome.sessionsClosed)) sessions closed"))
        #expect(md.contains("| sessions | dead letter | late (dead letter) |"))
    }

    /// Two jobs: stages `<job>.<stage>` plus each job's end to end under its name; end to end merges both.
    @Test func twoJobsArePrefixedAndTheirEndToEndMerged() throws {
        var w = S.cardWorkload(rate: 200)
        w.streams += S.pageViewWorkload(rate: 200).streams
        let cards = S.simplePipeline(name: "cards", topic: "card-events", tasks: 2, service: "fixed(200us)")
        let s = S.scenario("two", workload: w, pipelines: [cards, S.sessionPipeline()], seconds: 20,
                           slos: [SLO(name: "sessions", percentile: 99, strict: false, boundSeconds: 2, stage: "sessions")],
                           expectations: ["p99[cards.kafka] <= 1s", "p99[sessions] <= 2s", "slo met"])
        let run = try ScenarioRunner.run(s, reproducible: true)
        let names = run.stages.map(\.name)
        #expect(names.contains("cards.kafka") && names.contains("sessions.sessionize") && names.contains("cards") && names.contains("sessions"))
        let k = try #require(run.stages.firstIndex { $0.name == "sessions" })
        let c = try #require(run.stages.firstIndex { $0.name == "cards" })
        #expect(run.endToEnd.count == run.stageLatency[k].count + run.stageLatency[c].count)
        for o in ExpectationEvaluator.evaluate(run) { #expect(o.passed, "\(o.expectation.text): \(o.measured)") }
        #expect(run.conservation.balanced)
        #expect(run.conservation.generated == Int(run.streaming!.pipelines.reduce(0) { $0 + $1.generated }))
    }

    /// Seed 42: BetMatrix's logins (200/s for 10 s) feed a job too.
    @Test func aLoginsStreamFeedsAJob() throws {
        let logins = StreamSpec(name: "logins", kind: .logins, rate: RateCurve(base: 200), keys: KeyPopularity(count: 1_000, exponent: 0))
        let w = Workload(seed: 1, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, players: 1_000, games: 10,
                         merchants: 10, cards: 10, streams: [logins])
        let s = S.scenario("logins", workload: w, pipelines: [S.simplePipeline(stream: "logins", service: "fixed(200us)")], seconds: 10)
        let run = try ScenarioRunner.run(s, reproducible: true)
        let g = Double(run.conservation.generated)
        #expect(abs(g - 2_000) < 4 * 2_000.squareRoot(), "generated \(g)")
        #expect(run.conservation.balanced && run.conservation.delivered > 1_900)
    }

    /// report.md, .html, .json, timeseries.csv (lag, throughput, parallelism, review backlog per job) and partitions.csv, all written.
    @Test func runWritesTheStreamingReportDirectory() throws {
        let spike = S.spike(at: 5, for: 5, times: 3)
        let s = S.scenario("files", workload: S.cardWorkload(rate: 300, spikes: [spike]), pipelines: [S.simplePipeline(tasks: 2)], seconds: 20)
        let run = try ScenarioRunner.run(s, reproducible: true)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-streaming-report-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try RunReportFiles.write(run, to: dir, version: "test", reproducible: true)
        for name in ["report.md", "report.html", "report.json", "timeseries.csv", "partitions.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name) missing")
        }
        let series = try String(contentsOf: dir.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        let lines = series.split(separator: "\n")
        #expect(lines.first == "replication,time_seconds,delivered_per_second,lag_records,lag_job,delivered_per_second_job,parallelism_job,review_backlog_job")
        #expect(lines.count == 21)
        let md = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        for heading in ["## Latency", "## Throughput and consumer lag", "## Partitions", "## Drops and dead letters", "## Autoscaler",
                        "## Storage and cost", "## Conservation", "## Run"] {
            #expect(md.contains(heading), "report.md lacks \(heading)")
        }
        #expect(md.contains("Conservation balances"))
        let summary = RunReportFiles.summary(run)
        #expect(summary.contains("most consumer lag"))
        #expect(summary.contains("job job"))
    }
}
