/// `analyze sessions --streaming`: the events file fed one row at a time,
/// in file order, to ``StreamingSessionizer``; sessions written as they
/// close, late events written to the dead letters.

import Analytics

/// One streaming pass over an events file.
struct StreamingSessionsRun {
    var events: String
    var gapMicroseconds: Int64
    var latenessMicroseconds: Int64
    var latenessText: String
    var deadLetters: String?
    var output: AnalyzeOutputOptions

    /// The dead-letter header: where the row was, the row, and why it was not sessionized.
    static let deadLetterHeader = ["line", "user_id", "event_ts", "page", "event_type", "reason"]

    func run() throws {
        var badRows = output.badRowLog
        let reader = try CSVReader(path: events)
        let cols = try reader.requireColumns(EventLog.columns)
        let (cu, ct, cp, ce) = (cols[0], cols[1], cols[2], cols[3])
        let maxCol = cols.max()!
        var users = KeyInterner(capacity: 1 << 16), pages = KeyInterner(capacity: 1 << 12), types = KeyInterner(capacity: 16)
        var sessionizer = StreamingSessionizer(gapMicroseconds: gapMicroseconds, allowedLatenessMicroseconds: latenessMicroseconds)
        let dead = try deadLetters.map { path -> CSVWriter in
            let w = try CSVWriter(path: path)
            w.header(Self.deadLetterHeader)
            return w
        }
        let writer = try output.writer(header: SessionRecord.header)
        while try reader.readRecord() {
            let time: UTCTimestamp
            let user: UnsafeBufferPointer<UInt8>
            do {
                try reader.requireFields(cols, upTo: maxCol)
                user = try reader.nonEmpty(cu)
                time = try reader.timestamp(ct)
            } catch let error as AnalyticsError {
                try badRows.record(error)
                continue
            }
            let watermark = sessionizer.watermark
            let accepted = sessionizer.add(user: users.intern(user), time: time.microseconds,
                                           page: pages.intern(reader.field(cp)), eventType: types.intern(reader.field(ce)))
            if !accepted, let dead {
                dead.field(reader.recordLine)
                for c in [cu, ct, cp, ce] { dead.field(reader.field(c)) }
                let w = max(watermark, sessionizer.watermark)
                dead.field("late: \(time) is before the watermark \(UTCTimestamp(microseconds: w)) "
                           + "(latest event time \(UTCTimestamp(microseconds: sessionizer.maxEventTime)) minus allowed lateness \(latenessText))")
                dead.endRow()
            }
            sessionizer.drainClosed { writer.write($0, users: users) }
        }
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
        sessionizer.finish()
        sessionizer.drainClosed { writer.write($0, users: users) }
        try writer.finish()
        try dead?.finish()
        output.report("sessions --streaming: \(sessionizer.eventsAccepted + sessionizer.eventsLate) events, "
                      + "\(sessionizer.eventsLate) late -> \(deadLetters ?? "not written (no --dead-letters)"), "
                      + "\(sessionizer.duplicates) exact duplicates, \(writer.rowsWritten) sessions in closing order -> \(output.destination)",
                      badRows: badRows)
    }
}
