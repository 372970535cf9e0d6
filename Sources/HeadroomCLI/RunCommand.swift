/// `headroom run SCENARIO`: simulate a scenario, print a summary table,
/// and write its report directory (report.md, report.html, report.json,
/// timeseries.csv) all at once.

import ArgumentParser
import Experiment
import Foundation

/// `headroom run`.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its report (Reports/<scenario>/report.md, .html, .json, timeseries.csv).",
        discussion: """
            A scenario is a queueing network (`components:`) or a streaming scenario (`streaming:`: \
            gateways, Kafka, stream jobs with the real fraud-score/sessionize/dedup code, review queue). \
            A streaming report adds consumer lag and its drain after each spike, partitions and the hot \
            ones, drops and dead letters by cause, autoscaler actions, fraud precision/recall, the review \
            backlog and sessions; report.json gains a `streaming` object, and partitions.csv is written.

            The same scenario and seed give byte-identical report.json, report.md and CSV, except \
            wall_seconds (the measured wall time). --reproducible writes 0 there and says so in the \
            report: the committed reports under Reports/ are made that way so that they regenerate exactly.
            """
    )

    @Argument(help: "The scenario file (YAML).") var scenario: String
    @Option(help: "Root seed (default: the scenario's `seed:`).") var seed: UInt64?
    @Option(help: "The report directory (default: Reports/<scenario name>).") var out: String?
    @Flag(help: "No progress line and no summary table.") var quiet = false
    @Flag(help: "Record 0 wall seconds so that the whole report is a function of the scenario and seed.") var reproducible = false

    public init() {}

    public func run() throws {
        do {
            let loaded = try ScenarioLoading.load(scenario, quiet: quiet)
            let progress = RunProgress(enabled: !quiet && isatty(STDERR_FILENO) == 1, label: loaded.name)
            let result = try ScenarioRunner.run(loaded, seed: seed, reproducible: reproducible, progress: progress.update)
            progress.finish()
            let directory = URL(fileURLWithPath: out ?? "Reports/\(loaded.name)")
            try RunReportFiles.write(result, to: directory, version: HeadroomVersion.string, reproducible: reproducible)
            if !quiet { print(RunReportFiles.summary(result) + "report: \(directory.path)/report.md", terminator: "\n") }
            guard result.conservation.balanced else {
                throw ScenarioFailure("conservation does not balance: the run's numbers cannot be trusted")
            }
        } catch let failure as ScenarioFailure {
            ScenarioLoading.err(failure.description)
            throw ExitCode(failure.code)
        }
    }
}
