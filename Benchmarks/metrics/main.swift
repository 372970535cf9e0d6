/// Recording cost of each streaming statistic, in nanoseconds per call.
///
/// Run: `swift run -c release metrics-bench` (prints one line per statistic).
/// The wall clock is read here only, to time the loops; no statistic reads it.
/// Each loop records 20,000,000 pre-drawn values (seed 1) so the generator is
/// not timed; the checksum printed keeps the optimizer from deleting work.

import Foundation
import Metrics
import Variates

let count = 20_000_000
let stream = RandomStream(seed: 1)
let values: [Double] = (0..<4_096).map { _ in stream.exponential(mean: 0.002) }
let nanos: [Int64] = values.map { Int64($0 * 1e9) }
let mask = values.count - 1
let clock = ContinuousClock()

func measure(_ name: String, _ body: () -> Double) {
    let start = clock.now
    let checksum = body()
    let elapsed = clock.now - start
    let (s, atto) = elapsed.components
    let seconds = Double(s) + Double(atto) * 1e-18
    let perCall = seconds * 1e9 / Double(count)
    print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) "
          + "\(String(format: "%6.2f", perCall)) ns/record   (checksum \(checksum))")
}

print("Metrics recording cost, \(count) records each (release build; noisy on a shared machine)")
measure("Welford.add") {
    var w = Welford()
    for i in 0..<count { w.add(values[i & mask]) }
    return w.mean ?? 0
}
measure("TimeWeighted.update") {
    var t = TimeWeighted()
    for i in 0..<count { t.update(to: values[i & mask], at: Int64(i) * 10) }
    return t.mean(at: Int64(count) * 10) ?? 0
}
measure("LevelTimes.update (K = 64)") {
    var l = try! LevelTimes(maxLevel: 64)
    for i in 0..<count { l.update(to: Int(nanos[i & mask] >> 15) & 127, at: Int64(i) * 10) }
    return l.mean(at: Int64(count) * 10) ?? 0
}
measure("LatencyHistogram.record") {
    var h = LatencyHistogram()
    for i in 0..<count { h.record(nanos: nanos[i & mask]) }
    return h.valueSeconds(atPercentile: 99) ?? 0
}
measure("TimeSeries.record (1 s bins)") {
    var s = try! TimeSeries(binWidthNanos: 1_000_000_000, horizonNanos: Int64(count) * 1_000)
    for i in 0..<count { s.record(values[i & mask], at: Int64(i) * 1_000) }
    return s.totalSum
}
measure("BatchMeans.add (k = 20)") {
    var b = try! BatchMeans(batchCount: 20)
    for i in 0..<count { b.add(values[i & mask]) }
    return b.mean ?? 0
}

// Merging histograms: one merge per replication at the end of a run.
var a = LatencyHistogram(), b = LatencyHistogram()
for x in nanos { a.record(nanos: x); b.record(nanos: x &* 3) }
let merges = 2_000
let start = clock.now
for _ in 0..<merges { a.merge(b) }
let (s, atto) = (clock.now - start).components
let perMerge = (Double(s) + Double(atto) * 1e-18) * 1e6 / Double(merges)
print("LatencyHistogram.merge        \(String(format: "%6.1f", perMerge)) µs/merge     (count \(a.count))")
