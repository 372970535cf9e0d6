/// The storage and batch side of a run in one call, for the scenario
/// runner: CDC connectors and file drops are run as trace models over the
/// horizon and add their deliveries to the sinks'; every dataset's volumes
/// follow (``LakehouseVolumes``); the nightly ELT scans them and reports the
/// batch analytics the feed computed on the delivered records; retained
/// bytes and monthly cost per cloud come from Planning (``StoragePlanning``).

import Planning
import Platform
import Variates

/// Runs the storage side.
public enum StorageRun {
    /// The storage result of a run.
    ///
    /// - Parameters:
    ///   - configuration: the storage configuration (validated here).
    ///   - deliveries: what the streaming sinks delivered per dataset and day.
    ///   - horizonNanos: the simulated time the deliveries cover (CDC and file drops run over it).
    ///   - seeds: the run's seed tree (streams `cdc/<name>/…`, `file-drop/<name>`).
    ///   - writers: finished Bronze writers by dataset name, when records were fed to them.
    ///   - analytics: the batch analytics feed the sinks' records went through, if any.
    ///   - catalogs: price catalogs (default: the shipped ones).
    ///   - compression: the compression table (default: the shipped, measured one).
    /// - Throws: the first ``PlatformError`` of the configuration, or a ``PlanningError`` from pricing.
    public static func run(_ configuration: StorageConfiguration, deliveries: [SinkDelivery], horizonNanos: Int64, seeds: SeedTree,
                           writers: [String: BronzeWriter] = [:], analytics: BatchAnalyticsFeed? = nil,
                           catalogs: [CostCatalog]? = nil, compression: CompressionTable? = nil) throws -> StorageResult {
        try configuration.validate()
        var all = deliveries
        var cdc: [CDCResult] = []
        for c in configuration.cdc {
            let (r, d) = CDCConnector.run(c, horizonNanos: horizonNanos, seeds: seeds)
            cdc.append(r)
            all += d
        }
        var drops: [FileDropResult] = []
        for f in configuration.fileDrops {
            let (r, d) = FileDropLoader.run(f, horizonNanos: horizonNanos, seeds: seeds)
            drops.append(r)
            all += d
        }
        let table = try compression ?? CompressionTable.shipped()
        let volumes = LakehouseVolumes.volumes(configuration, deliveries: all, table: table, writers: writers)
        let elt = configuration.elt.map {
            NightlyELT.run($0, volumes: volumes, analytics: analytics?.result() ?? BatchAnalyticsResult(), clouds: configuration.clouds)
        }
        let prices = try catalogs ?? configuration.clouds.map { try CostCatalog.shipped($0) }
        return try StoragePlanning.result(configuration: configuration, volumes: volumes, cdc: cdc, fileDrops: drops,
                                          elt: elt, catalogs: prices)
    }
}
