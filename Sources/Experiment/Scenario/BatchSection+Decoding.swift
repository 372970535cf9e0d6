/// The field decoders of the `batch:` section: each reads its mapping's
/// fields with their units, builds the Platform configuration, and
/// surfaces the configuration's own `validationErrors(path:)` at the field
/// each came from (Platform names its fields `change-rate`, the file says
/// `change_rate`).

import Analytics
import Foundation
import Planning
import Platform
import Variates
import Workloads

/// Decoding helpers of ``BatchSection``.
enum BatchDecoding {
    /// A size per time (`100MB/s`, `1GB/min`), bytes per second.
    static func throughput(_ n: ConfigNode) -> Double? {
        guard let t = n.text(expected: "a throughput such as 100MB/s") else { return nil }
        do { return try DataRate.parse(t, field: n.path).bytesPerSecond } catch let e as PlanningError {
            n.fail(e.message, expected: "a throughput such as " + e.accepted.joined(separator: ", "))
        } catch { n.fail("\(error)") }
        return nil
    }

    /// A duration in ns (the file's µs × 1000).
    static func nanos(_ n: ConfigNode) -> Int64? { n.duration().map { $0 * 1000 } }

    /// A distribution of bytes: `lognormal(p50=20MB, p99=200MB)`; decimal
    /// KB/MB/GB/TB are written as the distribution language's k/M/G suffixes.
    static func sizeDistribution(_ n: ConfigNode) -> Distribution? {
        guard let t = n.text(expected: "a distribution of sizes such as lognormal(p50=20MB, p99=200MB)") else { return nil }
        var s = ""
        let chars = Array(t)
        var i = 0
        let units: [(String, String)] = [("TB", "000G"), ("GB", "G"), ("MB", "M"), ("KB", "k"), ("kB", "k")]
        while i < chars.count {
            if i > 0, chars[i - 1].isNumber, let (unit, short) = units.first(where: { u in
                i + 2 <= chars.count && String(chars[i..<i + 2]) == u.0 && (i + 2 == chars.count || !chars[i + 2].isLetter)
            }) {
                s += short
                i += unit.count
                continue
            }
            s.append(chars[i])
            i += 1
        }
        do { return try Distribution.parse(s) } catch let e as VariatesError {
            n.fail("\(e)", expected: "a distribution of sizes such as lognormal(p50=20MB, p99=200MB) or 200MB")
        } catch { n.fail("\(error)") }
        return nil
    }

    /// A Bronze format (default parquet-snappy).
    static func format(_ n: ConfigNode?) -> StorageFormat? {
        guard let n else { return .parquetSnappy }
        guard let t = n.text(expected: "a file format") else { return nil }
        if let f = StorageFormat(rawValue: t) { return f }
        let all = StorageFormat.allCases.map(\.rawValue)
        n.fail("unknown format `\(t)`" + Spelling.suggestion(for: t, in: all), expected: all.joined(separator: ", "))
        return nil
    }

    /// A compression ratio ≥ 1, `.some(nil)` when absent (the measured figure).
    static func ratio(_ n: ConfigNode?) -> Double?? {
        guard let n else { return .some(nil) }
        guard let v = n.number(expected: "a ratio ≥ 1 such as 5") else { return nil }
        guard v >= 1 else {
            n.fail("a compression ratio is JSON bytes ÷ stored bytes, at least 1, got \(v)", expected: "a ratio such as 5")
            return nil
        }
        return .some(v)
    }

    /// Reports each of `errors` (fields under `path`) at the node `nodes`
    /// maps its Platform field name to, with the file's name; else at `owner`.
    static func surface(_ errors: [PlatformError], path: String, nodes: [String: ConfigNode], owner: ConfigNode) {
        for e in errors {
            let field = e.field.hasPrefix(path + ".") ? String(e.field.dropFirst(path.count + 1)) : e.field
            (nodes[field] ?? owner).fail(e.message)
        }
    }

