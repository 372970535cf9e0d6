/// Options shared by every `analyze` subcommand, the one-line stderr
/// summary, and the report of skipped bad rows.

import Analytics
import ArgumentParser
import Foundation

/// `--out` and `--skip-bad-rows`.
struct AnalyzeOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the CSV result to FILE (complete or not at all); stdout when omitted.", valueName: "FILE"))
    var out: String?

    @Flag(help: "Skip rows with a missing field or an unparsable value (counted, the first 5 shown) instead of failing.")
    var skipBadRows = false

    /// A writer to `--out` or stdout with `header` written.
    func writer(header: [String]) throws -> CSVWriter {
        let w = try CSVWriter(path: out)
        w.header(header)
        return w
    }

    /// A fresh bad-row log following `--skip-bad-rows`.
    var badRowLog: BadRowLog { BadRowLog(skipsBadRows: skipBadRows) }

    /// Where the output went, for the summary.
    var destination: String { out ?? "stdout" }

    /// Prints the skipped rows (if any), then `summary`, to stderr.
    func report(_ summary: String, badRows: BadRowLog) {
        for line in badRows.reportLines { AnalyzeOutputOptions.printError(line) }
        let skipped = badRows.count > 0 ? "; \(badRows.count) bad row\(badRows.count == 1 ? "" : "s") skipped" : ""
        AnalyzeOutputOptions.printError(summary + skipped)
    }

    /// Writes `line` and a newline to stderr.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Parsing of the time and date flags of `analyze`.
enum AnalyzeValues {
    /// A non-negative length of time (`30m`, `1h`, `90s`) in microseconds.
    static func microseconds(_ text: String, flag: String) throws -> Int64 {
        let micros: Double
        do {
            micros = try TimeSpanText.seconds(text, flag: flag) * 1_000_000
        }
        guard micros.isFinite, micros >= 0, micros < 9e18 else {
            throw ValidationError("invalid \(flag): \"\(text)\" is out of range")
        }
        return Int64(micros.rounded())
    }

    /// A `YYYY-MM-DD` date.
    static func date(_ text: String, flag: String) throws -> CivilDate {
        guard let d = CivilDate.parse(text) else {
            throw ValidationError("invalid \(flag): expected a date YYYY-MM-DD such as 2024-03-31, got \"\(text)\"")
        }
        return d
    }
}
