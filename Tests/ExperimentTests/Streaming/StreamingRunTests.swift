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
                           seconds: 60, expectations: ["lag drained within 30s", "drops == 0"])
        let run = try ScenarioRunner.run(s, reproducible: true)
        let o = try #require(run.streaming?.pipelines.first)
        let before = o.lag[0][5], peak = o.lag[0][19]
        // (1,600 − 1,000)/s for 10 s: about 6,000 records of lag at the spike's end.
        #expect(before < 500, "lag before the spike \(before)")
        #expect(peak > 4_000 && peak < 8_000, "lag at the spike's end \(peak)")
        let drain = try #require(run.drainSeconds.first ?? nil)
        // Spare capacity after the spike is 1,000 − 400 = 600/s: 6,000 records drain in about 10 s.
        #expect(drain > 5 && drain < 16, "drained after \(drain) s")
        #expect(o.drainSeconds.first! == drain)
        let outcomes = ExpectationEvaluator.evaluate(run)
        for o in outcomes { #expect(o.passed, "\(o.expectation.text): \(o.measured)") }
        let md = MarkdownRendererProbe.markdown(run)
        #expect(md.contains("lag back to the pre-spike level \(RunReportDocument.seconds(drain)) after its end"))
        #expect(run.conservation.balanced)
    }
}

/// Renders a run's report.md.
enum MarkdownRendererProbe {
    static func markdown(_ run: ScenarioRunResult) -> String {
        let files = RunReportFiles.files(run, version: "test", reproducible: true)
        return files.files.first { $0.name == "report.md" }?.content ?? ""
    }
}
