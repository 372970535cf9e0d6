import Foundation
import Reporting
import Testing
@testable import Experiment
import Platform
import Variates
import Workloads

/// The fraud service as a scenario (500/s, 60 s, a 3× spike, an EU
/// outage and an autoscaler): conservation, the autoscaler's actions in the
/// report, precision and recall equal to the decisions of the Platform run
/// itself, and report.json's keys.
@Suite(.serialized) struct StreamingFraudScenarioTests {
    typealias S = StreamingScenarioSupport

    static let autoscaler = AutoscalerConfiguration(targetUtilization: 0.7, metricWindowNanos: 5_000_000_000, stabilizationNanos: 15_000_000_000,
                                                    restartPauseNanos: 1_000_000_000, minParallelism: 1, maxParallelism: 16)

    /// Seed 42 (the scenario's): `rate`/s with a 3× spike from 20 s to 35 s, 1 task of a 1 ms scorer (about 1,000/s of capacity),
    /// an autoscaler, and eu down from 40 s to 50 s, over `seconds`.
    static func scenario(seed: UInt64 = 42, rate: Double = 500, seconds: Int64 = 60, expectations: [String] = []) -> Scenario {
        let outage = OutageConfiguration(region: "eu", startNanos: 40_000_000_000, durationNanos: 10_000_000_000)
        let p = S.fraudPipeline(rate: rate, tasks: 1, autoscaler: autoscaler, outage: outage, score: "lognormal(p50=1ms, p99=2ms)")
        let w = S.fraudWorkload(rate: rate, spikes: [S.spike(at: 20, for: 15, times: 3)])
        return S.scenario("fraud-test", workload: w, pipelines: [p], seconds: seconds, warmUp: 5, seed: seed,
                          slos: [SLO(name: "decision", percentile: 99, strict: false, boundSeconds: 5, stage: nil)],
                          expectations: expectations)
    }

    static let run: ScenarioRunResult = try! ScenarioRunner.run(scenario(), reproducible: true)

    @Test func conservationBalancesAndTheRegionOutageMovesTraffic() throws {
        let run = Self.run
        let c = run.conservation
        #expect(c.balanced)
        #expect(c.generated == c.delivered + c.dropped + c.inFlight)
        let o = try #require(run.streaming?.pipelines.first)
        #expect(Int64(c.generated) == o.generated)
        // eu (30 %) is down for 10 of the 60 s (20 % of the arrivals fall in the spike before it): its share falls below 0.3.
        let eu = try #require(o.regions.first { $0.name == "eu" })
        let share = Double(eu.generated) / Double(o.generated)
        #expect(share > 0.2 && share < 0.28, "eu share \(share)")
        #expect(run.eventsSimulated > 0)
    }

    @Test func theAutoscalerScalesUpDuringTheSpikeAndDownAfterItInTheReport() throws {
        let run = Self.run
        let o = try #require(run.streaming?.pipelines.first)
        let ups = o.autoscalerActions.filter { $0.action.to > $0.action.from }
        #expect(ups.contains { $0.action.timeNanos >= 20_000_000_000 && $0.action.timeNanos <= 35_000_000_000 }, "\(o.autoscalerActions)")
        #expect(o.autoscalerActions.contains { $0.action.to < $0.action.from && $0.action.timeNanos > 35_000_000_000 }, "no scale-down after the spike")
        var r = run
        r.scenario.expectations = ["scaled up during spike", "scaled down after spike", "max parallelism <= 16", "max parallelism <= 1"]
            .map { S.expectation($0)! }
        #expect(ExpectationEvaluator.evaluate(r).map(\.passed) == [true, true, true, false])
        let md = MarkdownRendererProbe.markdown(run)
        #expect(md.contains("## Autoscaler"))
        let first = try #require(o.autoscalerActions.first)
        #expect(md.contains("| \(first.action.from) | \(first.action.to) | \(first.action.reason) |"), "the action's row")
        let json = RunReportJSON.build(run, version: "test", reproducible: true).serialized()
        #expect(json.contains("\"autoscaler_actions\""))
        #expect(json.contains(first.action.reason))
    }

