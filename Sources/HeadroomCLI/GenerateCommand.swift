/// `headroom generate`: synthetic data sets in the seeds' schemas, for a
/// data engineer's own Kafka/Spark/DuckDB/BigQuery jobs.
///
/// Reads the `workload:` section of a YAML file (every error of the file is
/// reported at once, with line and field), generates `[from, to)` block by
/// block with bounded memory, and writes one file per stream, ground-truth
/// files for planted behaviour and the dimension tables. Files appear only
/// when everything was written. `--shard i/N` writes a contiguous slice of
/// the blocks; the shards' files concatenated in order equal the unsharded
/// files byte for byte (only shard 0 writes headers and dimensions).

import ArgumentParser
import Experiment
import Foundation
import Workloads

/// `headroom generate --workload FILE --from T --to T --out DIR [--format csv|ndjson] [--shard i/N] [--seed S]`.
public struct GenerateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate synthetic bets, page views, transactions, card transactions, logins, results, payments and CDC records from a workload file.",
        discussion: """
            Times are UTC: 2026-06-01, "2026-06-01 19:00", 2026-06-01T19:00:00Z. \
            Writes <stream>.csv (or .ndjson) per stream, truth_*.csv beside streams \
            with planted behaviour, and players/games/merchants dimension tables. \
            Same seed, same bytes. For N machines run --shard 0/N … --shard N-1/N, \
            each with its own --out; `cat` the shards' files in shard order to get \
            the unsharded files (only shard 0 writes headers and dimensions). \
            Example workloads: Scenarios/workloads/*.yaml; fields: docs/workloads.md.
            """
    )

    @Option(help: "The workload YAML file (its `workload:` section).") var workload: String
    @Option(help: "Start of the span, UTC (inclusive).") var from: String
    @Option(help: "End of the span, UTC (exclusive).") var to: String
    @Option(help: "Output directory (created if missing).") var out: String
    @Option(help: "csv (header row, ISO timestamps, 2-decimal amounts) or ndjson.") var format: String = "csv"
    @Option(help: "Write shard i of N (0-based), e.g. 3/8.") var shard: String = "0/1"
    @Option(help: "Root seed (default: the workload's seed).") var seed: UInt64?
    @Flag(help: "Print nothing but errors.") var quiet = false

    public init() {}

    /// The parsed `--shard`.
    func shardValue() throws -> (Int, Int) {
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else {
            throw ValidationError("invalid --shard: expected i/N with 0 ≤ i < N, got \"\(shard)\"; accepted forms: 0/1, 3/8")
        }
        return (i, n)
    }

    func span() throws -> (Int64, Int64) {
        guard let a = Timestamp.parse(from) else {
            throw ValidationError("invalid --from: \"\(from)\" is not a UTC date or time; accepted forms: 2026-06-01, \"2026-06-01 19:00\", 2026-06-01T19:00:00Z")
        }
        guard let b = Timestamp.parse(to) else {
            throw ValidationError("invalid --to: \"\(to)\" is not a UTC date or time; accepted forms: 2026-06-02, \"2026-06-01 20:00\"")
        }
        guard b > a else { throw ValidationError("invalid --to: must be after --from (\(from)), got \(to)") }
        return (a, b)
    }

    public func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("invalid --format: expected csv or ndjson, got \"\(format)\"")
        }
        _ = try shardValue()
        _ = try span()
    }

    public func run() throws {
        let (i, n) = try shardValue()
        let (a, b) = try span()
        guard let data = FileManager.default.contents(atPath: workload) else {
            throw GenerateFailure("cannot read the workload file \"\(workload)\"")
        }
        let spec: Workload
        do {
            spec = try WorkloadFile.load(text: String(decoding: data, as: UTF8.self), file: workload)
        } catch let errors as ConfigErrors {
            throw GenerateFailure("the workload file has errors:\n" + errors.description)
        }
        let root = seed ?? spec.seed
        let generator = WorkloadGenerator(workload: spec, seed: root, from: a, to: b)
        let writer = DatasetWriter(generator: generator, directory: out, format: OutputFormat(rawValue: format)!, shard: i, shards: n)
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let files: [WrittenFile]
        do {
            files = try writer.write { done, total in bar.update(done, total) }
        } catch let error as DatasetWriteError {
            bar.finish()
            throw GenerateFailure(error.description)
        }
        bar.finish()
        guard !quiet else { return }
        print("headroom generate: seed \(root), \(Timestamp.format(a)) to \(Timestamp.format(b)), shard \(i)/\(n), "
              + "\(generator.plan.blocks(shard: i, of: n).count) of \(generator.plan.count) blocks")
        for f in files {
            print("  \(f.path)  \(f.rows) rows  \(f.bytes) bytes")
        }
    }
}

/// A failure of `generate`, shown as `Error: …` with exit status 1.
struct GenerateFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
