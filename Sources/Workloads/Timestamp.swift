/// Record timestamps: `Int64` microseconds since 1970-01-01 00:00:00 UTC.
///
/// Microseconds (not the simulator's nanoseconds) because that is the
/// precision every target engine stores (Spark, DuckDB, BigQuery `TIMESTAMP`)
/// and what the CSV carries; multiply by 1,000 for `SimTime`. Calendar
/// arithmetic is proleptic Gregorian in UTC (no time zones, no leap seconds),
/// by Howard Hinnant's `days_from_civil` / `civil_from_days` (Analytics'
/// `CivilDate`).
///
/// Text form: `YYYY-MM-DD HH:MM:SS.ffffff` (always six fraction digits on
/// output). Parsing also accepts a `T` separator, a trailing `Z`, no fraction
/// or a shorter one, and a bare date (midnight).

import Analytics

/// Conversions between microsecond timestamps and calendar text.
public enum Timestamp {
    /// Microseconds in one second.
    public static let second: Int64 = 1_000_000
    /// Microseconds in one minute.
    public static let minute: Int64 = 60_000_000
    /// Microseconds in one hour.
    public static let hour: Int64 = 3_600_000_000
    /// Microseconds in one day of 86,400 s.
    public static let day: Int64 = 86_400_000_000

    /// Days since 1970-01-01 of a civil date (Analytics' `CivilDate`, the
    /// one implementation of Hinnant's `days_from_civil` in the project).
    @inlinable
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilDate.days(year: year, month: month, day: day)
    }

    /// The civil date of a day number (days since 1970-01-01).
    @inlinable
    public static func civil(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        CivilDate(daysSinceEpoch: z0).components
    }

    /// The day number (days since 1970-01-01, floor) of a timestamp.
    @inlinable
    public static func dayIndex(_ t: Int64) -> Int64 {
        t >= 0 ? t / day : -((-t + day - 1) / day)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    @inlinable
    public static func weekday(_ t: Int64) -> Int {
        let d = dayIndex(t)
        return Int(((d % 7) + 7 + 3) % 7)
    }

    /// `2026-06-01 19:00:00.000000`.
    public static func format(_ t: Int64) -> String {
        var row = RowBuffer()
        row.appendTimestamp(t)
        return String(decoding: row.bytes, as: UTF8.self)
    }

    /// `2026-06-01` for a day number.
    public static func formatDate(days: Int64) -> String {
        var row = RowBuffer()
        row.appendDate(days: days)
        return String(decoding: row.bytes, as: UTF8.self)
    }

    /// Parses `2026-06-01`, `2026-06-01 19:00`, `2026-06-01 19:00:00`,
    /// `2026-06-01T19:00:00.25Z`; `nil` for anything else (including
    /// impossible dates such as `2026-02-30`).
    public static func parse(_ text: String) -> Int64? {
        var s = Array(text.utf8)
        while let last = s.last, last == UInt8(ascii: " ") { s.removeLast() }
        if s.last == UInt8(ascii: "Z") { s.removeLast() }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= s.count, !range.isEmpty else { return nil }
            var v: Int64 = 0
            for i in range {
                let c = s[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            return v
        }
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              (1...12).contains(mo), d >= 1 else { return nil }
        let dayNumber = days(year: y, month: mo, day: d)
        guard civil(days: dayNumber) == (y, mo, d) else { return nil }
        var t = dayNumber * day
        if s.count == 10 { return t }
        guard s[10] == UInt8(ascii: " ") || s[10] == UInt8(ascii: "T"),
              s.count >= 16, s[13] == UInt8(ascii: ":"),
              let h = number(11..<13), let mi = number(14..<16), h < 24, mi < 60 else { return nil }
        t += h * hour + mi * minute
        if s.count == 16 { return t }
        guard s.count >= 19, s[16] == UInt8(ascii: ":"), let sec = number(17..<19), sec < 60 else { return nil }
        t += sec * second
        if s.count == 19 { return t }
        guard s[19] == UInt8(ascii: "."), s.count > 20, s.count <= 26, let frac = number(20..<s.count) else { return nil }
        var micros = frac
        for _ in 0..<(26 - s.count) { micros *= 10 }
        return t + micros
    }
}
