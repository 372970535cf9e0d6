/// In-memory throughput of the streaming sessionizer, the type the simulator
/// calls once per event, in events per second on one core; then the CSV
/// reader's rate (scan every field and parse the timestamp) on a 5-million-row
/// events file written to the temporary directory (page cache, not disk).
///
/// Run: `swift run -c release analytics-bench [EVENTS] [USERS]` (defaults 20,000,000 and 200,000).
/// Events are drawn before timing (seed 1): USERS users, 500 pages, 4 event
/// types, inter-arrival gaps so that about a third of a user's gaps exceed the
/// 30 min session gap, and arrival disorder of up to 10 s against an allowed
/// lateness of 1 h (so no event is late). The wall clock is read only here, to
/// time the loop; the checksum keeps the optimizer from deleting work.

import Analytics
import Foundation
import Variates

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20_000_000 : 20_000_000
let userCount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 200_000 : 200_000
let rng = RandomStream(seed: 1, name: "analytics-bench")
var users = [Int32](repeating: 0, count: count)
var times = [Int64](repeating: 0, count: count)
var pages = [Int32](repeating: 0, count: count)
var types = [Int32](repeating: 0, count: count)
// Global event time advances so that each user sees an event about every 15 minutes on average.
let meanStep = 15.0 * 60 * 1e6 / Double(userCount)
var clockTime: Double = 1_709_251_200e6
for i in 0..<count {
    clockTime += rng.exponential(mean: meanStep)
    users[i] = Int32(rng.uniformInt(below: UInt64(userCount)))
    times[i] = Int64(clockTime) - Int64(rng.uniformInt(below: 10_000_000))
    pages[i] = Int32(rng.uniformInt(below: 500))
    types[i] = Int32(rng.uniformInt(below: 4))
}

/// Feeds the events to a fresh sessionizer; returns (seconds, sessions closed, late events, checksum).
func run(users: [Int32], times: [Int64], pages: [Int32], types: [Int32], batched: Bool) -> (Double, Int, Int, Int) {
    let clock = ContinuousClock()
    var sessionizer = StreamingSessionizer(gapMicroseconds: 30 * 60 * 1_000_000, allowedLatenessMicroseconds: 3600 * 1_000_000)
    var closed = 0
    var checksum = 0
    let start = clock.now
    users.withUnsafeBufferPointer { u in
        times.withUnsafeBufferPointer { t in
            pages.withUnsafeBufferPointer { p in
                types.withUnsafeBufferPointer { e in
                    if batched {
                        var i = 0
                        while i < u.count {
                            let r = i..<min(i + 1024, u.count)
                            _ = sessionizer.add(users: UnsafeBufferPointer(rebasing: u[r]), times: UnsafeBufferPointer(rebasing: t[r]),
                                                pages: UnsafeBufferPointer(rebasing: p[r]), eventTypes: UnsafeBufferPointer(rebasing: e[r]))
                            sessionizer.drainClosed { s in closed += 1; checksum &+= s.events }
                            i = r.upperBound
                        }
                    } else {
                        for i in 0..<u.count {
                            _ = sessionizer.add(user: u[i], time: t[i], page: p[i], eventType: e[i])
                            sessionizer.drainClosed { s in closed += 1; checksum &+= s.events }
                        }
                    }
                }
            }
        }
    }
    sessionizer.finish()
    sessionizer.drainClosed { s in closed += 1; checksum &+= s.events }
    let (s, atto) = (clock.now - start).components
    return (Double(s) + Double(atto) * 1e-18, closed, sessionizer.eventsLate, checksum)
}

for batched in [false, true] {
    let (seconds, closed, late, checksum) = run(users: users, times: times, pages: pages, types: types, batched: batched)
    print("streaming sessionization, \(userCount) users, \(batched ? "add(users:times:...) in batches of 1024" : "add(user:time:...) per event  ")"
          + ": \(count) events in \(String(format: "%.3f", seconds)) s = "
          + "\(String(format: "%.2f", Double(count) / seconds / 1e6)) million events/s on one core "
          + "(\(closed) sessions, \(late) late, checksum \(checksum))")
}

/// Writes a CSV of `rows` events with `CSVWriter`, then times `CSVReader` over it.
func csvReaderRate(rows: Int, users: [Int32], times: [Int64], pages: [Int32], types: [Int32]) throws {
    let count = users.count
    let path = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/analytics-bench-\(getpid()).csv"
    defer { unlink(path) }
    let w = try CSVWriter(path: path)
    w.header(["user_id", "event_ts", "page", "event_type"])
    for i in 0..<rows {
        w.field("user_\(users[i % count] + 1_000_000)")
        w.field(UTCTimestamp(microseconds: times[i % count]))
        w.field("/page/\(pages[i % count])")
        w.field(["view", "click", "scroll", "purchase"][Int(types[i % count])])
        w.endRow()
    }
    try w.finish()
    let clock = ContinuousClock()
    let start = clock.now
    let reader = try CSVReader(path: path)
    let tsColumn = try reader.requireColumns(["event_ts"])[0]
    var checksum: Int64 = 0
    var bytes = 0
    while try reader.readRecord() {
        for f in 0..<reader.fieldCount { bytes &+= reader.field(f).count }
        checksum &+= try reader.timestamp(tsColumn).microseconds
    }
    let (s, atto) = (clock.now - start).components
    let seconds = Double(s) + Double(atto) * 1e-18
    print("CSV reader: \(reader.recordsRead) rows (\(reader.byteCount / 1_000_000) MB) in \(String(format: "%.3f", seconds)) s = "
          + "\(String(format: "%.2f", Double(reader.recordsRead) / seconds / 1e6)) million rows/s, "
          + "\(String(format: "%.0f", Double(reader.byteCount) / seconds / 1e6)) MB/s (map, scan, timestamp parse; checksum \(checksum &+ Int64(bytes)))")
}

try csvReaderRate(rows: 5_000_000, users: users, times: times, pages: pages, types: types)
