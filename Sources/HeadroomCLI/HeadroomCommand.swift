/// The root of the `headroom` command tree.
///
/// Every subcommand is a `ParsableCommand` struct in this module, so commands
/// can be run and tested in-process; the `headroom` executable only calls
/// ``HeadroomCommand/main()``.

import ArgumentParser

/// `headroom`: simulation and capacity planning for event-driven data platforms.
public struct HeadroomCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "headroom",
        abstract: "Simulate and size event-driven data platforms: will the design hold at peak, how fast does it answer, what does it cost?",
        discussion: """
            Every run is reproducible from its seed. Run `headroom help <command>` \
            for the options of one command.
            """,
        version: HeadroomVersion.string,
        subcommands: [
            SampleCommand.self,
            SizeCommand.self,
            QuizCommand.self,
            QueueCommand.self,
            BenchCommand.self,
            AnalyzeCommand.self,
            TrainCommand.self,
            GenerateCommand.self,
            RunCommand.self,
            CheckCommand.self,
            ValidateCommand.self,
        ]
    )

    public init() {}
}

/// The version printed by `--version` and in every report.
public enum HeadroomVersion {
    /// Semantic version of the headroom tool and its report schema.
    public static let string = "0.1.0"
}
