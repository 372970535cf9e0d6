/// What the storage side reports: volumes per day and tier, retained bytes
/// month by month, Bronze file counts, CDC lag, file-drop load times, the
/// ELT runs, the batch analytics outputs and monthly cost per cloud.
///
/// Plain values; bytes are decimal (1 GB = 10⁹ bytes) where they become
/// GB, times are ns, money is exact `Decimal` USD.

import Foundation

/// The result of the storage side of one run.
public struct StorageResult: Sendable, Equatable {
    /// Per dataset, in configuration order.
    public var datasets: [DatasetStorageResult]
    /// All datasets and layers together, month by month (tier order: hot, infrequent, archive).
    public var retainedByMonth: [RetainedMonth]
    /// The first month whose end-of-month bytes equal the next month's in every tier.
    public var steadyStateMonth: Int?
    /// Per CDC connector.
    public var cdc: [CDCResult]
    /// Per file drop.
    public var fileDrops: [FileDropResult]
    /// The nightly ELT job, if configured.
    public var elt: ELTResult?
    /// Monthly cost at steady state, per cloud (configuration's cloud order).
    public var monthlyCost: [CloudCost]

    /// A result.
    public init(datasets: [DatasetStorageResult], retainedByMonth: [RetainedMonth], steadyStateMonth: Int?,
                cdc: [CDCResult] = [], fileDrops: [FileDropResult] = [], elt: ELTResult? = nil, monthlyCost: [CloudCost] = []) {
        self.datasets = datasets
        self.retainedByMonth = retainedByMonth
        self.steadyStateMonth = steadyStateMonth
        self.cdc = cdc
        self.fileDrops = fileDrops
        self.elt = elt
        self.monthlyCost = monthlyCost
    }

    /// JSON-lines bytes per day over every dataset (`storage.raw_bytes_per_day`).
    public var rawBytesPerDay: Double { datasets.reduce(0) { $0 + $1.rawBytesPerDay } }

    /// Bytes retained per tier at steady state (the last month), all datasets (`storage.retained_bytes_by_tier`).
    public var retainedBytesByTier: [TierBytes] { retainedByMonth.last?.bytesByTier ?? [] }
}

/// Bytes in one storage class.
public struct TierBytes: Sendable, Equatable, Hashable {
    /// The class.
    public var storageClass: StorageClass
    /// Bytes (stored: compressed, times copies).
    public var bytes: Double

    /// Bytes in a class.
    public init(storageClass: StorageClass, bytes: Double) {
        self.storageClass = storageClass
        self.bytes = bytes
    }
}

/// End-of-month bytes by tier.
public struct RetainedMonth: Sendable, Equatable, Hashable {
    /// 1-based month (30 days each).
    public var month: Int
    /// Bytes per class at the end of the month, in tier order.
    public var bytesByTier: [TierBytes]

    /// A month.
    public init(month: Int, bytesByTier: [TierBytes]) {
        self.month = month
        self.bytesByTier = bytesByTier
    }

    /// All tiers together.
    public var totalBytes: Double { bytesByTier.reduce(0) { $0 + $1.bytes } }
}

/// One layer of a dataset per day.
public struct LayerVolume: Sendable, Equatable, Hashable {
    /// Bronze, Silver or Gold.
    public var layer: LakehouseLayer
    /// Stored bytes per day (compressed, one copy).
    public var storedBytesPerDay: Double
    /// Bytes entering each class per day at steady state (× copies; 0 for a class data never reaches).
    public var bytesPerDayByTier: [TierBytes]

    /// A layer's volume.
    public init(layer: LakehouseLayer, storedBytesPerDay: Double, bytesPerDayByTier: [TierBytes]) {
        self.layer = layer
        self.storedBytesPerDay = storedBytesPerDay
        self.bytesPerDayByTier = bytesPerDayByTier
    }
}

/// One dataset's volumes, files and retained bytes.
public struct DatasetStorageResult: Sendable, Equatable {
    /// The dataset.
    public var dataset: String
    /// Records per day (delivered records scaled to 86,400 s).
    public var recordsPerDay: Double
    /// JSON-lines bytes per day.
    public var rawBytesPerDay: Double
    /// JSON bytes ÷ Bronze stored bytes used.
    public var compressionRatio: Double
    /// Whether `compressionRatio` is a measured figure (false: configured or unmeasured default).
    public var compressionMeasured: Bool
    /// Bronze, Silver, Gold per day.
    public var layers: [LayerVolume]
    /// Bronze files written.
    public var bronzeFiles: BronzeFileStats
    /// This dataset's layers together, month by month.
    public var retainedByMonth: [RetainedMonth]

    /// A dataset's result.
    public init(dataset: String, recordsPerDay: Double, rawBytesPerDay: Double, compressionRatio: Double,
                compressionMeasured: Bool, layers: [LayerVolume], bronzeFiles: BronzeFileStats, retainedByMonth: [RetainedMonth]) {
        self.dataset = dataset
        self.recordsPerDay = recordsPerDay
        self.rawBytesPerDay = rawBytesPerDay
        self.compressionRatio = compressionRatio
        self.compressionMeasured = compressionMeasured
        self.layers = layers
        self.bronzeFiles = bronzeFiles
        self.retainedByMonth = retainedByMonth
    }
}

/// Files the Bronze writers closed: the small-files problem in numbers.
public struct BronzeFileStats: Sendable, Equatable, Hashable {
    /// Files closed during the observed time.
    public var files: Int64
    /// Stored bytes in those files.
    public var bytes: Int64
    /// Files closed because they reached the size limit.
    public var closedBySize: Int64
    /// Files closed because they reached the age limit (or the end of the run).
    public var closedByTime: Int64
    /// Seconds the counts cover.
    public var observedSeconds: Double

    /// File counts.
    public init(files: Int64, bytes: Int64, closedBySize: Int64, closedByTime: Int64, observedSeconds: Double) {
        self.files = files
        self.bytes = bytes
        self.closedBySize = closedBySize
        self.closedByTime = closedByTime
        self.observedSeconds = observedSeconds
    }

    /// Files per day (files × 86,400 ÷ observed seconds).
    public var filesPerDay: Double { observedSeconds > 0 ? Double(files) * 86_400 / observedSeconds : 0 }
    /// Mean stored bytes per file (0 without files).
    public var meanFileBytes: Double { files > 0 ? Double(bytes) / Double(files) : 0 }
}
