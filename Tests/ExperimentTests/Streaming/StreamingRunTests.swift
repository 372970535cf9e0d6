import Foundation
import Testing
@testable import Experiment
import Platform
import Workloads

/// `headroom run` on streaming scenarios: the mapping onto the run's
/// shapes, conservation, lag and its drain, the autoscaler, hot partitions,
/// fraud precision and recall, sessions.
@Suite(.serialized) struct StreamingRunTests {
    typealias S = StreamingScenarioSupport

    /// Seed 42: a 4× spike on a job at 2 tasks × 500/s (1,600/s offered against 1,000/s of capacity)
    /// builds lag during the spike that drains after it; the report says when.
    @Test func aSpikeWithTooFewTasksBuildsLagThatDrains() throws {
        let spike = S.spike(at: 10, for: 10, times: 4)
        let s = S.scenario("spike", workload: S.cardWorkload(rate: 400, spikes: [spike]), pipelines: [S.simplePipeline(tasks: 2)],
                           seconds: 60, expectations: ["lag drained within 30s", "drops == 0", "throughput held", "p99 <= 30s", "lag <= 100k"])
        let run = try ScenarioRunner.run(s, reproducible: true)
        let o = try #require(run.streaming?.pipelines.first)
        let before = o.lag[0][5], peak = o.lag[0][19]
        // (1,600 − 1,000)/s for 10 s: about 6,000 records of lag at the spike's end.
        #expect(before < 500, "lag before the spike \(before)")
        #expect(peak > 4_000 && peak < 8_000, "lag at the spike's end \(peak)")
        let drain = try #require(run.drainSeconds.first ?? nil)
        // Spare capacity after the spike is 1,000 − 400 = 600/s: 6,000 records drain in about 10 s.
        let predicted = peak / (1_000 - 400)
        #expect(abs(drain - predicted) <= 1 + 0.2 * predicted, "drained after \(drain) s, spare capacity predicts \(predicted) s")
        #expect(o.drainSeconds.first! == drain)
        let outcomes = ExpectationEvaluator.evaluate(run)
        for o in outcomes { #expect(o.passed, "\(o.expectation.text): \(o.measured)") }
        let md = MarkdownRendererProbe.markdown(run)
        #expect(md.contains("lag back to the pre-spike level \(RunReportDocument.seconds(drain)) after its end"))
        #expect(run.conservation.balanced)
    }

    /// Stepping the Platform run in sample intervals (for the progress bar) changes nothing; progress reaches its total.
    @Test func progressStepsChangeNothingAndReachTheTotal() throws {
        let p = S.simplePipeline(tasks: 2)
        let w = S.cardWorkload(rate: 300, spikes: [S.spike(at: 3, for: 3, times: 3)])
        func input() -> CardTransactionInput {
            CardTransactionInput(generator: WorkloadGenerator(workload: w, seed: 5, from: S.origin, to: S.origin + 10_000_000),
                                 stream: "card_transactions", originMicros: S.origin)!
        }
        let whole = StreamingRun.run(p.configuration, input: input(), fraudModel: nil, horizonNanos: 10_000_000_000, warmUpNanos: 2_000_000_000, seed: 9)
        var calls: [Int64] = []
        let stepped = StreamingRun.run(p.configuration, input: input(), fraudModel: nil, horizonNanos: 10_000_000_000, warmUpNanos: 2_000_000_000,
                                       seed: 9, stepNanos: 700_000_000) { calls.append($0) }
        #expect(whole == stepped)
        #expect(calls.count == 15 && calls.last == 10_000_000_000 && calls == calls.sorted())

        let s = S.scenario("progress", workload: w, pipelines: [p], seconds: 10, replications: 2)
        var seen: [(Int, Int)] = []
        _ = try ScenarioRunner.run(s, reproducible: true) { seen.append(($0, $1)) }
        #expect(seen.last.map { $0.0 == $0.1 } == true)
        #expect(seen.map(\.0) == seen.map(\.0).sorted())
        #expect(seen.first?.1 == 20)
    }

    /// Two replications (seed 42): independent streams, counts summed, the estimates' confidence intervals, and actions tagged by replication.
    @Test func replicationsAreIndependentAndSummed() throws {
        let s = S.scenario("reps", workload: S.cardWorkload(rate: 300), pipelines: [S.simplePipeline(tasks: 2, service: "fixed(500us)")],
                           seconds: 10, warmUp: 2, replications: 2)
        let run = try ScenarioRunner.run(s, reproducible: true)
        #expect(run.replications.count == 2)
        let g = run.replications.map(\.conservation.generated)
        #expect(g[0] != g[1])
        #expect(run.conservation.generated == g[0] + g[1])
        #expect(run.streaming?.pipelines.first?.generated == Int64(g[0] + g[1]))
        #expect(run.streaming?.pipelines.first?.lag.count == 2)
        let p99 = try #require(run.estimate(.p99, stage: "kafka"))
        #expect(p99.interval != nil)
        let t = try #require(run.estimate(.throughput, stage: nil))
        #expect(abs(t.value - 300) < 30, "throughput \(t.value)")
        #expect(run.conservation.balanced)
    }

    /// A streaming scenario that cannot run is a thrown error naming the field, never a crash.
    @Test func badStreamingScenariosThrowNamedErrors() throws {
        var noWorkload = S.scenario("bad", workload: S.cardWorkload(rate: 100), pipelines: [S.simplePipeline()], seconds: 5)
        noWorkload.workload = nil
        #expect(throws: PlatformError.self) { try ScenarioRunner.run(noWorkload) }
        var wrongStream = S.simplePipeline()
        wrongStream.configuration.stream = "clicks"
        let e1 = #expect(throws: PlatformError.self) {
            try ScenarioRunner.run(S.scenario("bad", workload: S.cardWorkload(rate: 100), pipelines: [wrongStream], seconds: 5))
        }
        #expect(e1?.field == "streaming.job.stream")
        var tooMany = S.simplePipeline()
        tooMany.configuration.job.parallelism = 0
        let e2 = #expect(throws: PlatformError.self) {
            try ScenarioRunner.run(S.scenario("bad", workload: S.cardWorkload(rate: 100), pipelines: [tooMany], seconds: 5))
        }
        #expect(e2?.field == "streaming.job")
        var noModel = S.fraudPipeline()
        noModel.configuration.fraudModel = nil
        let e3 = #expect(throws: PlatformError.self) {
            try ScenarioRunner.run(S.scenario("bad", workload: S.fraudWorkload(rate: 100), pipelines: [noModel], seconds: 5))
        }
        #expect(e3?.field.hasPrefix("streaming.fraud-scoring") == true)
        #expect(e3?.message.contains("model") == true, "\(e3?.message ?? "")")
        let payments = StreamSpec(name: "payments", kind: .payments, rate: RateCurve(base: 10), keys: KeyPopularity(count: 100, exponent: 0))
        var w = S.cardWorkload(rate: 100)
        w.streams.append(payments)
        var paymentJob = S.simplePipeline()
        paymentJob.configuration.stream = "payments"
        let e4 = #expect(throws: PlatformError.self) { try ScenarioRunner.run(S.scenario("bad", workload: w, pipelines: [paymentJob], seconds: 5)) }
        #expect(e4?.message.contains("card_transactions, page_views, bets, logins or results") == true, "\(e4?.message ?? "")")
    }
}

/// Renders a run's report.md.
enum MarkdownRendererProbe {
    static func markdown(_ run: ScenarioRunResult) -> String {
        let files = RunReportFiles.files(run, version: "test", reproducible: true)
        return files.files.first { $0.name == "report.md" }?.content ?? ""
    }
}
