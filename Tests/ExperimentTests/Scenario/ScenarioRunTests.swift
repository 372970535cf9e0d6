import Foundation
import Testing
@testable import Experiment
import Reporting

/// The validation scenarios agree with queueing theory; a seed reproduces
/// report.json byte for byte; the committed reports regenerate exactly.
@Suite(.serialized) struct ScenarioRunTests {
    /// The package root (Tests/ExperimentTests/Scenario/ is three levels down).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ relative: String) throws -> Scenario {
        try ScenarioFile.load(path: root.appendingPathComponent(relative).path)
    }

    static let validation = ["Scenarios/validation/mm1.yaml", "Scenarios/validation/mmc.yaml", "Scenarios/validation/tandem.yaml",
                             "Scenarios/validation/split.yaml"]

    /// Seeds 20261201-20261204 (in the files): every `~ analytic` holds, and
    /// independently of the expectation code, the M/M/1 mean sojourn is
    /// within 5% of 1/(μ − λ) = 5 s.
    @Test(arguments: validation) func validationScenarioAgreesWithTheory(_ file: String) throws {
        let s = try ScenarioRunTests.scenario(file)
        let run = try ScenarioRunner.run(s, reproducible: true)
        let outcomes = ExpectationEvaluator.evaluate(run)
        #expect(!outcomes.isEmpty)
        for o in outcomes { #expect(o.passed, "\(file): \(o.expectation.text): \(o.measured); \(o.required)") }
        #expect(run.conservation.balanced)
        if s.name == "validation-mm1" {
            let w = try #require(run.estimate(.meanSojourn, stage: "server")).value
            #expect(abs(w - 5) / 5 < 0.05, "W = \(w)")
        }
    }

    /// A wrong theory must fail: the same M/M/1 run against an M/M/1 at ρ = 0.7 (W = 3.33 s) is outside the CI.
    @Test func aWrongAnalyticValueFails() throws {
        let s = try ScenarioRunTests.scenario("Scenarios/validation/mm1.yaml")
        var run = try ScenarioRunner.run(s, reproducible: true)
        run.analytics.stages[0].values["mean_sojourn"] = 1 / (1 - 0.7)
        let outcome = try #require(ExpectationEvaluator.evaluate(run).first { $0.expectation.text == "mean_sojourn[server] ~ analytic" })
        #expect(!outcome.passed)
    }

    /// Seed 99 given on the "command line": two runs, the same bytes; another seed, other bytes.
    @Test func reportJSONIsByteIdenticalForASeed() throws {
        let s = try ScenarioRunTests.scenario("Scenarios/validation/tandem.yaml")
        let a = RunReportJSON.build(try ScenarioRunner.run(s, seed: 99, reproducible: true), version: "test", reproducible: true).serialized()
        let b = RunReportJSON.build(try ScenarioRunner.run(s, seed: 99, reproducible: true), version: "test", reproducible: true).serialized()
        let c = RunReportJSON.build(try ScenarioRunner.run(s, seed: 100, reproducible: true), version: "test", reproducible: true).serialized()
        #expect(a == b)
        #expect(a != c)
        for key in ["\"schema_version\"", "\"slo\"", "\"p999_seconds\"", "\"peak_events_per_second\"", "\"max_records\"",
                    "\"balanced\"", "\"raw_bytes_per_day\"", "\"retained_bytes_by_tier\"", "\"azure\"", "\"events_simulated\"", "\"wall_seconds\""] {
            #expect(a.contains(key), "report.json lacks \(key)")
        }
    }

    /// Every committed report under Reports/validation-* is what `headroom run --reproducible` writes now.
    @Test(arguments: validation) func committedReportRegeneratesExactly(_ file: String) throws {
        let s = try ScenarioRunTests.scenario(file)
        let run = try ScenarioRunner.run(s, reproducible: true)
        let files = RunReportFiles.files(run, version: "0.1.0", reproducible: true)
        let directory = ScenarioRunTests.root.appendingPathComponent("Reports/\(s.name)")
        for (name, content) in files.files {
            let committed = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(committed == content, "Reports/\(s.name)/\(name) differs from a fresh run: regenerate with headroom run FILE --reproducible")
        }
    }

    /// A failed write leaves the previous report: writing into an unwritable place throws and creates nothing.
    @Test func aFailedReportWriteLeavesNothing() throws {
        let s = try ScenarioRunTests.scenario("Scenarios/validation/mm1.yaml")
        var short = s
        short.horizon = 600_000_000
        short.warmUp = 0
        short.replications = 2
        short.expectations = []
        let run = try ScenarioRunner.run(short, reproducible: true)
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-blocker-\(getpid())")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        #expect(throws: (any Error).self) { try RunReportFiles.write(run, to: blocker.appendingPathComponent("report"), version: "t", reproducible: true) }
        #expect(!FileManager.default.fileExists(atPath: blocker.appendingPathComponent("report").path))
    }
}
