/// The `storage:` section of a scenario: datasets fed by sinks, decoded
/// into the Platform storage configuration (``Platform/StorageConfiguration``),
/// and, after a run, the storage result: what the sinks delivered becomes
/// bytes per day, retained bytes by tier over the retention period and the
/// monthly cost per cloud (``StoragePlanning``, Planning's catalogs).

import Foundation
import Planning
import Platform
import Variates

/// The decoded `storage:` section.
public struct StorageSection: Sendable {
    /// The Platform configuration.
    public var configuration: StorageConfiguration
    /// Each dataset's sink and raw record size (bytes), in dataset order.
    public var feeds: [(sink: String, eventBytes: Double)]

    /// Decodes `node`; `sinks` are the scenario's sink names (nil when the components did not decode).
    static func decode(_ node: ConfigNode, sinks: [String]?, clouds: [String]) -> StorageSection? {
        guard let f = node.fields(ScenarioFields.storageFields.names) else { return nil }
        let before = node.issues.issues.count
        func days(_ name: String, _ fallback: Int) -> Int? {
            guard let n = f[name] else { return fallback }
            guard let us = n.duration() else { return nil }
            guard us > 0, us % 86_400_000_000 == 0 else {
                n.fail("must be a whole number of days above 0, got \(n.text() ?? "")", expected: "a duration such as 30d or 1y"); return nil
            }
            return Int(us / 86_400_000_000)
        }
        let retention = days("retention", 365), infrequent = days("infrequent_after", 30), archive = days("archive_after", 90)
        let copies = f["copies"].map { $0.integer(in: 1...10, expected: "a whole number between 1 and 10") } ?? 1
        if let i = infrequent, let a = archive, let r = retention, !(i < a && a < r) {
            f.owner.fail("the ages must increase: infrequent_after (\(i) d) < archive_after (\(a) d) < retention (\(r) d)", expected: "e.g. 30d, 90d, 365d")
        }
        var datasets: [DatasetConfiguration] = []
        var feeds: [(sink: String, eventBytes: Double)] = []
        if let d = f.required("datasets", expected: "a mapping of dataset names to {sink, event_size}"), let entries = d.namedEntries() {
            if entries.isEmpty { d.fail("name at least one dataset", expected: "{transactions: {sink: done, event_size: 1KB}}") }
            for (name, entry, _) in entries {
                guard let df = entry.fields(ScenarioFields.datasetFields.names) else { continue }
                let sinkNode = df.required("sink", expected: "the name of a sink")
                let sink = sinkNode?.text(expected: "a sink name")
                if let sink, let sinks, !sinks.contains(sink) {
                    sinkNode!.fail("dataset `\(name)` is fed by `\(sink)`, which is not a sink" + Spelling.suggestion(for: sink, in: sinks),
                                   expected: "one of " + sinks.joined(separator: ", "))
                }
                let size = df.required("event_size", expected: "a size such as 1KB")?.size()
                if let size, size <= 0 { df["event_size"]!.fail("must be greater than 0", expected: "a size such as 1KB") }
                var format: StorageFormat? = .parquetSnappy
                if let n = df["format"], let t = n.text(expected: "a file format") {
                    format = StorageFormat(rawValue: t)
                    if format == nil {
                        let all = StorageFormat.allCases.map(\.rawValue)
                        n.fail("unknown format `\(t)`" + Spelling.suggestion(for: t, in: all), expected: all.joined(separator: ", "))
                    }
                }
                var ratio: Double?? = .some(nil)
                if let n = df["compression_ratio"] {
                    ratio = n.number(expected: "a ratio ≥ 1 such as 5").map { v -> Double? in
                        guard v >= 1 else { n.fail("a compression ratio is JSON bytes ÷ stored bytes, at least 1, got \(v)", expected: "a ratio such as 5"); return nil }
                        return v
                    }
                }
                let silver = df["silver_fraction"].map { $0.fraction() } ?? 0.6
                let gold = df["gold_fraction"].map { $0.fraction() } ?? 0.05
                if let sink, let size, size > 0, let format, let ratio, let silver, let gold {
                    datasets.append(DatasetConfiguration(name: name, source: sink, format: format, compressionRatio: ratio,
                                                         silverFraction: silver, goldFraction: gold))
                    feeds.append((sink, size))
                }
            }
        }
        guard node.issues.issues.count == before, let retention, let infrequent, let archive, let copies else { return nil }
        let lifecycle = LifecycleConfiguration(rules: [LifecycleRule(afterDays: infrequent, storageClass: .infrequent),
                                                       LifecycleRule(afterDays: archive, storageClass: .archive)],
                                               retentionDays: retention, copies: copies)
        let configuration = StorageConfiguration(datasets: datasets, lifecycle: lifecycle, clouds: clouds)
        for e in configuration.validationErrors() { node.fail("\(e)") }
        return node.issues.issues.count == before ? StorageSection(configuration: configuration, feeds: feeds) : nil
    }

    /// The storage result of a run: each dataset's sink delivered `records`
    /// after the warm-up over `observedSeconds` (all replications).
    /// - Throws: ``PlanningError`` when a catalog lacks a price the lifecycle needs.
    func result(records: (String) -> Int, observedSeconds: Double, overrides: PriceOverrides?) throws -> StorageResult {
        let deliveries = zip(configuration.datasets, feeds).map { d, feed in
            let n = records(feed.sink)
            return SinkDelivery(dataset: d.name, day: 0, records: Int64(n), bytes: Int64((Double(n) * feed.eventBytes).rounded()),
                                observedSeconds: observedSeconds)
        }
        let volumes = LakehouseVolumes.volumes(configuration, deliveries: deliveries, table: try CompressionTable.shipped())
        let catalogs = try configuration.clouds.map { try CostCatalog.shipped($0).overridden(by: overrides?.entries(for: $0) ?? []) }
        return try StoragePlanning.result(configuration: configuration, volumes: volumes, catalogs: catalogs)
    }
}
