/// Generation and writing speed of the Workloads module, and its memory.
///
/// Run: `swift run -c release workloads-bench [--quick]`. Prints, for page
/// views (independent events, and visits with sessions) and for bets (Zipf
/// players, a 5% hot key, 1% delayed, 0.5% duplicated):
/// - events generated per second in memory (records built, delivered and
///   sorted; nothing encoded), one core;
/// - CSV rows written per second to a local file (generation included);
/// - peak resident memory (VmHWM) after generating a short and a 4× longer
///   span, which must not grow with the span.
/// The wall clock is read here only, to time the loops. Seed 1.

import Foundation
import Variates
import Workloads

let quick = CommandLine.arguments.contains("--quick")
let clock = ContinuousClock()

func seconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) + Double(atto) * 1e-18
}

/// CPU seconds used by this process so far (user + system): rates per CPU
/// second stay meaningful when other processes share the cores.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

let from = Timestamp.parse("2026-06-01")!
let rate = 200_000.0   // events per second of simulated time

func workload(_ kind: RecordKind, sessions: Bool = false) -> Workload {
    let keys = KeyPopularity(count: 100_000, exponent: 1.1, hotKeys: [(key: 42, share: 0.05)])
    let delay = try! Distribution.parse("lognormal(p50=2s, p99=2m)")
    let stream = StreamSpec(
        name: kind.rawValue, kind: kind, rate: RateCurve(base: rate), keys: keys,
        disorder: DisorderSpec(fraction: 0.01, delay: delay),
        duplicates: DuplicateSpec(fraction: 0.005, delay: try! Distribution.parse("exp(mean=5s)")),
        sessions: sessions ? SessionSpec() : nil)
    return Workload(blockLength: Timestamp.second, players: 100_000, streams: [stream])
}

func inMemory(_ kind: RecordKind, span: Int64, sessions: Bool = false) {
    let gen = WorkloadGenerator(workload: workload(kind, sessions: sessions), seed: 1, from: from, to: from + span)
    var events = 0
    gen.records(stream: 0, block: 0)   // warm-up: the block buffers reach their size
    let start = clock.now
    let cpu0 = cpuSeconds()
    for k in 1..<gen.plan.count { events += gen.records(stream: 0, block: k) }
    let s = seconds(clock.now - start)
    let cpu = cpuSeconds() - cpu0
    report(kind, sessions ? "in memory, sessions" : "in memory", events, "events", wall: s, cpu: cpu)
}

func toFile(_ kind: RecordKind, span: Int64, quiet: Bool = false, sessions: Bool = false) {
    let gen = WorkloadGenerator(workload: workload(kind, sessions: sessions), seed: 1, from: from, to: from + span)
    let path = NSTemporaryDirectory() + "workloads-bench-\(kind.rawValue).csv"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    var encoders = gen.makeEncoders(format: .csv)
    var rows = 0
    let start = clock.now
    let cpu0 = cpuSeconds()
    for k in 0..<gen.plan.count {
        rows += gen.emit(block: k, into: &encoders)
        for i in encoders.indices where encoders[i].buffer.count > 0 {
            encoders[i].buffer.withUnsafeBytes { handle.write(Data($0)) }
            encoders[i].buffer.removeAll()
        }
    }
    try! handle.synchronize()
    try! handle.close()
    let s = seconds(clock.now - start)
    let cpu = cpuSeconds() - cpu0
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    try? FileManager.default.removeItem(atPath: path)
    if !quiet { report(kind, sessions ? "CSV, sessions" : "CSV to file", rows, "rows", wall: s, cpu: cpu, extra: ", \(size / 1_000_000) MB") }
}

func report(_ kind: RecordKind, _ what: String, _ n: Int, _ unit: String, wall: Double, cpu: Double, extra: String = "") {
    let name = kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
    let label = what.padding(toLength: 20, withPad: " ", startingAt: 0)
    print("\(name) \(label) \(String(format: "%9.2f", Double(n) / cpu / 1e6))M \(unit)/CPU-s  \(String(format: "%6.2f", Double(n) / wall / 1e6))M \(unit)/wall-s  (\(n) \(unit), \(String(format: "%.2f", cpu)) CPU-s\(extra))")
}

if let i = CommandLine.arguments.firstIndex(of: "--rss-child") {
    let seconds = Int64(CommandLine.arguments[i + 1])!
    toFile(.bets, span: seconds * Timestamp.second, quiet: true)
    print(String(format: "%.0f", peakRSSMiB()))
    exit(0)
}

let span: Int64 = (quick ? 15 : 60) * Timestamp.second
if CommandLine.arguments.contains("--bets-only") {
    inMemory(.bets, span: span)
    exit(0)
}
if CommandLine.arguments.contains("--sessions-only") {
    inMemory(.pageViews, span: span, sessions: true)
    exit(0)
}
print("workloads-bench: \(Int(rate)) events/s of simulated time, 1 s blocks, seed 1 (release build, one core)")
for kind in [RecordKind.pageViews, .bets] { inMemory(kind, span: span) }
inMemory(.pageViews, span: span, sessions: true)
for kind in [RecordKind.pageViews, .bets] { toFile(kind, span: span) }
toFile(.pageViews, span: span, sessions: true)
// Peak memory of generating a span to a file, each span in a fresh process.
func childPeak(spanSeconds: Int64) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    p.arguments = ["--rss-child", String(spanSeconds)]
    let pipe = Pipe()
    p.standardOutput = pipe
    try! p.run()
    p.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
let short = childPeak(spanSeconds: span / Timestamp.second)
let long = childPeak(spanSeconds: 4 * span / Timestamp.second)
print("peak RSS writing bets CSV: span \(span / Timestamp.second) s → \(short) MiB; 4× span (\(4 * span / Timestamp.second) s) → \(long) MiB")
