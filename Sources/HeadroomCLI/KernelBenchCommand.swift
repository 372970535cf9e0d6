/// `headroom bench kernel`: events per second of the SimCore run loop, bare
/// and with Platform's source, station and sink, and peak memory at two run lengths.
///
/// Models (an arrival and a departure are two events):
/// - `mm1`: M/M/1 at ρ = 0.9 (λ = 0.9/s, mean service 1 s);
/// - `mm8`: M/M/8 at ρ = 0.9 (λ = 7.2/s, mean service 1 s);
/// - `deep`: a bank of 100,000 independent Poisson sources (1/s each, one
///   stream) into one sink, so 100,000 events are pending at all times;
/// - `mm1_kernel`, `mm8_kernel`, `deep_kernel`: the same three models
///   written straight against SimCore's `Model` (``BareMMc``, ``BareDeep``)
///   with the statistics of the C loop of `Benchmarks/kernel-peers/mm1.c`:
///   the kernel's own speed, beside what Platform's components add;
/// - `deep_components`: the same with 100,000 separate `Source` components,
///   each with its own random stream (memory-bound: every event touches a
///   different component and stream).
/// Memory: peak RSS (VmHWM of /proc/self/status) after an M/M/1 run of N
/// customers and again after one of 4N: flat memory means the same figure.

import ArgumentParser
import Foundation
import Platform
import SimCore
import Variates

