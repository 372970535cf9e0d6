/// Daily volumes of a dataset through its layers and tiers, from what the
/// sinks delivered.
///
/// - Rate: records and JSON bytes delivered to the dataset (deliveries whose
///   `dataset` is the dataset's name or its `source`), summed over the run,
///   × 86,400 ÷ the seconds observed: a per-day rate at the run's average.
/// - Bronze stored bytes per day = JSON bytes per day ÷ the compression
///   ratio (configured, else the measured ratio of the format for a stream
///   of that name, else the overall measured ratio; ``CompressionTable``).
/// - Silver = Bronze × silver-fraction; Gold = Silver × gold-fraction.
/// - Bytes entering a class per day: a layer's stored bytes × copies for
///   each class of the lifecycle that holds some age before retention;
///   classes are always listed hot, infrequent, archive.
/// - Bronze files: the ``BronzeWriter``'s counts when the caller fed it the
///   records, else the steady-stream arithmetic of ``FileRolling``.
///
/// Retained bytes month by month and their cost need the Planning module
/// (``DatasetStorageResult/retainedByMonth`` is left empty here); the
/// Experiment layer fills it through `Planning.StorageGrowth`.

/// Volume arithmetic for datasets.
public enum LakehouseVolumes {
    /// The deliveries that feed `dataset`.
    public static func deliveries(of dataset: DatasetConfiguration, in all: [SinkDelivery]) -> [SinkDelivery] {
        all.filter { $0.dataset == dataset.name || $0.dataset == dataset.source }
    }

    /// JSON bytes ÷ Bronze bytes for `dataset`, and whether it is a measured figure.
    public static func compressionRatio(of dataset: DatasetConfiguration, table: CompressionTable) -> (ratio: Double, measured: Bool) {
        if let r = dataset.compressionRatio { return (r, false) }
        return (table.ratio(dataset.format, dataset: dataset.name), table.measured)
    }

    /// Bytes entering each class per day for `storedBytesPerDay` under `lifecycle` (hot, infrequent, archive).
    public static func bytesPerDayByTier(storedBytesPerDay: Double, lifecycle: LifecycleConfiguration) -> [TierBytes] {
        let tiers = lifecycle.tiers
        return StorageClass.allCases.map { c in
            guard let i = tiers.firstIndex(where: { $0.storageClass == c }) else { return TierBytes(storageClass: c, bytes: 0) }
            let entry = tiers[i].entersAtAgeDays
            let exit = i + 1 < tiers.count ? tiers[i + 1].entersAtAgeDays : lifecycle.retentionDays
            let holds = min(exit, lifecycle.retentionDays) > min(entry, lifecycle.retentionDays)
            return TierBytes(storageClass: c, bytes: holds ? storedBytesPerDay * Double(lifecycle.copies) : 0)
        }
    }

    /// The volumes of one dataset; `writer` is its Bronze writer when records were fed to it
    /// (finished), `nil` to use the steady-stream file arithmetic.
    /// - Precondition: the configuration passed validation.
    public static func volume(of dataset: DatasetConfiguration, lifecycle: LifecycleConfiguration, deliveries all: [SinkDelivery],
                              table: CompressionTable, writer: BronzeWriter? = nil) -> DatasetStorageResult {
        let mine = deliveries(of: dataset, in: all)
        let seconds = mine.reduce(0) { $0 + $1.observedSeconds }
        let records = mine.reduce(Int64(0)) { $0 + $1.records }
        let bytes = mine.reduce(Int64(0)) { $0 + $1.bytes }
        let perDay = seconds > 0 ? 86_400 / seconds : 0
        let (ratio, measured) = compressionRatio(of: dataset, table: table)
        let bronze = Double(bytes) * perDay / ratio
        let silver = bronze * dataset.silverFraction
        let gold = silver * dataset.goldFraction
        let layers = [(LakehouseLayer.bronze, bronze), (.silver, silver), (.gold, gold)].map {
            LayerVolume(layer: $0.0, storedBytesPerDay: $0.1, bytesPerDayByTier: bytesPerDayByTier(storedBytesPerDay: $0.1, lifecycle: lifecycle))
        }
        let files = writer.map { $0.stats(observedSeconds: seconds) }
            ?? dataset.rolling.expectedStats(storedBytesPerSecond: bronze / 86_400, observedSeconds: seconds)
        return DatasetStorageResult(dataset: dataset.name, recordsPerDay: Double(records) * perDay,
                                    rawBytesPerDay: Double(bytes) * perDay, compressionRatio: ratio,
                                    compressionMeasured: measured, layers: layers, bronzeFiles: files, retainedByMonth: [])
    }

    /// The volumes of every dataset of `configuration`, in its order; `writers` by dataset name.
    public static func volumes(_ configuration: StorageConfiguration, deliveries: [SinkDelivery], table: CompressionTable,
                               writers: [String: BronzeWriter] = [:]) -> [DatasetStorageResult] {
        configuration.datasets.map {
            volume(of: $0, lifecycle: configuration.lifecycle(of: $0), deliveries: deliveries, table: table, writer: writers[$0.name])
        }
    }
}
