/// `headroom analyze sessions`: event-time sessions per user from an events
/// CSV (`user_id, event_ts, page, event_type`), in batch or streaming mode.

import Analytics
import ArgumentParser

/// Sessionizes an events file.
struct AnalyzeSessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "Sessions per user: a gap strictly greater than --gap starts a new session.",
        discussion: """
            Input columns: user_id, event_ts, page, event_type (any order, extra columns ignored). \
            Exact duplicate rows count once. Output: user_id, session_id, session_seq, session_start, \
            session_end, events_count, unique_pages, duration_seconds, sorted by user_id (bytes) then \
            session_start. session_id is the first 16 hex digits of FNV-1a 64 over \
            user_id, a 0 byte and session_start in microseconds (8 bytes, big-endian).
            With --streaming, sessions are written in the order they close; when no event trails \
            the latest event time by more than --allowed-lateness, the set of rows equals the batch output.
            """)

    @Option(help: ArgumentHelp("The events CSV.", valueName: "FILE"))
    var events: String

    @Option(help: "Largest gap inside a session (exactly this gap stays in the session).")
    var gap: String = "30m"

    @Flag(help: "Feed events one at a time in file order to the streaming sessionizer (watermark = latest event time − --allowed-lateness); sessions are written as they close.")
    var streaming = false

    @Option(help: "With --streaming: how far an event may trail the latest event time before it is late.")
    var allowedLateness: String = "1h"

    @Option(help: ArgumentHelp("With --streaming: write late events (with line and reason) to FILE.", valueName: "FILE"))
    var deadLetters: String?

    @OptionGroup var output: AnalyzeOutputOptions

    func validate() throws {
        _ = try AnalyzeValues.microseconds(gap, flag: "--gap")
        _ = try AnalyzeValues.microseconds(allowedLateness, flag: "--allowed-lateness")
        if !streaming && deadLetters != nil { throw ValidationError("--dead-letters needs --streaming") }
    }

    func run() throws {
        let gapMicros = try AnalyzeValues.microseconds(gap, flag: "--gap")
        if streaming {
            try StreamingSessionsRun(events: events, gapMicroseconds: gapMicros,
                                     latenessMicroseconds: try AnalyzeValues.microseconds(allowedLateness, flag: "--allowed-lateness"),
                                     latenessText: allowedLateness, deadLetters: deadLetters, output: output).run()
            return
        }
        var badRows = output.badRowLog
        let log = try EventLog.read(path: events, badRows: &badRows)
        let writer = try output.writer(header: SessionRecord.header)
        let counts = BatchSessionizer.sessionize(log, gapMicroseconds: gapMicros) { s in
            writer.write(s, users: log.users)
        }
        try writer.finish()
        output.report("sessions: \(counts.events) events (\(counts.duplicates) exact duplicates), "
                      + "\(counts.users) users, \(counts.sessions) sessions -> \(output.destination)", badRows: badRows)
    }
}
