/// Small helpers that turn event lists into sessions and sessions into
/// comparable text rows, plus an independent, slow reference of the rules.

@testable import Analytics
import Variates

/// One input event as text, as it would appear in the CSV.
struct TextEvent {
    var user: String
    var ts: String
    var page: String
    var type: String
}

/// `user start end events unique duration` rows from the batch sessionizer.
func batchRows(_ events: [TextEvent], gap: Int64 = 30 * 60 * 1_000_000) -> [String] {
    var log = EventLog()
    for e in events { log.append(user: e.user, time: UTCTimestamp(e.ts)!, page: e.page, eventType: e.type) }
    var rows: [String] = []
    BatchSessionizer.sessionize(log, gapMicroseconds: gap) { s in rows.append(row(s, users: log.users)) }
    return rows
}

/// The text row of a session (user, seq, start, end, events, unique pages, duration µs).
func row(_ s: SessionRecord, users: KeyInterner) -> String {
    "\(users.string(s.user)) #\(s.sequence) \(s.start) .. \(s.end) n=\(s.events) pages=\(s.uniquePages) d=\(s.durationMicroseconds)"
}

/// A deliberately simple implementation of the same rules (sets, sorting
/// whole tuples), used as the independent reference in randomized tests.
func referenceRows(_ events: [(user: String, time: Int64, page: String, type: String)], gap: Int64) -> [String] {
    var byUser: [String: Set<[String]>] = [:]
    for e in events { byUser[e.user, default: []].insert([String(e.time), e.page, e.type]) }
    var rows: [String] = []
    for user in byUser.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
        let sorted = byUser[user]!.map { (Int64($0[0])!, $0[1]) }.sorted { $0.0 < $1.0 }
        var sessions: [[(Int64, String)]] = []
        for e in sorted {
            if let last = sessions.last?.last, e.0 - last.0 <= gap { sessions[sessions.count - 1].append(e) } else { sessions.append([e]) }
        }
        for (i, s) in sessions.enumerated() {
            let start = UTCTimestamp(microseconds: s.first!.0), end = UTCTimestamp(microseconds: s.last!.0)
            rows.append("\(user) #\(i + 1) \(start) .. \(end) n=\(s.count) pages=\(Set(s.map(\.1)).count) d=\(end.microseconds - start.microseconds)")
        }
    }
    return rows
}

/// Random events with the nasty cases: duplicates, exact-gap neighbours,
/// shuffled order, offsets in the text form. Seeded.
func randomEvents(seed: UInt64, count: Int, users: Int, gap: Int64) -> [(user: String, time: Int64, page: String, type: String)] {
    let rng = RandomStream(seed: seed, name: "sessions-\(seed)")
    var out: [(user: String, time: Int64, page: String, type: String)] = []
    var clock: [Int64] = Array(repeating: 1_700_000_000_000_000, count: users)
    for _ in 0..<count {
        let u = Int(rng.uniformInt(below: UInt64(users)))
        let pick = rng.uniformInt(below: 10)
        let step: Int64
        switch pick {
        case 0: step = gap                      // exactly the gap: same session
        case 1: step = gap + 1                  // one microsecond more: new session
        case 2: step = 0                        // same instant
        case 3: step = gap * 3
        default: step = Int64(rng.uniformInt(below: UInt64(gap)))
        }
        clock[u] += step
        let e = (user: "user\(u % 7 == 0 ? "" : "_")\(u)", time: clock[u], page: "/p\(rng.uniformInt(below: 6))",
                 type: rng.bernoulli(0.5) ? "view" : "click")
        out.append(e)
        if rng.bernoulli(0.1) { out.append(e) }  // an exact duplicate
    }
    // shuffle (Fisher-Yates with the same stream)
    var i = out.count - 1
    while i > 0 {
        let j = Int(rng.uniformInt(below: UInt64(i + 1)))
        out.swapAt(i, j)
        i -= 1
    }
    return out
}
