import Testing

@Suite("headroom analyze sessions")
struct AnalyzeSessionsCommandTests {
    @Test("writes the documented columns, quoting ids that need it, durations whole or with 6 decimals")
    func output() throws {
        let dir = TemporaryDirectory()
        let input = dir.write("events.csv", """
            page,extra,event_ts,user_id,event_type
            /a,x,2024-03-01T10:00:00Z,"b,1",view
            /b,x,2024-03-01 10:10:00.5,"b,1",click
            /a,x,2024-03-01 09:00:00,a,view
            /a,x,2024-03-01 09:00:00,a,view

            """)
        let outcome = runHeadroom(["analyze", "sessions", "--events", input, "--out", dir.path + "/s.csv"])
        #expect(outcome.exitCode == 0, "\(outcome.message)")
        #expect(dir.read("s.csv") == """
            user_id,session_id,session_seq,session_start,session_end,events_count,unique_pages,duration_seconds
            a,\(idOf("a", "2024-03-01 09:00:00")),1,2024-03-01 09:00:00,2024-03-01 09:00:00,1,1,0
            "b,1",\(idOf("b,1", "2024-03-01 10:00:00")),1,2024-03-01 10:00:00,2024-03-01 10:10:00.500000,2,2,600.500000

            """)
    }

    func idOf(_ user: String, _ start: String) -> String {
        var bytes = Array(user.utf8) + [0]
        let m = UInt64(bitPattern: UTCMicros.parse(start))
        for k in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: m >> UInt64(k))) }
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// Microseconds of a plain UTC `YYYY-MM-DD HH:MM:SS` via Foundation (independent of the parser under test).
enum UTCMicros {
    static func parse(_ text: String) -> Int64 {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return Int64(f.date(from: text)!.timeIntervalSince1970) * 1_000_000
    }
}

import Foundation
