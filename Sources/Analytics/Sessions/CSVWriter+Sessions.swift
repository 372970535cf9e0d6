/// Writing one `analyze sessions` output row.

extension CSVWriter {
    /// Writes `session` as a row of ``SessionRecord/header``, the user's text from `users`.
    @inline(__always)
    public func write(_ session: SessionRecord, users: KeyInterner) {
        users.withKey(session.user) { u in
            field(u)
            hexField(SessionID.hash(user: u, start: session.start))
        }
        field(session.sequence)
        field(session.start)
        field(session.end)
        field(session.events)
        field(session.uniquePages)
        secondsField(microseconds: session.durationMicroseconds)
        endRow()
    }
}
