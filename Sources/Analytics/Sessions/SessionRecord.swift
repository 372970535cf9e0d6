/// One output row of `analyze sessions`, the deterministic session id, and
/// how a session's duration is printed.

/// A closed session of one user.
public struct SessionRecord: Hashable, Sendable {
    /// The user's dense id (in the producer's ``KeyInterner``).
    public var user: Int32
    /// 1-based position of the session among the user's sessions, by start.
    public var sequence: Int
    /// Time of the first event.
    public var start: UTCTimestamp
    /// Time of the last event.
    public var end: UTCTimestamp
    /// Events in the session after exact duplicates are removed.
    public var events: Int
    /// Distinct pages among them (exact).
    public var uniquePages: Int

    /// A session record.
    public init(user: Int32, sequence: Int, start: UTCTimestamp, end: UTCTimestamp, events: Int, uniquePages: Int) {
        self.user = user
        self.sequence = sequence
        self.start = start
        self.end = end
        self.events = events
        self.uniquePages = uniquePages
    }

    /// `end − start` in microseconds.
    public var durationMicroseconds: Int64 { end.microseconds - start.microseconds }

    /// The output header of `analyze sessions`.
    public static let header = ["user_id", "session_id", "session_seq", "session_start", "session_end",
                                "events_count", "unique_pages", "duration_seconds"]
}

/// The session id: a fixed, documented function of user_id and session_start.
///
/// `session_id` = the 16 lowercase hexadecimal digits of FNV-1a 64 over the
/// bytes UTF-8(user_id) ‖ 0x00 ‖ session_start as microseconds since
/// 1970-01-01 00:00:00 UTC in 8 bytes, big-endian two's complement. The
/// encoding is injective (the timestamp has a fixed length at the end), and
/// the hash is fixed by its published constants, so ids are identical across
/// runs, machines and versions. Two different sessions share an id with
/// probability about n²/2⁶⁵ (n = 10⁷ sessions: 3·10⁻⁶).
public enum SessionID {
    /// The FNV-1a 64 value of the session id of (`user`, `start`).
    @inline(__always)
    public static func hash(user: UnsafeBufferPointer<UInt8>, start: UTCTimestamp) -> UInt64 {
        var h = FNV1a64()
        h.add(user)
        h.add(0)
        h.addBigEndian(start.microseconds)
        return h.value
    }

    /// The session id of (`user`, `start`) as 16 hex digits.
    public static func string(user: String, start: UTCTimestamp) -> String {
        var u = user
        let v = u.withUTF8 { hash(user: $0, start: start) }
        return String(v, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension CSVWriter {
    /// Writes `value` as 16 lowercase hex digits.
    @inline(__always)
    public func hexField(_ value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buf in
            var v = value
            for i in stride(from: 15, through: 0, by: -1) {
                let d = UInt8(v & 15)
                buf[i] = d < 10 ? 0x30 + d : 0x57 + d
                v >>= 4
            }
            rawField(UnsafeBufferPointer(buf))
        }
    }

    /// Writes a duration in seconds: an integer when whole, else 6 decimals
    /// (`1800`, `0.000001`, `12.500000`).
    @inline(__always)
    public func secondsField(microseconds: Int64) {
        precondition(microseconds >= 0, "secondsField: negative duration \(microseconds)")
        let whole = microseconds / 1_000_000
        let frac = microseconds % 1_000_000
        guard frac != 0 else { field(whole); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 28) { buf in
            var width = 1
            var t = whole
            while t >= 10 { t /= 10; width += 1 }
            var w = whole
            for i in stride(from: width - 1, through: 0, by: -1) { buf[i] = UInt8(w % 10) + 0x30; w /= 10 }
            var n = width
            buf[n] = 0x2E
            n += 1
            var f = frac
            for i in stride(from: n + 5, through: n, by: -1) { buf[i] = UInt8(f % 10) + 0x30; f /= 10 }
            n += 6
            rawField(UnsafeBufferPointer(rebasing: buf[0..<n]))
        }
    }
}