    /// One connector of `batch.cdc`; `dataset` nil when its dataset was refused.
    static func cdc(name: String, _ f: ConfigFields, dataset: String?) -> CDCConfiguration? {
        let tables = f["tables"].map { $0.strings() } ?? []
        let rate = f.required("change_rate", expected: "a rate such as 200/s")?.rate()
        let size = f["change_size"].map { $0.size() } ?? 600
        let snapshot = f["snapshot"].map { $0.size() } ?? 0
        let snapshotRate = f["snapshot_rate"].map(throughput) ?? 50_000_000
        let poll = f["poll"].map(nanos) ?? 5_000_000_000
        let maxChanges = f["max_changes"].map { $0.rate() } ?? 20_000
        let ship = f.required("ship_latency", expected: "a distribution of seconds such as lognormal(p50=2s, p99=20s)")?.distribution()
        guard let tables, let rate, let size, let snapshot, let snapshotRate, let poll, let maxChanges, let ship else { return nil }
        guard size >= 1, size <= Double(Int32.max) else {
            f["change_size"]!.fail("must be between 1 B and 2 GB, got \(size) bytes", expected: "a size such as 600B"); return nil
        }
        // A refused dataset is replaced by a stand-in so the other fields are still validated.
        let config = CDCConfiguration(name: name, dataset: dataset ?? "-", tables: tables, changesPerSecond: rate, changeBytes: Int(size.rounded()),
                                      snapshotBytes: Int64(snapshot.rounded()), snapshotBytesPerSecond: snapshotRate, pollIntervalNanos: poll,
                                      maxChangesPerSecond: maxChanges, shipLatency: ship)
        let errors = config.validationErrors(path: "p")
        surface(errors, path: "p", nodes: nodes(f, ["change-rate": "change_rate", "change-size": "change_size", "snapshot-size": "snapshot",
                                                    "snapshot-throughput": "snapshot_rate", "poll-interval": "poll",
                                                    "max-throughput": "max_changes", "ship-latency": "ship_latency", "dataset": "dataset"]),
                owner: f.owner)
        return errors.isEmpty && dataset != nil ? config : nil
    }

    /// One drop of `batch.file_drops`; `dataset` nil when its dataset was refused.
    static func fileDrop(name: String, _ f: ConfigFields, dataset: String?) -> FileDropConfiguration? {
        let every = f["every"].map(nanos) ?? 3_600_000_000_000
        let offset = f["offset"].map(nanos) ?? 0
        let files = f["files"].map { $0.integer(in: 1...1_000_000, expected: "a whole number of files such as 12") } ?? 1
        let size = f.required("file_size", expected: "a distribution of sizes such as lognormal(p50=20MB, p99=200MB)").flatMap(sizeDistribution)
        let load = f["load_rate"].map(throughput) ?? 100_000_000
        let startup = f["load_startup"].map(nanos) ?? 30_000_000_000
        guard let every, let offset, let files, let size, let load, let startup else { return nil }
        let config = FileDropConfiguration(name: name, dataset: dataset ?? "-", intervalNanos: every, offsetNanos: offset, filesPerDrop: files,
                                           fileSize: size, loadBytesPerSecond: load, loadStartupNanos: startup)
        let errors = config.validationErrors(path: "p")
        surface(errors, path: "p", nodes: nodes(f, ["every": "every", "offset": "offset", "files": "files", "file-size": "file_size",
                                                    "load-throughput": "load_rate", "load-startup": "load_startup"]),
                owner: f.owner)
        return errors.isEmpty && dataset != nil ? config : nil
    }

    /// The nodes of `f` present under the file's names, keyed by Platform's field names.
    static func nodes(_ f: ConfigFields, _ names: [String: String]) -> [String: ConfigNode] {
        var out: [String: ConfigNode] = [:]
        for (platform, file) in names { if let n = f[file] { out[platform] = n } }
        return out
    }

    /// `name` when it is one of `datasets` (nil: not checked), else an issue with the nearest name.
    static func dataset(_ n: ConfigNode, datasets: [String]?) -> String? {
        guard let t = n.text(expected: "a dataset name") else { return nil }
        if let datasets, !datasets.contains(t) {
            n.fail("no dataset named `\(t)`" + Spelling.suggestion(for: t, in: datasets),
                   expected: datasets.isEmpty ? "a dataset of storage.datasets or of batch.cdc / batch.file_drops"
                                              : "one of " + datasets.joined(separator: ", "))
            return nil
        }
        return t
    }
}
