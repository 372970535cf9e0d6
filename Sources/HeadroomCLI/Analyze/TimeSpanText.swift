/// The time flags of `analyze` (`--gap 30m`, `--allowed-lateness 1h`) read
/// with Planning's unit rules, errors turned into command-line messages.

import ArgumentParser
import Planning

/// Lengths of time given on the command line.
enum TimeSpanText {
    /// Seconds in `text` (`250ms`, `30m`, `2h`); throws a message naming `flag`.
    static func seconds(_ text: String, flag: String) throws -> Double {
        do {
            return try TimeSpan.parse(text, field: flag).seconds
        } catch let error as PlanningError {
            throw ValidationError(CLIValues.message(error))
        }
    }
}
