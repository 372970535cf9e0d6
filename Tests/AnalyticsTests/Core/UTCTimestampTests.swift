import Testing
@testable import Analytics

@Suite("UTC timestamps and civil dates")
struct UTCTimestampTests {
    @Test("accepted forms parse to the same instant", arguments: [
        "2024-03-01 12:00:00",
        "2024-03-01T12:00:00",
        "2024-03-01t12:00:00",
        "2024-03-01T12:00:00Z",
        "2024-03-01T12:00:00z",
        "2024-03-01T13:00:00+01:00",
        "2024-03-01T13:30:00+0130",
        "2024-03-01T10:00:00-02",
        "2024-03-01T07:00:00-05:00",
        "2024-03-01 12:00:00.000000000",
        "  2024-03-01 12:00:00  ",
    ])
    func sameInstant(text: String) throws {
        let t = try #require(UTCTimestamp(text), "\(text)")
        #expect(t == UTCTimestamp("2024-03-01 12:00:00")!)
        #expect(t.description == "2024-03-01 12:00:00")
    }

    @Test("timestamps with offsets convert to UTC across a day boundary")
    func offsetsAcrossDays() throws {
        let t = try #require(UTCTimestamp("2024-03-01T00:30:00+02:00"))
        #expect(t.description == "2024-02-29 22:30:00")
        #expect(t.date.description == "2024-02-29")
        let u = try #require(UTCTimestamp("2023-12-31T23:30:00-01:00"))
        #expect(u.description == "2024-01-01 00:30:00")
    }

    @Test("fractions: up to 9 digits, truncated to microseconds; .ffffff printed only when not zero")
    func fractions() throws {
        #expect(UTCTimestamp("2024-03-01 12:00:00.5")!.description == "2024-03-01 12:00:00.500000")
        #expect(UTCTimestamp("2024-03-01 12:00:00.123456789")!.description == "2024-03-01 12:00:00.123456")
        #expect(UTCTimestamp("2024-03-01 12:00:00.000000999")!.description == "2024-03-01 12:00:00")
        #expect(UTCTimestamp("2024-03-01 12:00:00.0000001234") == nil)
        #expect(UTCTimestamp("2024-03-01 12:00:00.") == nil)
    }

    @Test("malformed timestamps are rejected", arguments: [
        "", "2024-03-01", "2024-03-01 12:00", "2024-13-01 00:00:00", "2023-02-29 00:00:00",
        "2024-03-01 24:00:00", "2024-03-01 12:60:00", "2024-03-01 12:00:60", "2024/03/01 12:00:00",
        "2024-03-01 12:00:00+1", "2024-03-01 12:00:00+01:0", "2024-03-01 12:00:00 UTC", "x024-03-01 12:00:00",
        "2024-03-01 12:00:00+24:00",
    ])
    func rejected(text: String) {
        #expect(UTCTimestamp(text) == nil, "\(text)")
    }

    @Test("days before the epoch and leap days")
    func civil() {
        #expect(UTCTimestamp("1969-12-31 23:59:59")!.microseconds == -1_000_000)
        #expect(UTCTimestamp("1969-12-31 23:59:59.5")!.description == "1969-12-31 23:59:59.500000")
        #expect(UTCTimestamp("1969-12-31 23:59:59")!.date.description == "1969-12-31")
        #expect(CivilDate.parse("2000-02-29")!.adding(days: 1).description == "2000-03-01")
        #expect(CivilDate.parse("1900-02-29") == nil)
        #expect(CivilDate.parse("2024-02-29")!.daysSinceEpoch == 19782)
    }

    @Test("civil date <-> days round-trips over 0000-01-01 ... 9999-12-31 against a day-by-day count")
    func roundTrip() {
        var d = CivilDate.days(year: 0, month: 1, day: 1)
        var ok = true
        for y in Int64(0)...9999 {
            for m in Int64(1)...12 {
                for day in Int64(1)...CivilDate.daysInMonth(year: y, month: m) {
                    let c = CivilDate(daysSinceEpoch: d).components
                    ok = ok && c.year == y && c.month == m && c.day == day && CivilDate.days(year: y, month: m, day: day) == d
                    d += 1
                }
            }
        }
        #expect(ok)
        #expect(d == CivilDate.days(year: 10000, month: 1, day: 1))
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
    }
}
