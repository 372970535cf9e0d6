/// Provider file drops: files that arrive on a schedule (hourly game-round
/// exports, settlement files) and a load job that copies each into a dataset.

import Variates

/// One scheduled file drop and its load job.
public struct FileDropConfiguration: Sendable, Equatable {
    /// The drop's name (`provider-rounds`).
    public var name: String
    /// The dataset the load job writes to.
    public var dataset: String
    /// Time between drops, ns (3,600 s for hourly).
    public var intervalNanos: Int64
    /// Time of the first drop after the start of the run, ns.
    public var offsetNanos: Int64
    /// Files in each drop.
    public var filesPerDrop: Int
    /// Size of one file, bytes (a distribution: `lognormal(p50=200M, p99=2G)`).
    public var fileSize: Distribution
    /// Load job throughput, bytes per second (one file at a time, first come first served).
    public var loadBytesPerSecond: Double
    /// Fixed start-up time of each file's load, ns.
    public var loadStartupNanos: Int64

    /// A file drop.
    public init(name: String, dataset: String, intervalNanos: Int64 = 3_600_000_000_000, offsetNanos: Int64 = 0,
                filesPerDrop: Int = 1, fileSize: Distribution, loadBytesPerSecond: Double = 100_000_000,
                loadStartupNanos: Int64 = 30_000_000_000) {
        self.name = name
        self.dataset = dataset
        self.intervalNanos = intervalNanos
        self.offsetNanos = offsetNanos
        self.filesPerDrop = filesPerDrop
        self.fileSize = fileSize
        self.loadBytesPerSecond = loadBytesPerSecond
        self.loadStartupNanos = loadStartupNanos
    }

    /// Every bad value, each naming its field under `path` (`storage.file-drops[0]`).
    public func validationErrors(path: String) -> [PlatformError] {
        var errors: [PlatformError] = []
        if name.isEmpty { errors.append(PlatformError(field: "\(path).name", "must not be empty")) }
        if dataset.isEmpty { errors.append(PlatformError(field: "\(path).dataset", "must name the dataset the files load into")) }
        if intervalNanos <= 0 { errors.append(PlatformError(field: "\(path).every", "must be positive, e.g. 1h, got \(intervalNanos) ns")) }
        if offsetNanos < 0 { errors.append(PlatformError(field: "\(path).offset", "must be ≥ 0, e.g. 5m, got \(offsetNanos) ns")) }
        if filesPerDrop < 1 { errors.append(PlatformError(field: "\(path).files", "must be at least 1, got \(filesPerDrop)")) }
        if !(fileSize.mean.isFinite && fileSize.mean > 0) {
            errors.append(PlatformError(field: "\(path).file-size", "must have a finite positive mean in bytes, e.g. lognormal(p50=200M, p99=2G), got \(fileSize)"))
        }
        if !(loadBytesPerSecond.isFinite && loadBytesPerSecond > 0) {
            errors.append(PlatformError(field: "\(path).load-throughput", "must be positive, e.g. 100MB/s, got \(loadBytesPerSecond)"))
        }
        if loadStartupNanos < 0 { errors.append(PlatformError(field: "\(path).load-startup", "must be ≥ 0, e.g. 30s, got \(loadStartupNanos) ns")) }
        return errors
    }

    public static func == (a: FileDropConfiguration, b: FileDropConfiguration) -> Bool {
        a.name == b.name && a.dataset == b.dataset && a.intervalNanos == b.intervalNanos && a.offsetNanos == b.offsetNanos
            && a.filesPerDrop == b.filesPerDrop && a.fileSize.description == b.fileSize.description
            && a.loadBytesPerSecond == b.loadBytesPerSecond && a.loadStartupNanos == b.loadStartupNanos
    }
}
