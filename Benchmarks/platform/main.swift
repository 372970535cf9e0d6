// platform-bench: the fraud-detection streaming path, every transaction
// scored by the real Analytics code, for a simulated span; prints the
// simulated transactions per wall second, the ratio to real time, peak RSS
// at two spans, events simulated, CPU time and the machine's load average.
//
//     swift build -c release --product platform-bench
//     .build/release/platform-bench [--minutes 60] [--first-minutes 10] [--rate 50000] [--seed 1] [--progress-minutes 10]

import Analytics
import Foundation
import Metrics
import Platform
import Variates
import Workloads


struct Options {
    var minutes = 60.0
    var firstMinutes = 10.0
    var rate = 50_000.0
    var seed: UInt64 = 1
    var progressMinutes = 10.0

    init(_ args: [String]) {
        var i = 1
        func value() -> String {
            guard i + 1 < args.count else { fail("\(args[i]) needs a value") }
            i += 1
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--minutes": minutes = number(value(), "--minutes")
            case "--first-minutes": firstMinutes = number(value(), "--first-minutes")
            case "--rate": rate = number(value(), "--rate")
            case "--seed": seed = UInt64(number(value(), "--seed"))
            case "--progress-minutes": progressMinutes = number(value(), "--progress-minutes")
            case "--help", "-h":
                print("usage: platform-bench [--minutes N (60)] [--first-minutes N (10; 0 = skip)] [--rate TPS (50000)] [--seed S (1)] [--progress-minutes N (10; 0 = none): RSS and CPU every N simulated minutes]")
                exit(0)
            default: fail("unknown option \(args[i]); try --help")
            }
            i += 1
        }
    }
}

func number(_ s: String, _ name: String) -> Double {
    guard let v = Double(s), v >= 0, v.isFinite else { fail("\(name): expected a number of at least 0, got '\(s)'") }
    return v
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("platform-bench: " + message + "\n").utf8))
    exit(2)
}

/// Peak resident set size of this process so far, MiB (VmHWM).
func peakRSSMiB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

/// Resident set size of this process now, MiB (VmRSS).
func currentRSSMiB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

/// Forwards `base`'s blocks to the model and, each time the simulated time
/// of a block passes a multiple of `everyMinutes`, prints the resident
/// memory and CPU time so far: memory against the simulated horizon in one
/// run (to ±1 block, 10 s). No effect on the results.
final class ProgressInput<Base: StreamInput>: StreamInput {
    let base: Base
    let everyNanos: Int64
    var nextMark: Int64
    let cpuStart = cpuSeconds()

    init(_ base: Base, everyMinutes: Double) {
        self.base = base
        everyNanos = Int64(everyMinutes * 60e9)
        nextMark = everyNanos
    }

    func nextBlock() -> [StreamRecord]? {
        let block = base.nextBlock()
        if everyNanos > 0, let first = block?.first, first.arrivalNanos >= nextMark {
            say("    at \(f(Double(nextMark) / 60e9, 0)) min simulated: RSS \(f(currentRSSMiB(), 0)) MiB, peak \(f(peakRSSMiB(), 0)) MiB, CPU \(f(cpuSeconds() - cpuStart)) s")
            while nextMark <= first.arrivalNanos { nextMark += everyNanos }
        }
        return block
    }
}

/// Writes a line to stdout at once (unbuffered, so a long run shows progress in a log file).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

let options = Options(CommandLine.arguments)
let origin: Int64 = 1_764_547_200_000_000  // 2025-12-01 00:00 UTC, simulated time 0
var preset = StreamingPresets.fraudDetection(rate: options.rate)
let trainClock = ContinuousClock.now
let model: FraudModel
do { model = try StreamingPresets.trainedFraudModel(beforeMicros: origin) } catch { fail("training: \(error)") }
let trainSeconds = Double((ContinuousClock.now - trainClock).components.attoseconds) * 1e-18
    + Double((ContinuousClock.now - trainClock).components.seconds)
preset.fraudModel = .model(model)
let configuration = preset
let problems = configuration.problems()
if !problems.isEmpty { fail(problems.joined(separator: "\n")) }
say("load average at start: \(loadAverage()); model trained in \(f(trainSeconds)) s")

@MainActor func run(minutes: Double) {
    let span = Int64(minutes * 60e6)
    let workload = StreamingPresets.fraudWorkload(rate: options.rate)
    let generator = WorkloadGenerator(workload: workload, seed: options.seed, from: origin, to: origin + span)
    guard let input = CardTransactionInput(generator: generator, stream: configuration.stream, originMicros: origin) else {
        fail("the workload has no card_transactions stream")
    }
    let cpu0 = cpuSeconds()
    let start = ContinuousClock.now
    let result = StreamingRun.run(configuration, input: ProgressInput(PrefetchingInput(input), everyMinutes: options.progressMinutes),
                                  fraudModel: model, horizonNanos: span * 1_000, seed: options.seed)
    let elapsed = ContinuousClock.now - start
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let cpu = cpuSeconds() - cpu0
    let c = result.conservation
    let simulated = minutes * 60
    say("""
    span \(f(minutes, 0)) min at \(f(options.rate, 0)) TPS: \(c.generated) transactions generated, \(c.delivered) decided, \
    \(c.droppedTotal) dropped, \(c.inFlight) in flight, conservation \(c.balanced ? "balanced" : "NOT BALANCED")
      wall \(f(wall, 2)) s, CPU \(f(cpu, 2)) s; \(f(Double(c.generated) / wall / 1e6, 3)) M transactions/s per wall second \
    (\(f(Double(c.generated) / cpu / 1e6, 3)) M per CPU second); \(f(simulated / wall, 1))x real time (\(f(simulated / cpu, 1))x per CPU second)
      events simulated \(result.eventsSimulated) (\(f(Double(result.eventsSimulated) / Double(max(c.generated, 1)), 4)) per transaction)
      end-to-end p50 \(ms(result.endToEnd, 50)) ms, p99 \(ms(result.endToEnd, 99)) ms, max \(f(Double(result.endToEnd.maxNanos ?? 0) / 1e6)) ms; \
    decisions \(result.decisions.total) (allow/review/block \(result.decisions.approveFraud + result.decisions.approveLegit)/\(result.decisions.reviewFraud + result.decisions.reviewLegit)/\(result.decisions.blockFraud + result.decisions.blockLegit)): fraud \(result.decisions.approveFraud + result.decisions.reviewFraud + result.decisions.blockFraud), recall \(result.decisions.recall.map { f($0 * 100) + "%" } ?? "n/a"), precision \(result.decisions.precision.map { f($0 * 100) + "%" } ?? "n/a")
      stages (p50/p99 ms): \(result.stages.map { "\($0.name) \(ms($0.latency, 50))/\(ms($0.latency, 99))" }.joined(separator: ", "))
      peak RSS so far \(f(peakRSSMiB(), 0)) MiB; load average \(loadAverage())
    """)
}

func ms(_ h: LatencyHistogram, _ p: Double) -> String { f((h.valueSeconds(atPercentile: p) ?? 0) * 1e3, 2) }

if options.firstMinutes > 0 && options.firstMinutes < options.minutes { run(minutes: options.firstMinutes) }
run(minutes: options.minutes)
