/// A SQL Server change-data-capture connector (Debezium, Datastream, DMS,
/// ADF CDC): an initial snapshot, then the change log polled at an interval
/// and shipped to a dataset.

import Variates

/// One CDC connector.
public struct CDCConfiguration: Sendable, Equatable {
    /// The connector's name (`sqlserver-cdc`).
    public var name: String
    /// The dataset it writes to.
    public var dataset: String
    /// Source tables captured (labels for the report).
    public var tables: [String]
    /// Committed row changes per second in the source database.
    public var changesPerSecond: Double
    /// JSON bytes of one change event (row image plus envelope).
    public var changeBytes: Int
    /// Bytes read by the initial snapshot.
    public var snapshotBytes: Int64
    /// Snapshot read rate, bytes per second.
    public var snapshotBytesPerSecond: Double
    /// How often the connector reads the change tables, ns.
    public var pollIntervalNanos: Int64
    /// Changes the connector ships per second at most (its apply throughput).
    public var maxChangesPerSecond: Double
    /// Delay from a poll to the batch landing in the sink (network, serialization, commit),
    /// seconds; a negative draw counts as 0.
    public var shipLatency: Distribution

    /// A connector.
    public init(name: String, dataset: String, tables: [String] = [], changesPerSecond: Double, changeBytes: Int = 600,
                snapshotBytes: Int64 = 0, snapshotBytesPerSecond: Double = 50_000_000, pollIntervalNanos: Int64 = 5_000_000_000,
                maxChangesPerSecond: Double = 20_000, shipLatency: Distribution) {
        self.name = name
        self.dataset = dataset
        self.tables = tables
        self.changesPerSecond = changesPerSecond
        self.changeBytes = changeBytes
        self.snapshotBytes = snapshotBytes
        self.snapshotBytesPerSecond = snapshotBytesPerSecond
        self.pollIntervalNanos = pollIntervalNanos
        self.maxChangesPerSecond = maxChangesPerSecond
        self.shipLatency = shipLatency
    }

    /// Every bad value, each naming its field under `path` (`storage.cdc[0]`).
    public func validationErrors(path: String) -> [PlatformError] {
        var errors: [PlatformError] = []
        if name.isEmpty { errors.append(PlatformError(field: "\(path).name", "must not be empty")) }
        if dataset.isEmpty { errors.append(PlatformError(field: "\(path).dataset", "must name the dataset the changes land in")) }
        if !(changesPerSecond.isFinite && changesPerSecond >= 0) {
            errors.append(PlatformError(field: "\(path).change-rate", "must be a rate ≥ 0, e.g. 200/s, got \(changesPerSecond)"))
        }
        if changeBytes < 1 { errors.append(PlatformError(field: "\(path).change-size", "must be at least 1 byte, e.g. 600B, got \(changeBytes)")) }
        if snapshotBytes < 0 { errors.append(PlatformError(field: "\(path).snapshot-size", "must be ≥ 0, e.g. 50GB, got \(snapshotBytes)")) }
        if !(snapshotBytesPerSecond.isFinite && snapshotBytesPerSecond > 0) {
            errors.append(PlatformError(field: "\(path).snapshot-throughput", "must be positive, e.g. 50MB/s, got \(snapshotBytesPerSecond)"))
        }
        if pollIntervalNanos <= 0 { errors.append(PlatformError(field: "\(path).poll-interval", "must be positive, e.g. 5s, got \(pollIntervalNanos) ns")) }
        if !(maxChangesPerSecond.isFinite && maxChangesPerSecond > 0) {
            errors.append(PlatformError(field: "\(path).max-throughput", "must be positive, e.g. 20k/s, got \(maxChangesPerSecond)"))
        }
        if !(shipLatency.mean.isFinite && shipLatency.mean >= 0) {
            errors.append(PlatformError(field: "\(path).ship-latency", "must have a finite mean ≥ 0 seconds, got \(shipLatency)"))
        }
        return errors
    }

    public static func == (a: CDCConfiguration, b: CDCConfiguration) -> Bool {
        a.name == b.name && a.dataset == b.dataset && a.tables == b.tables && a.changesPerSecond == b.changesPerSecond
            && a.changeBytes == b.changeBytes && a.snapshotBytes == b.snapshotBytes
            && a.snapshotBytesPerSecond == b.snapshotBytesPerSecond && a.pollIntervalNanos == b.pollIntervalNanos
            && a.maxChangesPerSecond == b.maxChangesPerSecond && a.shipLatency.description == b.shipLatency.description
    }
}
