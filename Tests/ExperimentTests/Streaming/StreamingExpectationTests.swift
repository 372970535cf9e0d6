import Foundation
import Testing
@testable import Experiment
import Platform
import Workloads

/// The streaming expectations: each form parses (and bad ones fail with a
/// clear message), and each passes on a run where it holds and fails on one
/// where it does not.
@Suite(.serialized) struct StreamingExpectationTests {
    typealias S = StreamingScenarioSupport

    @Test func everyStreamingFormParses() throws {
        let cases: [(String, Experiment.Expectation.Check)] = [
            ("recall >= 50%", .compare(metric: .recall, stage: nil, op: .atLeast, target: .value(0.5))),
            ("precision[scoring] >= 10%", .compare(metric: .precision, stage: "scoring", op: .atLeast, target: .value(0.1))),
            ("dead_letters == 0", .compare(metric: .deadLetters, stage: nil, op: .equals, target: .value(0))),
            ("dead_letters[sessions] <= 1%", .compare(metric: .deadLetters, stage: "sessions", op: .atMost, target: .share(0.01))),
            ("drops <= 0.1%", .compare(metric: .drops, stage: nil, op: .atMost, target: .share(0.001))),
            ("lag <= 100k", .compare(metric: .lag, stage: nil, op: .atMost, target: .value(100_000))),
            ("lag[scoring] < 1.5M", .compare(metric: .lag, stage: "scoring", op: .below, target: .value(1_500_000))),
            ("max parallelism <= 64", .compare(metric: .maxParallelism, stage: nil, op: .atMost, target: .value(64))),
            ("max_parallelism[scoring] <= 64", .compare(metric: .maxParallelism, stage: "scoring", op: .atMost, target: .value(64))),
            ("hot_partitions == 0", .compare(metric: .hotPartitions, stage: nil, op: .equals, target: .value(0))),
            ("review_backlog <= 500", .compare(metric: .reviewBacklog, stage: nil, op: .atMost, target: .value(500))),
            ("scaled up during spike", .scaled(up: true)),
            ("scaled up during spikes", .scaled(up: true)),
            ("scaled down after spike", .scaled(up: false)),
            ("review backlog drained", .reviewBacklogDrained),
        ]
        for (text, check) in cases {
            let e = try #require(S.expectation(text), "\(text) does not parse: \(S.expectationError(text) ?? "")")
            #expect(e.check == check, "\(text)")
        }
    }

    @Test func badStreamingFormsFailWithTheReason() throws {
        let cases: [(String, String)] = [
            ("recall >= 150%", "is not a fraction such as 85%"),
            ("hot_partitions <= 5%", "`hot_partitions` is a count, not a share"),
            ("dead_letters <= 120%", "is not a share between 0% and 100%"),
            ("lag <= 1.5k5", "is not a whole number"),
            ("scaled sideways during spike", "is not an autoscaler expectation"),
            ("review backlog empty", "is not a review-queue expectation"),
            ("recal >= 50%", "unknown metric `recal` (did you mean `recall`?)"),
        ]
        for (text, message) in cases {
            #expect(S.expectation(text) == nil, "\(text) parsed")
            let error = S.expectationError(text) ?? ""
            #expect(error.contains(message), "\(text): \(error)")
        }
    }

    /// One run (seed 42, 2 tasks of 2 ms against 400/s with a 4× spike from 10 s to 20 s, no autoscaler) against the
    /// same run with an autoscaler: each expectation holds on one and not on the other, or by its bound.
    @Test func streamingExpectationsPassAndFail() throws {
        let spike = S.spike(at: 10, for: 10, times: 4)
        var auto = S.simplePipeline(tasks: 2)
        auto.configuration.job.autoscaler = AutoscalerConfiguration(targetUtilization: 0.7, metricWindowNanos: 3_000_000_000,
                                                                    stabilizationNanos: 10_000_000_000, restartPauseNanos: 500_000_000,
                                                                    minParallelism: 1, maxParallelism: 8)
        let texts = ["scaled up during spike", "max parallelism <= 2", "lag <= 100k", "lag <= 1k", "lag[job] <= 1k", "drops == 0",
                     "dead_letters <= 0.5%", "recall >= 50%", "review backlog drained", "hot_partitions == 0", "max_parallelism[nojob] <= 2"]
        func outcomes(_ p: StreamingPipeline) throws -> [Bool] {
            let s = S.scenario("x", workload: S.cardWorkload(rate: 400, spikes: [spike]), pipelines: [p], seconds: 45, expectations: texts)
            return ExpectationEvaluator.evaluate(try ScenarioRunner.run(s, reproducible: true)).map(\.passed)
        }
        let fixed = try outcomes(S.simplePipeline(tasks: 2))
        let scaled = try outcomes(auto)
        // No fraud operator: recall was not measured; no review queue: nothing drained; an unknown job fails.
        #expect(fixed == [false, true, true, false, false, true, true, false, false, true, false])
        #expect(scaled == [true, false, true, scaled[3], scaled[4], true, true, false, false, true, false])
        #expect(scaled[3] == scaled[4])
    }

    /// The fraud run of ``StreamingFraudScenarioTests``: recall and precision bounds either side of the measured values,
    /// and the review queue (2 reviewers at 20 s a case) against its measured backlog.
    @Test func fraudAndReviewExpectationsPassAndFailByTheirBounds() throws {
        let run = StreamingFraudScenarioTests.run
        let o = try #require(run.streaming?.pipelines.first)
        let recall = try #require(o.decisions.recall), precision = try #require(o.decisions.precision)
        func pct(_ v: Double) -> String { String(format: "%.4f%%", v * 100) }
        var s = run.scenario
        s.expectations = ["recall >= \(pct(recall * 0.99))", "recall >= \(pct(Swift.min(1, recall * 1.01 + 0.0001)))",
                          "precision <= \(pct(Swift.min(1, precision * 1.01 + 0.0001)))", "precision < \(pct(precision * 0.99))",
                          "review_backlog <= \(o.review.maxBacklog)", "review_backlog < \(o.review.maxBacklog)", "review backlog drained"]
            .map { S.expectation($0)! }
        var r = run
        r.scenario = s
        let passed = ExpectationEvaluator.evaluate(r).map(\.passed)
        #expect(Array(passed.prefix(6)) == [true, recall >= 0.9999, true, false, true, o.review.maxBacklog == 0])
        #expect(passed[1] == false || recall == 1)
        #expect(passed[6] == (o.reviewBacklogAtEnd == 0))
        #expect(o.review.cases > 0)
    }
}
