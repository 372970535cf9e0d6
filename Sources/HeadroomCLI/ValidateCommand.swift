/// `headroom validate SCENARIO...`: every error of each file at once, with
/// warnings for configurations that cannot work; `--schema` prints the JSON
/// Schema for editors.

import ArgumentParser
import Experiment
import Foundation

/// `headroom validate`.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: every error with file:line:column, the field, what was expected; warnings for what cannot work.",
        discussion: "Exit status 0 when every file is valid (warnings allowed), 1 otherwise. Directories are searched for *.yaml."
    )

    @Argument(help: "Scenario files or directories.") var scenarios: [String] = []
    @Flag(help: "Print the JSON Schema of scenario files (Scenarios/schema.json) and exit.") var schema = false
    @Flag(help: "Print the field tables of Scenarios/README.md (Markdown) and exit.") var fieldTables = false

    public init() {}

    public func validate() throws {
        if !schema, !fieldTables, scenarios.isEmpty { throw ValidationError("name at least one scenario file (or use --schema)") }
    }

    public func run() throws {
        if schema { print(ScenarioSchema.json().serialized(), terminator: ""); return }
        if fieldTables { print(ScenarioFieldTables.markdown(), terminator: ""); return }
        var failed = 0
        let files: [String]
        do { files = try ScenarioLoading.expand(scenarios) } catch let f as ScenarioFailure {
            ScenarioLoading.err(f.description); throw ExitCode(1)
        }
        for file in files {
            do {
                let s = try ScenarioLoading.load(file)
                print("\(file): valid (\(s.streaming.isEmpty ? "\(s.components.count) components" : "\(s.streaming.count) stream job\(s.streaming.count == 1 ? "" : "s")"), \(s.expectations.count) expectations, \(s.warnings.count) warning\(s.warnings.count == 1 ? "" : "s"))")
            } catch let f as ScenarioFailure {
                ScenarioLoading.err(f.description)
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
