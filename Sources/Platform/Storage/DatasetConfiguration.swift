/// A lakehouse dataset: which sink feeds it, how its Bronze files are
/// written and rolled, and what Silver and Gold derive from it.

/// How a Bronze writer closes files: by size or by age, whichever comes first.
public struct FileRolling: Sendable, Equatable {
    /// Close a file once it holds this many stored (compressed) bytes; `nil`: no size limit.
    public var maxFileBytes: Int64?
    /// Close a file this long after its first record, ns; `nil`: no time limit.
    public var maxFileAgeNanos: Int64?
    /// Writers rolling files in parallel (one per partition or task); each has its own open file.
    public var writers: Int

    /// Rolling by `maxFileBytes` and/or `maxFileAgeNanos` with `writers` parallel writers.
    public init(maxFileBytes: Int64? = 128_000_000, maxFileAgeNanos: Int64? = 300_000_000_000, writers: Int = 1) {
        self.maxFileBytes = maxFileBytes
        self.maxFileAgeNanos = maxFileAgeNanos
        self.writers = writers
    }
}

/// One dataset of the lakehouse.
public struct DatasetConfiguration: Sendable, Equatable {
    /// The dataset's name (`bets`, `transactions`).
    public var name: String
    /// The sink, stream, CDC connector or file drop that feeds it (a name in the scenario).
    public var source: String
    /// Bronze file format.
    public var format: StorageFormat
    /// JSON bytes ÷ stored bytes for Bronze; `nil`: the measured figure for `format`.
    public var compressionRatio: Double?
    /// How Bronze files roll.
    public var rolling: FileRolling
    /// Silver stored bytes ÷ Bronze stored bytes, in [0, 1] (0: no Silver).
    public var silverFraction: Double
    /// Gold stored bytes ÷ Silver stored bytes, in [0, 1] (0: no Gold).
    public var goldFraction: Double
    /// This dataset's lifecycle; `nil`: the storage-wide default.
    public var lifecycle: LifecycleConfiguration?

    /// A dataset.
    public init(name: String, source: String, format: StorageFormat = .parquetSnappy, compressionRatio: Double? = nil,
                rolling: FileRolling = FileRolling(), silverFraction: Double = 0.6, goldFraction: Double = 0.05,
                lifecycle: LifecycleConfiguration? = nil) {
        self.name = name
        self.source = source
        self.format = format
        self.compressionRatio = compressionRatio
        self.rolling = rolling
        self.silverFraction = silverFraction
        self.goldFraction = goldFraction
        self.lifecycle = lifecycle
    }

    /// Every bad value, each naming its field under `path` (`storage.datasets[0]`).
    public func validationErrors(path: String) -> [PlatformError] {
        var errors: [PlatformError] = []
        if name.isEmpty { errors.append(PlatformError(field: "\(path).name", "must not be empty")) }
        if source.isEmpty { errors.append(PlatformError(field: "\(path).source", "must name the sink or stream that feeds the dataset")) }
        if let r = compressionRatio, !(r.isFinite && r > 0) {
            errors.append(PlatformError(field: "\(path).compression-ratio", "must be a positive number (JSON bytes ÷ stored bytes, e.g. 5), got \(r)"))
        }
        if let b = rolling.maxFileBytes, b <= 0 {
            errors.append(PlatformError(field: "\(path).rolling.max-file-size", "must be positive, e.g. 128MB, got \(b) bytes"))
        }
        if let t = rolling.maxFileAgeNanos, t <= 0 {
            errors.append(PlatformError(field: "\(path).rolling.max-file-age", "must be positive, e.g. 5m, got \(t) ns"))
        }
        if rolling.maxFileBytes == nil && rolling.maxFileAgeNanos == nil {
            errors.append(PlatformError(field: "\(path).rolling", "needs max-file-size, max-file-age or both (files would never close)"))
        }
        if rolling.writers < 1 { errors.append(PlatformError(field: "\(path).rolling.writers", "must be at least 1, got \(rolling.writers)")) }
        for (field, f) in [("silver-fraction", silverFraction), ("gold-fraction", goldFraction)] where !(f >= 0 && f <= 1) {
            errors.append(PlatformError(field: "\(path).\(field)", "must be a fraction in [0, 1], got \(f)"))
        }
        if let l = lifecycle { errors += l.validationErrors(path: "\(path).lifecycle") }
        return errors
    }
}
