/// The events of `analyze sessions` read into columns: user, page and
/// event type as dense ids (each distinct text stored once), times as UTC
/// microseconds. Input columns: `user_id, event_ts, page, event_type`.

/// Events in file order, as parallel columns.
public struct EventLog {
    /// The required input columns.
    public static let columns = ["user_id", "event_ts", "page", "event_type"]

    /// Distinct user ids.
    public var users = KeyInterner(capacity: 1 << 16)
    /// Distinct pages.
    public var pages = KeyInterner(capacity: 1 << 12)
    /// Distinct event types.
    public var eventTypes = KeyInterner(capacity: 16)
    /// User id of event i.
    public var user: [Int32] = []
    /// Page id of event i.
    public var page: [Int32] = []
    /// Event type id of event i.
    public var eventType: [Int32] = []
    /// Event time of event i, microseconds since the epoch, UTC.
    public var time: [Int64] = []

    /// An empty log.
    public init() {}

    /// Keeps the batched table loads of ``read(path:badRows:)`` observable (no meaning).
    var probeSink: UInt64 = 0

    /// Number of events.
    public var count: Int { time.count }

    /// Appends one event.
    @inline(__always)
    public mutating func append(user u: UnsafeBufferPointer<UInt8>, time t: UTCTimestamp,
                                page p: UnsafeBufferPointer<UInt8>, eventType e: UnsafeBufferPointer<UInt8>) {
        user.append(users.intern(u))
        page.append(pages.intern(p))
        eventType.append(eventTypes.intern(e))
        time.append(t.microseconds)
    }

    /// Appends one event given as strings (tests, small inputs).
    public mutating func append(user u: String, time t: UTCTimestamp, page p: String, eventType e: String) {
        var (u, p, e) = (u, p, e)
        u.withUTF8 { ub in p.withUTF8 { pb in e.withUTF8 { eb in append(user: ub, time: t, page: pb, eventType: eb) } } }
    }

    /// Reads the events file at `path`.
    ///
    /// A row with a missing field, an empty user_id or a malformed event_ts is
    /// bad: the error, or counted in `badRows` when it skips bad rows.
    /// - Throws: ``AnalyticsError`` for an unreadable or empty file, a header
    ///   without a required column, no data rows, malformed CSV, or a bad row.
    /// - Complexity: O(bytes), one pass.
    public static func read(path: String, badRows: inout BadRowLog) throws -> EventLog {
        let reader = try CSVReader(path: path)
        let cols = try reader.requireColumns(columns)
        let (cu, ct, cp, ce) = (cols[0], cols[1], cols[2], cols[3])
        let maxCol = cols.max()!
        var log = EventLog()
        let estimate = reader.byteCount / 48
        log.user.reserveCapacity(estimate)
        log.page.reserveCapacity(estimate)
        log.eventType.reserveCapacity(estimate)
        log.time.reserveCapacity(estimate)
        // Rows wait in batches of 16 so that the user-table loads of a batch overlap
        // (the user table is probed at random and is larger than the caches).
        var batch: [(user: UnsafeBufferPointer<UInt8>, hash: UInt64, time: UTCTimestamp,
                     page: UnsafeBufferPointer<UInt8>, type: UnsafeBufferPointer<UInt8>)] = []
        batch.reserveCapacity(16)
        var sink: UInt64 = 0
        func flush() {
            for r in batch { sink &+= log.users.touch(hash: r.hash) }
            for r in batch {
                log.user.append(log.users.intern(r.user, hash: r.hash))
                log.page.append(log.pages.intern(r.page))
                log.eventType.append(log.eventTypes.intern(r.type))
                log.time.append(r.time.microseconds)
            }
            batch.removeAll(keepingCapacity: true)
        }
        while try reader.readRecord() {
            do {
                try reader.requireFields(cols, upTo: maxCol)
                let u = try reader.nonEmpty(cu)
                let t = try reader.timestamp(ct)
                if reader.isFieldInFile(cu) && reader.isFieldInFile(cp) && reader.isFieldInFile(ce) {
                    batch.append((u, ByteHash.hash(u), t, reader.field(cp), reader.field(ce)))
                    if batch.count == 16 { flush() }
                } else {
                    flush()
                    log.append(user: u, time: t, page: reader.field(cp), eventType: reader.field(ce))
                }
            } catch let error as AnalyticsError {
                try badRows.record(error)
            }
        }
        flush()
        log.probeSink = sink
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
        return log
    }
}
