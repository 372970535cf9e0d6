import Testing

/// Bad input to every `analyze` command: a clear error naming file, line and
/// column, a non-zero exit status, and no output file left behind.
@Suite("analyze bad input")
struct AnalyzeBadInputTests {
    static let eventsHeader = "user_id,event_ts,page,event_type\n"

    /// Runs `analyze sessions` on `contents` and checks the failure.
    func expectFailure(_ contents: String, file: String = "events.csv", extra: [String] = [],
                       command: [String] = ["analyze", "sessions", "--events"],
                       mentions: [String]) {
        let dir = TemporaryDirectory()
        let input = dir.write(file, contents)
        let out = dir.path + "/out.csv"
        let outcome = runHeadroom(command + [input, "--out", out] + extra)
        #expect(outcome.exitCode != 0, "\(contents)")
        for m in mentions { #expect(outcome.message.contains(m), "\(outcome.message) should mention \(m)") }
        #expect(dir.files() == [file], "no output file may be left behind: \(dir.files())")
    }

    @Test("empty file")
    func emptyFile() {
        expectFailure("", mentions: ["events.csv, line 1", "header"])
    }

    @Test("header only")
    func headerOnly() {
        expectFailure(Self.eventsHeader, mentions: ["events.csv, line 2", "at least one data row"])
    }

    @Test("missing required column")
    func missingColumn() {
        expectFailure("user_id,page,event_type\nu,/a,view\n", mentions: ["events.csv, line 1, column event_ts"])
    }

    @Test("malformed timestamp on line N names that line and the column")
    func malformedTimestampOnLineN() {
        let rows = (0..<6).map { "u,2024-03-01 10:0\($0):00,/a,view\n" }.joined()
        expectFailure(Self.eventsHeader + rows + "u,2024-03-01 25:00:00,/a,view\n",
                      mentions: ["events.csv, line 8, column event_ts", "ISO 8601", "\"2024-03-01 25:00:00\""])
    }

    @Test("a row with too few fields names the missing column")
    func shortRow() {
        expectFailure(Self.eventsHeader + "u,2024-03-01 10:00:00\n", mentions: ["line 2, column page"])
    }

    @Test("--skip-bad-rows skips the bad row and writes the rest")
    func skipBadRows() {
        let dir = TemporaryDirectory()
        let input = dir.write("events.csv", Self.eventsHeader + "u,2024-03-01 10:00:00,/a,view\nu,not a time,/a,view\n,2024-03-01 10:00:00,/a,view\n")
        let outcome = runHeadroom(["analyze", "sessions", "--events", input, "--out", dir.path + "/out.csv", "--skip-bad-rows"])
        #expect(outcome.exitCode == 0, "\(outcome.message)")
        let text = dir.read("out.csv") ?? ""
        #expect(text.split(separator: "\n").count == 2, "\(text)")
    }

    @Test("a bad --gap names the flag")
    func badGap() {
        let dir = TemporaryDirectory()
        let input = dir.write("events.csv", Self.eventsHeader + "u,2024-03-01 10:00:00,/a,view\n")
        let outcome = runHeadroom(["analyze", "sessions", "--events", input, "--gap", "30 parsecs"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("--gap"), "\(outcome.message)")
    }
}
