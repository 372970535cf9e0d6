import Foundation
import Testing
@testable import Experiment
import Platform
import Workloads

/// The `storage:` datasets of a streaming scenario are fed by a topic (the
/// raw records Kafka received) and by a job (its decisions); `storage <=`
/// and `cost.aws <=` expectations read them unchanged.
@Suite struct StreamingStorageTests {
    typealias S = StreamingScenarioSupport

    /// Seed 42: 300/s for 20 s; raw 1 KB records and 128-byte decisions.
    @Test func datasetsAreFedByTheTopicAndTheJob() throws {
        var s = S.scenario("storage", workload: S.cardWorkload(rate: 300), pipelines: [S.simplePipeline(tasks: 2, service: "fixed(200us)")],
                           seconds: 20, expectations: ["storage <= 1PB", "storage <= 1GB", "cost.aws <= 1000000 USD"])
        let datasets = [DatasetConfiguration(name: "raw", source: "events"), DatasetConfiguration(name: "decisions", source: "job")]
        s.storage = StorageSection(configuration: StorageConfiguration(datasets: datasets, clouds: ["gcp", "aws", "azure"]),
                                   feeds: [(sink: "events", eventBytes: 1_000), (sink: "job", eventBytes: 128)])
        let run = try ScenarioRunner.run(s, reproducible: true)
        let storage = try #require(run.storage)
        let o = try #require(run.streaming?.pipelines.first)
        let raw = try #require(storage.datasets.first { $0.dataset == "raw" })
        let decisions = try #require(storage.datasets.first { $0.dataset == "decisions" })
        // Every record appended to the topic over the 20 s horizon, per day; every decision likewise.
        let appended = Double(o.partitionRecords.reduce(0, +))
        #expect(abs(raw.recordsPerDay - appended / 20 * 86_400) < 1)
        #expect(abs(raw.rawBytesPerDay - appended * 1_000 / 20 * 86_400) < 1_000)
        #expect(abs(decisions.recordsPerDay - Double(o.delivered) / 20 * 86_400) < 1)
        #expect(run.rawBytesPerDay > 0 && run.storageBytes > 0)
        #expect(run.monthlyCost("aws")! > 0)
        #expect(ExpectationEvaluator.evaluate(run).map(\.passed) == [true, false, true])
        let json = RunReportJSON.build(run, version: "test", reproducible: true)
        #expect(json["storage"]?["raw_bytes_per_day"] == .number(run.rawBytesPerDay))
    }
}
