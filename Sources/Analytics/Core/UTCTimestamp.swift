/// An instant in UTC as whole microseconds since 1970-01-01 00:00:00, with the
/// ISO 8601 parser and the output format every `analyze` command uses.
///
/// Accepted input: `YYYY-MM-DD`, then `T`, `t` or one space, then `HH:MM:SS`,
/// then an optional fraction `.` followed by 1 to 9 digits (digits past the
/// sixth are truncated, not rounded), then an optional zone: `Z`/`z`, or
/// `+HH:MM`, `-HH:MM`, `+HHMM`, `+HH` (the local time minus the offset is UTC).
/// No zone means UTC. Leading and trailing spaces are ignored. Hours 00-23,
/// minutes and seconds 00-59 (no leap second 60), offsets up to 23:59.
/// Output: `YYYY-MM-DD HH:MM:SS`, plus `.ffffff` only when the microseconds are not 0.

/// A UTC instant with microsecond resolution.
public struct UTCTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 1970-01-01 00:00:00 UTC (negative before).
    public var microseconds: Int64

    /// Microseconds in one second.
    public static let microsecondsPerSecond: Int64 = 1_000_000
    /// Microseconds in one UTC day (86,400 s; no leap seconds).
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    /// The instant `microseconds` after the epoch.
    @inline(__always)
    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// The UTC calendar day containing this instant.
    @inline(__always)
    public var date: CivilDate {
        let d = microseconds / Self.microsecondsPerDay
        return CivilDate(daysSinceEpoch: microseconds % Self.microsecondsPerDay < 0 ? d - 1 : d)
    }

    /// Microseconds since the start of the UTC day, 0 ..< 86,400,000,000.
    @inline(__always)
    public var microsecondOfDay: Int64 {
        let r = microseconds % Self.microsecondsPerDay
        return r < 0 ? r + Self.microsecondsPerDay : r
    }

    /// What the parser accepts, for error messages.
    public static let expectedForm =
        "an ISO 8601 timestamp such as 2024-03-01 12:00:00, 2024-03-01T12:00:00.123Z or 2024-03-01T13:00:00+01:00"

    /// Parses `text` in the accepted form; `nil` for anything else.
    public init?(_ text: String) {
        var t = text
        guard let v = t.withUTF8({ UTCTimestamp.parse($0) }) else { return nil }
        self = v
    }

    /// Parses the bytes `b` in the accepted form; `nil` for anything else.
    /// - Complexity: O(length); no allocation.
    @inline(__always)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UTCTimestamp? {
        var lo = 0
        var hi = bytes.count
        while lo < hi && bytes[lo] == 0x20 { lo += 1 }
        while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
        guard hi - lo >= 19 else { return nil }
        let b = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        let sep = b[10]
        guard b[4] == 0x2D, b[7] == 0x2D, sep == 0x54 || sep == 0x20 || sep == 0x74,
              b[13] == 0x3A, b[16] == 0x3A,
              let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2),
              month >= 1, month <= 12, day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60 else { return nil }
        var i = 19
        let n = b.count
        var micros: Int64 = 0
        if i < n && b[i] == 0x2E {
            i += 1
            var count = 0
            while i < n, b[i] &- 0x30 < 10 {
                if count < 6 { micros = micros * 10 + Int64(b[i] &- 0x30) }
                count += 1
                i += 1
            }
            guard count >= 1 && count <= 9 else { return nil }
            var k = count
            while k < 6 { micros *= 10; k += 1 }
        }
        var offsetSeconds: Int64 = 0
        if i < n {
            let z = b[i]
            if z == 0x5A || z == 0x7A {
                i += 1
            } else if z == 0x2B || z == 0x2D {
                i += 1
                guard i + 2 <= n, let oh = digits(b, i, 2), oh < 24 else { return nil }
                i += 2
                var om: Int64 = 0
                if i < n {
                    if b[i] == 0x3A { i += 1 }
                    guard i + 2 <= n, let m = digits(b, i, 2), m < 60 else { return nil }
                    om = m
                    i += 2
                }
                offsetSeconds = (oh * 3600 + om * 60) * (z == 0x2D ? -1 : 1)
            } else {
                return nil
            }
        }
        guard i == n else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return UTCTimestamp(microseconds: seconds * microsecondsPerSecond + micros)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC.
    public var description: String {
        var out = [UInt8](repeating: 0, count: 26)
        let n = out.withUnsafeMutableBufferPointer { write(to: $0.baseAddress!) }
        return String(decoding: out[0..<n], as: UTF8.self)
    }

    /// Writes the output form to `p` (room for 26 bytes); returns the byte count (19 or 26).
    @inline(__always)
    public func write(to p: UnsafeMutablePointer<UInt8>) -> Int {
        let (y, m, d) = date.components
        let tod = microsecondOfDay
        let secs = tod / Self.microsecondsPerSecond
        let frac = tod % Self.microsecondsPerSecond
        @inline(__always) func put(_ v: Int64, _ at: Int, _ width: Int) {
            var v = v
            var k = at + width - 1
            while k >= at { p[k] = UInt8(truncatingIfNeeded: v % 10) + 0x30; v /= 10; k -= 1 }
        }
        put(y, 0, 4); p[4] = 0x2D; put(m, 5, 2); p[7] = 0x2D; put(d, 8, 2)
        p[10] = 0x20
        put(secs / 3600, 11, 2); p[13] = 0x3A; put(secs / 60 % 60, 14, 2); p[16] = 0x3A; put(secs % 60, 17, 2)
        guard frac != 0 else { return 19 }
        p[19] = 0x2E
        put(frac, 20, 6)
        return 26
    }

    public static func < (a: UTCTimestamp, b: UTCTimestamp) -> Bool { a.microseconds < b.microseconds }
}
