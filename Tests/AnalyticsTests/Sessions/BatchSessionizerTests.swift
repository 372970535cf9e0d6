import Testing
@testable import Analytics

@Suite("analyze sessions rules")
struct BatchSessionizerTests {
    @Test("exactly-30-minute gap stays in the session; one microsecond more starts a new one")
    func exactly30MinuteGap() {
        let rows = batchRows([
            TextEvent(user: "u", ts: "2024-03-01 10:00:00", page: "/a", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01 10:30:00", page: "/b", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01 11:00:00.000001", page: "/b", type: "view"),
        ])
        #expect(rows == [
            "u #1 2024-03-01 10:00:00 .. 2024-03-01 10:30:00 n=2 pages=2 d=1800000000",
            "u #2 2024-03-01 11:00:00.000001 .. 2024-03-01 11:00:00.000001 n=1 pages=1 d=0",
        ])
    }

    @Test("out-of-order input gives the same sessions as sorted input")
    func outOfOrderInput() {
        let ordered = [
            TextEvent(user: "u", ts: "2024-03-01 10:00:00", page: "/a", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01 10:20:00", page: "/b", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01 11:00:00", page: "/c", type: "view"),
            TextEvent(user: "v", ts: "2024-03-01 09:00:00", page: "/a", type: "view"),
        ]
        let shuffled = [ordered[2], ordered[3], ordered[0], ordered[1]]
        #expect(batchRows(shuffled) == batchRows(ordered))
        #expect(batchRows(shuffled) == [
            "u #1 2024-03-01 10:00:00 .. 2024-03-01 10:20:00 n=2 pages=2 d=1200000000",
            "u #2 2024-03-01 11:00:00 .. 2024-03-01 11:00:00 n=1 pages=1 d=0",
            "v #1 2024-03-01 09:00:00 .. 2024-03-01 09:00:00 n=1 pages=1 d=0",
        ])
    }

    @Test("exact duplicates count once; rows differing in any field all count")
    func exactDuplicates() {
        let rows = batchRows([
            TextEvent(user: "u", ts: "2024-03-01 10:00:00", page: "/a", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01T10:00:00Z", page: "/a", type: "view"),      // same instant: duplicate
            TextEvent(user: "u", ts: "2024-03-01T11:00:00+01:00", page: "/a", type: "view"), // same instant: duplicate
            TextEvent(user: "u", ts: "2024-03-01 10:00:00", page: "/a", type: "click"),     // differs in type
            TextEvent(user: "u", ts: "2024-03-01 10:00:00", page: "/b", type: "view"),      // differs in page
            TextEvent(user: "u", ts: "2024-03-01 10:00:00.000001", page: "/a", type: "view"),
        ])
        #expect(rows == ["u #1 2024-03-01 10:00:00 .. 2024-03-01 10:00:00.000001 n=4 pages=2 d=1"])
    }

    @Test("a single-event user has one session of duration 0")
    func singleEventUser() {
        #expect(batchRows([TextEvent(user: "solo", ts: "2024-03-01 10:00:00.25", page: "/a", type: "view")])
                == ["solo #1 2024-03-01 10:00:00.250000 .. 2024-03-01 10:00:00.250000 n=1 pages=1 d=0"])
    }

    @Test("timestamps with offsets are compared as UTC instants")
    func timestampsWithOffsets() {
        // 10:00Z, then 12:29+02:00 = 10:29Z (same session), then 06:00-05:00 = 11:00Z (gap 31 min: new session)
        let rows = batchRows([
            TextEvent(user: "u", ts: "2024-03-01T10:00:00Z", page: "/a", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01T12:29:00+02:00", page: "/a", type: "view"),
            TextEvent(user: "u", ts: "2024-03-01T06:00:00-05:00", page: "/a", type: "view"),
        ])
        #expect(rows == [
            "u #1 2024-03-01 10:00:00 .. 2024-03-01 10:29:00 n=2 pages=1 d=1740000000",
            "u #2 2024-03-01 11:00:00 .. 2024-03-01 11:00:00 n=1 pages=1 d=0",
        ])
    }

    @Test("users sort by bytes of user_id, not numerically or by locale")
    func userOrder() {
        let rows = batchRows(["u10", "u9", "U1", "u1"].map { TextEvent(user: $0, ts: "2024-03-01 10:00:00", page: "/", type: "v") })
        #expect(rows.map { String($0.prefix(while: { $0 != " " })) } == ["U1", "u1", "u10", "u9"])
    }

    @Test("matches an independent reference on random data (seeds 1...40)", arguments: 1...40)
    func matchesReference(seed: Int) {
        let gap: Int64 = 30 * 60 * 1_000_000
        let events = randomEvents(seed: UInt64(seed), count: 600, users: 25, gap: gap)
        var log = EventLog()
        for e in events { log.append(user: e.user, time: UTCTimestamp(microseconds: e.time), page: e.page, eventType: e.type) }
        var rows: [String] = []
        let counts = BatchSessionizer.sessionize(log, gapMicroseconds: gap) { rows.append(row($0, users: log.users)) }
        let reference = referenceRows(events, gap: gap)
        #expect(rows == reference, "seed \(seed)")
        #expect(counts.sessions == reference.count, "seed \(seed)")
    }

    @Test("session_id is FNV-1a 64 of user_id, 0x00 and big-endian microseconds (fixed vectors)")
    func sessionID() {
        let t = UTCTimestamp("2024-03-01 10:00:00")!
        // Independent computation of the documented encoding.
        var bytes = Array("u1".utf8) + [0]
        let m = UInt64(bitPattern: t.microseconds)
        for k in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: m >> UInt64(k))) }
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let expected = String(h, radix: 16)
        #expect(SessionID.string(user: "u1", start: t) == String(repeating: "0", count: 16 - expected.count) + expected)
        #expect(SessionID.string(user: "u1", start: t) == "f728c0a3d41eb493")
        #expect(SessionID.string(user: "u1", start: t).count == 16)
        #expect(SessionID.string(user: "u2", start: t) != SessionID.string(user: "u1", start: t))
    }
}
