/// Runs `headroom analyze ...` in-process and reports what a shell would see.

import ArgumentParser
@testable import HeadroomCLI

/// The outcome of one in-process command run.
struct CommandOutcome {
    /// Exit status: 0 on success.
    var exitCode: Int32
    /// The error message printed on failure ("" on success).
    var message: String
}

/// Parses and runs `headroom <arguments>`.
func runHeadroom(_ arguments: [String]) -> CommandOutcome {
    do {
        var command = try HeadroomCommand.parseAsRoot(arguments)
        try command.run()
        return CommandOutcome(exitCode: 0, message: "")
    } catch {
        return CommandOutcome(exitCode: HeadroomCommand.exitCode(for: error).rawValue,
                              message: HeadroomCommand.message(for: error))
    }
}
