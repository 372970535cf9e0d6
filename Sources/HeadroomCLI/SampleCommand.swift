/// `headroom sample`: look at a distribution before putting it in a scenario.
///
/// Prints the analytic mean, standard deviation and percentiles of a
/// distribution spec next to the same figures measured on seeded draws, so a
/// user can check that `lognormal(p50=2ms, p99=20ms)` is what they meant.

import ArgumentParser
import Foundation
import Variates

/// Draws from a distribution spec and compares the draws with its theory.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw from a distribution and compare the draws with its analytic moments.",
        discussion: """
            DISTRIBUTION is written as in scenario files, for example:
              exp(rate=0.9)  exp(mean=2ms)  lognormal(p50=2ms, p99=20ms)  gamma(shape=2, scale=1ms)
              uniform(low=1, high=3)  zipf(n=1000, s=1.1)  hyperexp(means=[1ms, 50ms], weights=[0.9, 0.1])
            Times are in seconds unless a unit (ns, us, ms, s, m, h, d) is given.
            """)

    @Argument(help: "The distribution, e.g. \"lognormal(p50=2ms, p99=20ms)\".")
    var distribution: String

    @Option(name: [.short, .long], help: "Number of draws (at least 1).")
    var count: Int = 100_000

    @Option(help: "Root seed of the run; the same seed gives the same draws.")
    var seed: UInt64 = 1

    @Option(help: "Also print the first N draws, one per line.")
    var show: Int = 0

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1, got \(count)") }
        guard show >= 0 else { throw ValidationError("--show must be at least 0, got \(show)") }
    }

    func run() throws {
        let dist: Distribution
        do { dist = try Distribution.parse(distribution) } catch let error as VariatesError {
            throw ValidationError("DISTRIBUTION: \(error)")
        }
        let stream = SeedTree(root: seed).stream("sample")
        var draws = [Double](repeating: 0, count: count)
        for i in 0..<count { draws[i] = dist.sample(stream) }
        for x in draws.prefix(show) { print(format(x)) }

        let n = Double(count)
        let mean = draws.reduce(0, +) / n
        let variance = count > 1 ? draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let sorted = draws.sorted()
        func measured(_ p: Double) -> Double { sorted[min(count - 1, Int((p * n).rounded(.up)) - 1)] }

        print("distribution  \(dist.description)")
        print("seed          \(seed)    draws \(count)")
        print(pad("", 10) + pad("analytic", 16) + "measured")
        print(pad("mean", 10) + pad(format(dist.mean), 16) + format(mean))
        print(pad("sd", 10) + pad(format(dist.standardDeviation), 16) + format(variance.squareRoot()))
        for p in [0.5, 0.95, 0.99, 0.999] {
            let analytic = dist.quantile(p).map(format) ?? "-"
            print(pad(Percentile(p, 1).name, 10) + pad(analytic, 16) + format(measured(p)))
        }
    }

    private func format(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6g", x) : "inf"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