/// Times the kernel on the three reference models.
struct KernelBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Events per second of the kernel: M/M/1 and M/M/8 at rho 0.9, and a deep calendar (100,000 pending), with Platform's components and bare.",
        discussion: """
            Prints events/s per model (one arrival plus one departure are two events): \
            mm1, mm8 and deep with Platform's components and their full statistics, then \
            mm1_kernel, mm8_kernel and deep_kernel written straight against SimCore with the C loop's statistics; \
            and the peak resident memory after M/M/1 runs of customers/4 and of customers. \
            Build with `swift build -c release --product headroom` first.
            """)

    @Option(help: "Customers per M/M/1 and M/M/8 run (at least 1000).")
    var customers: Int = 10_000_000
    @Option(help: "Events of the deep-calendar run (at least 1000).")
    var deepEvents: Int = 20_000_000
    @Option(help: "Pending events (independent sources) of the deep-calendar model.")
    var deepSources: Int = 100_000
    @Option(help: "Root seed.")
    var seed: UInt64 = 1
    @Option(help: "Run only these models (repeatable: mm1, mm8, deep, mm1_kernel, mm8_kernel, deep_kernel, deep_components); the peak RSS runs need mm1.")
    var only: [String] = []
    @Flag(help: "Print {\"models\": [{\"name\": ..., \"events_per_second\": ...}], ...} instead of text.")
    var json = false

    /// The models `--only` accepts.
    static let modelNames = ["mm1", "mm8", "deep", "mm1_kernel", "mm8_kernel", "deep_kernel", "deep_components"]

    func validate() throws {
        guard customers >= 1000 else { throw ValidationError("--customers must be at least 1000, got \(customers)") }
        guard deepEvents >= 1000 else { throw ValidationError("--deep-events must be at least 1000, got \(deepEvents)") }
        guard deepSources >= 1 else { throw ValidationError("--deep-sources must be at least 1, got \(deepSources)") }
        for name in only where !Self.modelNames.contains(name) {
            throw ValidationError("--only: unknown model \"\(name)\"; expected one of \(Self.modelNames.joined(separator: ", "))")
        }
    }

    /// One timed run.
    struct Measurement {
        let name: String
        let events: Int
        let seconds: Double
        var eventsPerSecond: Double { Double(events) / seconds }
    }

    func run() throws {
        let seeds = SeedTree(root: seed)
        func wanted(_ name: String) -> Bool { only.isEmpty || only.contains(name) }
        var models: [Measurement] = []
        var short: Measurement?
        var rssShort: Int?, rssLong: Int?
        if wanted("mm1") {
            short = try Self.mmc(servers: 1, customers: customers / 4, seeds: seeds)
            rssShort = Self.peakRSSKiB()
            models.append(try Self.mmc(servers: 1, customers: customers, seeds: seeds))
            rssLong = Self.peakRSSKiB()
        }
        if wanted("mm8") { models.append(try Self.mmc(servers: 8, customers: customers, seeds: seeds)) }
        if wanted("deep") { models.append(try Self.deepBank(sources: deepSources, events: deepEvents, seeds: seeds)) }
        if wanted("mm1_kernel") { models.append(Self.bareMMc(servers: 1, customers: customers, seeds: seeds)) }
        if wanted("mm8_kernel") { models.append(Self.bareMMc(servers: 8, customers: customers, seeds: seeds)) }
        if wanted("deep_kernel") { models.append(Self.bareDeep(sources: deepSources, events: deepEvents, seeds: seeds)) }
        if wanted("deep_components") {
            models.append(try Self.deep(sources: deepSources, events: deepEvents / 4, seeds: seeds))
        }
        if json {
            let rows = models.map { "{\"name\": \"\($0.name)\", \"events\": \($0.events), \"seconds\": \(Self.fixed($0.seconds, 4)), \"events_per_second\": \(Int($0.eventsPerSecond))}" }
            print("{\"models\": [" + rows.joined(separator: ", ") + "], "
                  + "\"peak_rss_kib\": [{\"customers\": \(customers / 4), \"kib\": \(rssShort ?? -1)}, "
                  + "{\"customers\": \(customers), \"kib\": \(rssLong ?? -1)}]}")
        } else {
            print("headroom bench kernel (seed \(seed); one arrival and one departure are two events)")
            for m in models {
                print("  " + m.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                      + String(format: "%8.2f M events/s   (%d events in %.3f s)", m.eventsPerSecond / 1e6, m.events, m.seconds))
            }
            if let short {
                print("  peak RSS: \(rssShort.map { "\($0) KiB" } ?? "n/a") after a run of \(customers / 4) M/M/1 customers (\(short.events) events), "
                      + "\(rssLong.map { "\($0) KiB" } ?? "n/a") after a run of \(customers)")
            }
        }
    }

    /// An M/M/c run at ρ = 0.9 with mean service 1 s.
    static func mmc(servers: Int, customers: Int, seeds: SeedTree) throws -> Measurement {
        let arrival = try Distribution.exponential(mean: 1 / (0.9 * Double(servers)))
        let service = try Distribution.exponential(mean: 1)
        var network = try QueueingNetwork.singleStation(interarrival: arrival, service: service, servers: servers,
                                                       customers: customers, seeds: seeds.subtree("mm\(servers)"))
        let calendar = network.start()
        var simulation = Simulation(model: network, calendar: calendar)
        let (summary, seconds) = timed { simulation.runNetwork() }
        precondition(simulation.model.conservation().holds, "bench: conservation failed")
        return Measurement(name: "mm\(servers)", events: summary.eventsHandled, seconds: seconds)
    }

    /// The bare M/M/c of ``BareMMc`` at ρ = 0.9 (the kernel with the C loop's statistics).
    static func bareMMc(servers: Int, customers: Int, seeds: SeedTree) -> Measurement {
        var model = BareMMc(servers: servers, customers: customers, seeds: seeds.subtree("bare-mm\(servers)"))
        var calendar = EventCalendar(capacity: 64)
        model.start(&calendar)
        var simulation = Simulation(model: model, calendar: calendar)
        let (summary, seconds) = timed { simulation.run() }
        let m = simulation.model
        precondition(m.served == customers && m.inSystem == 0, "bench: the bare M/M/\(servers) lost customers")
        return Measurement(name: "mm\(servers)_kernel", events: summary.eventsHandled, seconds: seconds)
    }

    /// The bare deep calendar of ``BareDeep``: `sources` members, `events` events.
    static func bareDeep(sources: Int, events: Int, seeds: SeedTree) -> Measurement {
        var model = BareDeep(stream: seeds.subtree("bare-deep").stream("members"))
        var calendar = EventCalendar(capacity: sources)
        model.start(&calendar, count: sources)
        var simulation = Simulation(model: model, calendar: calendar)
        let (summary, seconds) = timed { simulation.run(maxEvents: events) }
        precondition(simulation.calendar.count == sources, "bench: the deep calendar must hold one event per member")
        return Measurement(name: "deep_kernel", events: summary.eventsHandled, seconds: seconds)
    }

    /// `sources` Poisson sources (1/s each) into one sink, for `events` events.
    static func deep(sources: Int, events: Int, seeds: SeedTree) throws -> Measurement {
        var network = QueueingNetwork()
        let sink = network.add(Sink(name: "sink"))
        let tree = seeds.subtree("deep")
        for i in 0..<sources {
            network.add(try Source(name: "source\(i)", process: .poisson(rate: 1), output: sink,
                                   stream: tree.stream("source\(i)")))
        }
        let calendar = network.start()
        var simulation = Simulation(model: network, calendar: calendar)
        let (summary, seconds) = timed { simulation.runNetwork(maxEvents: events) }
        return Measurement(name: "deep_components", events: summary.eventsHandled, seconds: seconds)
    }

    /// One bank of `sources` Poisson members (1/s each) into one sink, for `events` events.
    static func deepBank(sources: Int, events: Int, seeds: SeedTree) throws -> Measurement {
        var network = QueueingNetwork()
        let sink = network.add(Sink(name: "sink"))
        network.add(try SourceBank(name: "bank", rates: Array(repeating: 1, count: sources), output: sink,
                                   stream: seeds.subtree("deep").stream("bank")))
        let calendar = network.start()
        var simulation = Simulation(model: network, calendar: calendar)
        let (summary, seconds) = timed { simulation.runNetwork(maxEvents: events) }
        precondition(simulation.calendar.count == sources, "bench: the deep calendar must hold one event per member")
        return Measurement(name: "deep", events: summary.eventsHandled, seconds: seconds)
    }

    /// Runs `body` and returns its result and the wall time in seconds.
    static func timed<T>(_ body: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = body()
        let (s, atto) = (clock.now - start).components
        return (result, Double(s) + Double(atto) * 1e-18)
    }

    /// VmHWM from /proc/self/status in KiB, or `nil` where there is none.
    static func peakRSSKiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
