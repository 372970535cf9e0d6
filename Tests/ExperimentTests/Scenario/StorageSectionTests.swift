import Foundation
import Testing
@testable import Experiment

/// `storage:` turns what the sinks received into bytes per day, retained
/// bytes by tier and monthly cost, checked against closed-form arithmetic.
@Suite struct StorageSectionTests {
    /// Exactly 10 records/s (constant gaps of 100 ms), 1 KB each, stored as JSON with ratio 1:
    /// raw = 10 × 1000 B × 86,400 s = 864 MB a day; stored per day over the layers
    /// = 864 MB × (1 + 0.6 + 0.6 × 0.05) = 1.4083 GB; kept 365 days → 514 GB in steady state.
    static let text = """
        name: storage-arithmetic
        horizon: 10m
        components:
          a: {kind: source, interarrival: 100ms, to: s}
          s: {kind: station, service: 1ms, to: d}
          d: {kind: sink}
        storage:
          retention: 365d
          datasets:
            events: {sink: d, event_size: 1KB, format: json, compression_ratio: 1}
        expect: ["storage <= 600GB", "cost.aws <= 100 USD"]
        """

    @Test func sinkDeliveriesBecomeBytesPerDayAndRetainedBytes() throws {
        let s = try ScenarioFile.decode(text: StorageSectionTests.text, file: "storage.yaml")
        let run = try ScenarioRunner.run(s, reproducible: true)
        let storage = try #require(run.storage)
        #expect(abs(run.rawBytesPerDay - 8.64e8) / 8.64e8 < 0.002, "raw per day \(run.rawBytesPerDay)")
        let steady = 8.64e8 * 1.63 * 365
        #expect(abs(run.storageBytes - steady) / steady < 0.02, "retained \(run.storageBytes) vs \(steady); by tier \(run.retainedBytesByTier)")
        #expect(run.retainedBytesByTier.map(\.tier) == ["hot", "infrequent", "archive"])
        #expect(storage.datasets.first?.compressionRatio == 1)
        for cloud in ["gcp", "aws", "azure"] { #expect((run.monthlyCost(cloud) ?? 0) > 0, "\(cloud) has no storage cost") }
        let outcomes = ExpectationEvaluator.evaluate(run)
        for o in outcomes { #expect(o.passed, "\(o.expectation.text): \(o.measured)") }
        let json = RunReportJSON.build(run, version: "t", reproducible: true)
        #expect(json["storage"]?["raw_bytes_per_day"] == .number(run.rawBytesPerDay))
    }

    @Test func datasetFedByAnUnknownSinkNamesBothEnds() throws {
        let text = StorageSectionTests.text.replacingOccurrences(of: "{sink: d,", with: "{sink: dd,")
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.decode(text: text, file: "s.yaml") }
        let issue = try #require(errors.issues.first)
        #expect(issue.line == 10 && issue.path == "storage.datasets.events.sink", "\(errors)")
        #expect(issue.message.contains("dataset `events` is fed by `dd`, which is not a sink (did you mean `d`?)"), "\(errors)")
    }

    @Test func lifecycleAgesMustIncrease() throws {
        let text = StorageSectionTests.text.replacingOccurrences(of: "retention: 365d", with: "retention: 60d")
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.decode(text: text, file: "s.yaml") }
        #expect(errors.issues.contains { $0.path == "storage" && $0.message.contains("archive_after (90 d) < retention (60 d)") }, "\(errors)")
    }
}
