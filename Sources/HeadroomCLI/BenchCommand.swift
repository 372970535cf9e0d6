/// `headroom bench`: the simulator's own speed, measured.
///
/// Benchmarks read the wall clock to time themselves; nothing they time
/// reads it. Run them from a release build (`swift build -c release`):
/// a debug build is 10-30 times slower.

import ArgumentParser

/// The `bench` command group.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the simulator's own speed (use a release build).",
        subcommands: [KernelBenchCommand.self]
    )
}
