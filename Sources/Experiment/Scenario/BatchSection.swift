/// The `batch:` section of a scenario: SQL Server CDC connectors, provider
/// file drops and the nightly ELT job, decoded into the Platform
/// configurations (``Platform/CDCConfiguration``,
/// ``Platform/FileDropConfiguration``, ``Platform/ELTConfiguration``).
/// Fields are in ``BatchSectionFields``; running is ``BatchRun``.
///
/// Rules checked here, every one reported at its node with the others:
/// - `batch:` needs `storage:` (the lakehouse its datasets land in, its
///   lifecycle and clouds).
/// - Each connector and drop **declares** its dataset (`dataset:`, default
///   its own name); the name must not be a `storage.datasets` name (those
///   are fed by a sink) nor another connector's or drop's.
/// - ELT inputs and the analytics' `revenue` / `bets` datasets name a
///   `storage.datasets` dataset or a declared one (nearest name suggested).
/// - The analytics need records: the workload must have a stream of the
///   kind (transactions for `revenue`, bets for `bets`) — see ``BatchAnalyticsInput``.
/// - Impossible values (negative or zero throughputs, `scan_days: 0`, a
///   start outside the day …) are Platform's `validationErrors(path:)`,
///   surfaced at the field they come from.

import Analytics
import Foundation
import Planning
import Platform
import Variates
import Workloads

/// The decoded `batch:` section.
public struct BatchSection: Sendable {
    /// CDC connectors in file order.
    public var cdc: [CDCConfiguration]
    /// File drops in file order.
    public var fileDrops: [FileDropConfiguration]
    /// The datasets the connectors and drops declare (connectors first, then drops, file order).
    public var datasets: [DatasetConfiguration]
    /// The nightly ELT job, if any.
    public var elt: ELTConfiguration?
    /// Connectors and drops that run but cannot keep up, with the reason (``BatchSection/warnings(cdc:drops:horizon:)``).
    public var warnings: [ConfigIssue] = []

    /// A section.
    public init(cdc: [CDCConfiguration] = [], fileDrops: [FileDropConfiguration] = [], datasets: [DatasetConfiguration] = [],
                elt: ELTConfiguration? = nil) {
        self.cdc = cdc
        self.fileDrops = fileDrops
        self.datasets = datasets
        self.elt = elt
    }

    /// The storage configuration of a run: `storage`'s datasets followed by
    /// the declared ones, with the connectors, drops and ELT job.
    public func storageConfiguration(_ storage: StorageConfiguration) -> StorageConfiguration {
        var c = storage
        c.datasets += datasets
        c.cdc = cdc
        c.fileDrops = fileDrops
        c.elt = elt
        return c
    }

