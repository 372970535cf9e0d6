/// `headroom queue`: a queueing station, or a tandem line of them, simulated
/// and set beside its theory.
///
/// A source with the `--arrival` interarrival distribution feeds a station
/// with `--servers` servers, `--service` times and an optional finite room
/// `--capacity` (M/M/c/K: arrivals finding K are lost). Repeating
/// `--service` (and `--servers`) makes a line of stations in series. Each
/// figure is printed with the analytic value where queueing theory has one
/// (M/M/c, M/M/c/K, M/G/1 by Pollaczek–Khinchine, Jackson lines). With
/// ρ ≥ 1 and no capacity there is no steady state: the run stops when the
/// last customer arrives and the report says unstable, with how fast the
/// queue grew.

import ArgumentParser
import Foundation
import Planning
import Variates

/// `headroom queue --arrival exp(rate=0.9) --service exp(mean=1) --servers 1 ...`.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Simulate a queueing station (G/G/c, G/G/c/K) or a tandem line, and compare it with queueing theory.",
        discussion: """
            Distributions are written as in scenario files: exp(rate=0.9), exp(mean=1), fixed(1), \
            lognormal(mean=1, sd=1.4), gamma(shape=2, scale=0.5); times in seconds unless a unit is given. \
            Analytic values: M/M/c (Erlang C, sojourn quantiles), M/M/c/K, M/G/1 and M/D/1 \
            (Pollaczek–Khinchine, means), and lines of M/M/c stations (Jackson). Repeat --service for \
            a tandem line (--service "exp(mean=1)" --service "exp(mean=1.25)"); one --servers applies to \
            every station, or give one per station. The same seed gives the same output, byte for byte.
            """)

    @Option(help: "Interarrival time distribution, e.g. \"exp(rate=0.9)\".")
    var arrival = "exp(rate=0.9)"
    @Option(help: "Service time distribution, e.g. \"exp(mean=1)\"; repeat for stations in series (default exp(mean=1)).")
    var service: [String] = []
    @Option(help: "Number of servers c (at least 1); one for every station, or one per --service (default 1).")
    var servers: [Int] = []
    @Option(help: "Room in the station, in service included (K ≥ c); arrivals finding it full are lost.")
    var capacity: Int?
    @Option(help: "Customers per replication, warm-up included (1 ... 1,000,000,000).")
    var customers = 1_000_000
    @Option(help: "Warm-up time whose statistics are discarded (\"500s\", \"10m\"); default: 10% of the expected run.")
    var warmup: String?
    @Option(help: "Independent replications (1 ... 10,000); with 2 or more, 95% confidence intervals are printed.")
    var replications = 1
    @Option(help: "Root seed; the same seed gives the same output.")
    var seed: UInt64 = 1
    @Option(help: "Stop a run when more than this many customers are in the system (guard against overload).")
    var maxInSystem = 1_000_000
    @Flag(help: "Print one JSON object: mean_wait, mean_sojourn, utilization, p50/p95/p99_sojourn (seconds), analytic, ...")
    var json = false

    init() {}

    func validate() throws {
        _ = try study()
    }

    /// The validated study; throws `ValidationError` naming the flag.
    func study() throws -> QueueStudy {
        let arrivalDistribution = try Self.distribution(arrival, flag: "--arrival")
        let serviceTexts = service.isEmpty ? ["exp(mean=1)"] : service
        guard serviceTexts.count <= 100 else { throw ValidationError("invalid --service: at most 100 stations, got \(serviceTexts.count)") }
        let serviceDistributions = try serviceTexts.enumerated().map { i, text in
            try Self.distribution(text, flag: serviceTexts.count == 1 ? "--service" : "--service (station \(i + 1))")
        }
        var counts = servers.isEmpty ? [1] : servers
        if counts.count == 1 { counts = Array(repeating: counts[0], count: serviceDistributions.count) }
        guard counts.count == serviceDistributions.count else {
            throw ValidationError("invalid --servers: give one value, or one per --service (\(serviceDistributions.count)), got \(counts.count)")
        }
        for c in counts {
            guard c >= 1 else { throw ValidationError("invalid --servers: must be at least 1, got \(c)") }
            guard c <= 100_000 else { throw ValidationError("invalid --servers: at most 100,000, got \(c)") }
        }
        if let capacity, capacity < counts.max()! {
            throw ValidationError("invalid --capacity: must be at least --servers (\(counts.max()!)), got \(capacity)")
        }
        if let capacity, capacity > 10_000_000 {
            throw ValidationError("invalid --capacity: at most 10,000,000, got \(capacity)")
        }
        guard customers >= 1, customers <= 1_000_000_000 else {
            throw ValidationError("invalid --customers: must be between 1 and 1,000,000,000, got \(customers)")
        }
        guard replications >= 1, replications <= 10_000 else {
            throw ValidationError("invalid --replications: must be between 1 and 10,000, got \(replications)")
        }
        guard maxInSystem >= 1 else { throw ValidationError("invalid --max-in-system: must be at least 1, got \(maxInSystem)") }
        var warm = 0.1 * Double(customers) * arrivalDistribution.mean
        if let warmup {
            do { warm = try TimeSpan.parse(warmup, field: "--warmup").seconds } catch let error as PlanningError {
                throw ValidationError(CLIValues.message(error))
            }
            let expected = Double(customers) * arrivalDistribution.mean
            guard warm < expected else {
                throw ValidationError("invalid --warmup: \(warmup) is not shorter than the expected run (\(TimeSpan(seconds: expected).formatted) for \(customers) customers)")
            }
        }
        return QueueStudy(arrival: arrivalDistribution, services: serviceDistributions, servers: counts, capacity: capacity,
                          customers: customers, warmUpSeconds: warm, replications: replications, seed: seed,
                          maxInSystem: maxInSystem)
    }

    /// A distribution of non-negative times with a finite positive mean.
    static func distribution(_ text: String, flag: String) throws -> Distribution {
        let d: Distribution
        do { d = try Distribution.parse(text) } catch let error as VariatesError {
            throw ValidationError("invalid \(flag): \(error) (in \"\(text)\"; e.g. exp(mean=1), fixed(2ms), lognormal(mean=1, sd=2))")
        }
        guard d.mean.isFinite, d.mean > 0 else {
            throw ValidationError("invalid \(flag): the mean of \(d) must be finite and above 0 s, got \(d.mean)")
        }
        guard d.cdf(-1e-300) == 0 else {
            throw ValidationError("invalid \(flag): \(d) can be negative; a time must be at least 0")
        }
        return d
    }

    func run() throws {
        let study = try study()
        let outcome = try study.run()
        print(json ? QueueReport.json(study, outcome) : QueueReport.text(study, outcome), terminator: "")
    }
}
