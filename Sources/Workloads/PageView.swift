/// A page event of the SQL/PySpark seed's `events(user_id, event_ts, page,
/// event_type)` table, the input of 30-minute sessionization.

/// One page event.
public struct PageView: WorkloadRecord, Equatable {
    public static let columns = ["user_id", "event_ts", "page", "event_type"]
    /// The user.
    public var userID: Int64
    /// When the event happened, µs since the epoch.
    public var eventTS: Int64
    /// Index into ``Vocabulary/pages``.
    public var pageIndex: UInt8
    /// Index into ``Vocabulary/eventTypes``.
    public var eventTypeIndex: UInt8
    public var arrival: Int64

    public var eventTime: Int64 { eventTS }

    public func encode(_ e: inout RecordEncoder) {
        e.int(userID)
        e.timestamp(eventTS)
        e.word(Vocabulary.pages[Int(pageIndex)])
        e.word(Vocabulary.eventTypes[Int(eventTypeIndex)])
    }
}