    /// Decodes `node`. `storage` is the decoded `storage:` section (`.some(nil)`:
    /// the file has none; `nil`: it did not decode, so names are not cross-checked).
    /// Nil (with issues) when anything is wrong.
    static func decode(_ node: ConfigNode, storage: StorageSection??, workload: Workload?, horizon: Int64?) -> BatchSection? {
        guard let f = node.fields(BatchSectionFields.top.names) else { return nil }
        let before = node.issues.issues.count
        if case .some(.none) = storage {
            node.fail("`batch:` needs a `storage:` section: the connectors' datasets land in the lakehouse, and the ELT scans it",
                      expected: "storage: {datasets: {bets: {sink: done, event_size: 300B}}}")
        }
        let stored = storage??.configuration
        var declared: [String] = []
        var datasets: [DatasetConfiguration] = []
        func declare(_ entry: ConfigFields, owner: String, what: String) -> DatasetConfiguration? {
            let n = entry["dataset"]
            let name = n.map { $0.text(expected: "a dataset name") } ?? owner
            guard let name else { return nil }
            let at = n ?? entry.owner
            if name.isEmpty { at.fail("a dataset name must not be empty", expected: "a name such as cdc_accounts"); return nil }
            if let stored, let d = stored.datasets.first(where: { $0.name == name }) {
                at.fail("dataset `\(name)` is a storage dataset fed by the sink `\(d.source)`; a \(what) declares a dataset of its own",
                        expected: "a new dataset name such as \(owner)_raw")
                return nil
            }
            if declared.contains(name) {
                at.fail("dataset `\(name)` is already declared by another connector or file drop", expected: "a dataset name of its own")
                return nil
            }
            declared.append(name)
            guard let format = BatchDecoding.format(entry["format"]), let ratio = BatchDecoding.ratio(entry["compression_ratio"]) else { return nil }
            return DatasetConfiguration(name: name, source: owner, format: format, compressionRatio: ratio)
        }
        var cdc: [CDCConfiguration] = []
        var marks: [ConfigNode] = []
        if let c = f["cdc"], let entries = c.namedEntries() {
            for (name, entry, _) in entries {
                guard let e = entry.fields(BatchSectionFields.cdcFields.names) else { continue }
                let dataset = declare(e, owner: name, what: "CDC connector")
                if let config = BatchDecoding.cdc(name: name, e, dataset: dataset?.name) { cdc.append(config); marks.append(entry) }
                if let dataset { datasets.append(dataset) }
            }
        }
        var drops: [FileDropConfiguration] = []
        if let d = f["file_drops"], let entries = d.namedEntries() {
            for (name, entry, _) in entries {
                guard let e = entry.fields(BatchSectionFields.fileDropFields.names) else { continue }
                let dataset = declare(e, owner: name, what: "file drop")
                if let config = BatchDecoding.fileDrop(name: name, e, dataset: dataset?.name) { drops.append(config); marks.append(entry) }
                if let dataset { datasets.append(dataset) }
            }
        }
        var elt: ELTConfiguration?
        if let n = f["elt"] {
            let names = stored.map { $0.datasets.map(\.name) + declared }
            elt = BatchDecoding.elt(n, datasets: names, clouds: stored?.clouds ?? [], workload: workload)
        }
        guard node.issues.issues.count == before else { return nil }
        var section = BatchSection(cdc: cdc, fileDrops: drops, datasets: datasets, elt: elt)
        section.warnings = warnings(cdc: zip(cdc, marks.prefix(cdc.count)).map { $0 }, drops: zip(drops, marks.dropFirst(cdc.count)).map { $0 },
                                    horizon: horizon)
        return section
    }

    /// Configurations that run but cannot keep up: a connector committing more
    /// changes than it applies (its lag grows without bound), a snapshot that
    /// outlasts the horizon (no change ships during the run), and a drop whose
    /// mean load work exceeds its interval (the backlog grows every drop).
    static func warnings(cdc: [(CDCConfiguration, ConfigNode)], drops: [(FileDropConfiguration, ConfigNode)], horizon: Int64?) -> [ConfigIssue] {
        var out: [ConfigIssue] = []
        func warn(_ n: ConfigNode, _ message: String) {
            out.append(ConfigIssue(file: n.issues.file, line: n.mark?.line ?? 0, column: n.mark?.column ?? 0, path: n.path, message: message))
        }
        func time(_ seconds: Double) -> String { TimeSpan(seconds: seconds).formatted }
        for (c, n) in cdc {
            if c.changesPerSecond > c.maxChangesPerSecond {
                warn(n, "\(c.name) commits \(NumberText.significant(c.changesPerSecond, digits: 4)) changes/s but applies at most \(NumberText.significant(c.maxChangesPerSecond, digits: 4))/s: its lag grows without bound")
            }
            let snapshot = Double(c.snapshotBytes) / c.snapshotBytesPerSecond
            if let horizon, snapshot * 1e6 >= Double(horizon) {
                warn(n, "the snapshot of \(c.name) takes \(time(snapshot)), not shorter than the horizon \(time(Double(horizon) / 1e6)): no change ships during the run")
            }
        }
        for (d, n) in drops {
            let work = Double(d.filesPerDrop) * (Double(d.loadStartupNanos) / 1e9 + d.fileSize.mean / d.loadBytesPerSecond)
            if work * 1e9 > Double(d.intervalNanos) {
                warn(n, "a drop of \(d.name) takes \(time(work)) to load on average, longer than its interval \(time(Double(d.intervalNanos) / 1e9)): the backlog grows every drop")
            }
        }
        return out
    }
}
