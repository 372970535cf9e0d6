/// A calendar date in the proleptic Gregorian calendar, held as days since
/// 1970-01-01, converted to and from year-month-day with Howard Hinnant's
/// branch-light algorithms (http://howardhinnant.github.io/date_algorithms.html).

/// A UTC calendar day.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int64

    /// The date `daysSinceEpoch` days after 1970-01-01.
    @inlinable @inline(__always)
    public init(daysSinceEpoch: Int64) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date `year`-`month`-`day`.
    /// - Precondition: `month` in 1...12 and `day` in 1...days of that month.
    public init(year: Int64, month: Int64, day: Int64) {
        precondition((1...12).contains(month) && day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month),
                     "CivilDate(\(year), \(month), \(day)) is not a calendar date")
        daysSinceEpoch = CivilDate.days(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of `year`-`month`-`day` (Hinnant's days_from_civil).
    /// Valid for any proleptic Gregorian date; does not check the day's range.
    @inlinable @inline(__always)
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month (1...12) and day (1...31) (Hinnant's civil_from_days).
    @inlinable @inline(__always)
    public var components: (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whether `year` is a Gregorian leap year.
    @inline(__always)
    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in `month` (1...12) of `year`.
    @inline(__always)
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `n` days later (earlier when negative).
    @inline(__always)
    public func adding(days n: Int64) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The first instant of the day, 00:00:00 UTC.
    public var start: UTCTimestamp { UTCTimestamp(microseconds: daysSinceEpoch * UTCTimestamp.microsecondsPerDay) }

    /// Parses `YYYY-MM-DD` (four-digit year).
    /// - Returns: `nil` unless `text` is exactly that form and a real date.
    public static func parse(_ text: String) -> CivilDate? {
        var t = text.trimmingASCIISpaces()
        return t.withUTF8 { b in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
                  let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2),
                  (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
            return CivilDate(daysSinceEpoch: days(year: y, month: m, day: d))
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

/// The value of `count` ASCII digits of `b` at `from`, or `nil`.
@inline(__always)
func digits(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int64? {
    var v: Int64 = 0
    var i = from
    while i < from + count {
        let d = b[i] &- 0x30
        guard d < 10 else { return nil }
        v = v * 10 + Int64(d)
        i += 1
    }
    return v
}

/// `v` (non-negative) with leading zeros to `width` digits.
func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
