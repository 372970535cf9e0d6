/// `headroom check SCENARIO...`: run each scenario, evaluate its `expect:`
/// block, print one line per expectation, exit 1 when any fails; JUnit XML
/// for CI with `--junit FILE`; `--reports DIR` also writes each report
/// (reproducible) for comparison with the committed ones.

import ArgumentParser
import Experiment
import Foundation

/// `headroom check`.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run scenarios and check their `expect:` blocks; exit 1 when any expectation fails.",
        discussion: "Directories are searched for *.yaml. A scenario that does not load, or whose conservation does not balance, fails. "
            + "Queueing networks and streaming scenarios alike; streaming scenarios also accept `recall >= 50%`, `precision >= 10%`, "
            + "`dead_letters <= 1%`, `lag <= 100k`, `max parallelism <= 64`, `hot_partitions == 0`, `review_backlog <= 500`, "
            + "`scaled up during spike`, `scaled down after spike`, `review backlog drained`."
    )

    @Argument(help: "Scenario files or directories.") var scenarios: [String]
    @Option(help: "Write JUnit XML here (written to a temporary file and renamed).") var junit: String?
    @Flag(help: "Only the failures and the final count.") var quiet = false
    @Option(help: ArgumentHelp("Also write each scenario's report to DIR/<scenario name>/, made with --reproducible (0 wall seconds), so CI can compare them with the committed ones without running twice.", valueName: "DIR"))
    var reports: String?

    public init() {}

    public func run() throws {
        let files: [String]
        do { files = try ScenarioLoading.expand(scenarios) } catch let f as ScenarioFailure {
            ScenarioLoading.err(f.description); throw ExitCode(1)
        }
        var suites: [JUnitSuite] = []
        var failed = 0, passed = 0
        for file in files {
            do {
                let scenario = try ScenarioLoading.load(file, quiet: quiet)
                let progress = RunProgress(enabled: !quiet && isatty(STDERR_FILENO) == 1, label: scenario.name)
                let result = try ScenarioRunner.run(scenario, reproducible: reports != nil, progress: progress.update)
                progress.finish()
                if let reports {
                    let directory = URL(fileURLWithPath: reports).appendingPathComponent(scenario.name)
                    try RunReportFiles.write(result, to: directory, version: HeadroomVersion.string, reproducible: true)
                }
                let outcomes = ExpectationEvaluator.evaluate(result)
                let suite = JUnitSuite(run: result, outcomes: outcomes)
                for c in suite.cases {
                    if let failure = c.failure {
                        failed += 1
                        print("FAIL \(scenario.name): \(c.name) — \(failure)")
                    } else {
                        passed += 1
                        if !quiet { print("pass \(scenario.name): \(c.name)") }
                    }
                }
                suites.append(suite)
            } catch let f as ScenarioFailure {
                failed += 1
                print("FAIL \(file): does not load")
                ScenarioLoading.err(f.description)
                suites.append(JUnitSuite(name: file, cases: [("load scenario", f.description, true)], seconds: 0))
            } catch {
                failed += 1
                print("FAIL \(file): \(error)")
                suites.append(JUnitSuite(name: file, cases: [("run scenario", "\(error)", true)], seconds: 0))
            }
        }
        if let junit {
            let url = URL(fileURLWithPath: junit)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
            do {
                try Data(JUnitReport.xml(suites).utf8).write(to: temporary)
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                try FileManager.default.moveItem(at: temporary, to: url)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                ScenarioLoading.err("cannot write --junit \(junit): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        print("\(passed) passed, \(failed) failed (\(files.count) scenario\(files.count == 1 ? "" : "s"))")
        if failed > 0 { throw ExitCode(1) }
    }
}
