/// `analyze sessions --streaming`: the events file fed in file order to
/// ``StreamingSessionizer``; sessions written as they close, late events
/// written to the dead letters.
///
/// Rows are handed over in batches of 256 with the batch form of `add`, which
/// behaves exactly as one call per row; a row whose fields are not views of
/// the mapped file (a quoted field with `""`) ends the batch first, so the
/// fields kept for the dead letters stay valid.

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

    /// The fields of a batched row, kept to write it to the dead letters.
    struct RowText {
        var line: Int
        var fields: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)
    }

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

        let capacity = 256
        var batchUsers = [Int32](), batchTimes = [Int64](), batchPages = [Int32](), batchTypes = [Int32]()
        var batchRows = [RowText]()
        var accepted = [Bool](repeating: true, count: capacity)
        var latestBefore = Int64.min   // largest event time before the current row, for the dead-letter reason
        func flush() {
            guard !batchUsers.isEmpty else { return }
            let n = batchUsers.count
            batchUsers.withUnsafeBufferPointer { u in batchTimes.withUnsafeBufferPointer { t in
                batchPages.withUnsafeBufferPointer { p in batchTypes.withUnsafeBufferPointer { e in
                    accepted.withUnsafeMutableBufferPointer { a in
                        _ = sessionizer.add(users: u, times: t, pages: p, eventTypes: e,
                                            accepted: UnsafeMutableBufferPointer(rebasing: a[0..<n]))
                    } } } } }
            for i in 0..<n {
                if !accepted[i], let dead {
                    let row = batchRows[i]
                    dead.field(row.line)
                    dead.field(row.fields.0)
                    dead.field(row.fields.1)
                    dead.field(row.fields.2)
                    dead.field(row.fields.3)
                    let time = UTCTimestamp(microseconds: batchTimes[i])
                    let watermark = UTCTimestamp(microseconds: latestBefore - latenessMicroseconds)
                    dead.field("late: \(time) is before the watermark \(watermark) (latest event time "
                               + "\(UTCTimestamp(microseconds: latestBefore)) minus allowed lateness \(latenessText))")
                    dead.endRow()
                }
                latestBefore = max(latestBefore, batchTimes[i])
            }
            sessionizer.drainClosed { writer.write($0, users: users) }
            batchUsers.removeAll(keepingCapacity: true)
            batchTimes.removeAll(keepingCapacity: true)
            batchPages.removeAll(keepingCapacity: true)
            batchTypes.removeAll(keepingCapacity: true)
            batchRows.removeAll(keepingCapacity: true)
        }

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
            let inFile = cols.allSatisfy { reader.isFieldInFile($0) }
            if !inFile { flush() }
            batchUsers.append(users.intern(user))
            batchTimes.append(time.microseconds)
            batchPages.append(pages.intern(reader.field(cp)))
            batchTypes.append(types.intern(reader.field(ce)))
            batchRows.append(RowText(line: reader.recordLine,
                                     fields: (reader.field(cu), reader.field(ct), reader.field(cp), reader.field(ce))))
            if !inFile || batchUsers.count == capacity { flush() }
        }
        flush()
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