    /// The same seed subtree run by the Platform directly (unstepped, no
    /// scenario code): the same decisions, so precision and recall in the
    /// report are the Platform's.
    @Test func precisionAndRecallEqualThoseOfThePlatformsDecisions() throws {
        let s = Self.scenario()
        let p = s.streaming[0]
        var c = p.configuration
        c.binWidthNanos = s.sampleEvery * 1000
        let tree = SeedTree(root: s.seed).replication(0).subtree("pipeline/" + p.name)
        let generator = WorkloadGenerator(workload: s.workload!, seed: SeedTree(root: s.seed).replication(0).seed(for: "input"), from: s.start, to: s.start + s.horizon)
        let input = CardTransactionInput(generator: generator, stream: c.stream, originMicros: s.start)!
        let direct = StreamingRun.run(c, input: input, fraudModel: S.fraudModel, horizonNanos: s.horizon * 1000,
                                      warmUpNanos: s.warmUp * 1000, seed: tree.seed(for: "model"))
        let o = try #require(Self.run.streaming?.pipelines.first)
        #expect(o.decisions == direct.decisions)
        #expect(direct.decisions.recall != nil)
        let recall = try #require(direct.decisions.recall), precision = try #require(direct.decisions.precision)
        let json = RunReportJSON.build(Self.run, version: "test", reproducible: true)
        let d = try #require(json["streaming"]?["jobs"]?[0]?["decisions"])
        #expect(d["recall"] == .number(recall))
        #expect(d["precision"] == .number(precision))
        #expect(o.generated == direct.conservation.generated)
        #expect(o.partitionRecords == direct.partitionRecords)
        let md = MarkdownRendererProbe.markdown(Self.run)
        #expect(md.contains("precision \(RunReportDocument.percent(precision)), recall \(RunReportDocument.percent(recall))"))
    }

    @Test func reportJSONHasEveryRequiredKey() throws {
        let json = RunReportJSON.build(Self.run, version: "test", reproducible: true)
        let required: [[String]] = [
            ["schema_version"], ["scenario"], ["seed"], ["slo", "met"],
            ["latency", "end_to_end", "p50_seconds"], ["latency", "end_to_end", "p95_seconds"], ["latency", "end_to_end", "p99_seconds"],
            ["latency", "end_to_end", "p999_seconds"], ["latency", "end_to_end", "max_seconds"], ["latency", "stages"],
            ["throughput", "peak_events_per_second"], ["lag", "max_records"],
            ["conservation", "generated"], ["conservation", "delivered"], ["conservation", "dropped"], ["conservation", "in_flight"],
            ["conservation", "balanced"], ["storage", "raw_bytes_per_day"], ["storage", "retained_bytes_by_tier"],
            ["cost", "monthly_usd", "gcp"], ["cost", "monthly_usd", "aws"], ["cost", "monthly_usd", "azure"],
            ["events_simulated"], ["wall_seconds"], ["streaming", "jobs"], ["streaming", "decisions", "recall"],
        ]
        for path in required {
            var node: JSONValue? = json
            for key in path { node = node.flatMap { $0[key] } }
            #expect(node != nil, "report.json lacks \(path.joined(separator: "."))")
        }
        #expect(json["wall_seconds"] == .number(0))
        #expect(json["slo"]?["met"] == .bool(true))
        // Stages named as the contract says, each with the percentiles.
        let stages = try #require(json["latency"]?["stages"]?.arrayValue)
        let names = stages.compactMap { $0["name"]?.stringValue }
        #expect(names == ["gateway", "produce", "kafka", "buffer", "dedup", "score", "sink"])
        for stage in stages { #expect(stage["p999_seconds"] != nil && stage["kind"] == .string("streaming")) }
        let job = try #require(json["streaming"]?["jobs"]?[0])
        for key in ["parallelism", "lag", "partitions", "autoscaler_actions", "drops_by_cause", "dead_letters_by_cause", "decisions",
                    "review", "sessions", "degraded_seconds", "broker_bytes_written", "measured_service_seconds", "regions"] {
            #expect(job[key] != nil, "streaming.jobs[0] lacks \(key)")
        }
    }

    /// Seed 42 twice (a smaller run: 200/s for 40 s): the same bytes; seed 43: other bytes.
    @Test func reportJSONIsByteIdenticalForASeedAndDiffersForAnother() throws {
        let s = Self.scenario(rate: 200, seconds: 40)
        let a = RunReportJSON.build(try ScenarioRunner.run(s, reproducible: true), version: "test", reproducible: true).serialized()
        let b = RunReportJSON.build(try ScenarioRunner.run(s, reproducible: true), version: "test", reproducible: true).serialized()
        let c = RunReportJSON.build(try ScenarioRunner.run(s, seed: 43, reproducible: true), version: "test", reproducible: true).serialized()
        #expect(a == b)
        #expect(a != c)
    }
}
