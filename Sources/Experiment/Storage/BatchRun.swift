/// The batch side of a scenario run (`batch:`), after the main simulation
/// and its storage result: the CDC connectors and file drops run as trace
/// models over the horizon (seed subtree `batch` of the run's root: streams
/// `batch/cdc/<name>/…`, `batch/file-drop/<name>`), their deliveries become
/// the volumes of the datasets they declare, the nightly ELT scans every
/// dataset's volumes and reports the batch analytics on the generated
/// records (``BatchAnalyticsInput``), and retained bytes and the monthly
/// cost per cloud — storage classes plus the ELT's `warehouse` line — are
/// recomputed over all datasets (``StoragePlanning``).
///
/// The sink-fed datasets keep the volumes and Bronze file counts the
/// storage side computed (from the simulation, averaged over replications);
/// the connectors and drops run once, over one horizon.

import Foundation
import Planning
import Platform
import Variates

/// Runs the batch side of a scenario.
public enum BatchRun {
    /// The storage result with the batch side: `storage` is the sink side's
    /// result (its datasets in `storageSection`'s order), `root` the run's root seed.
    /// - Throws: ``PlatformError`` for a configuration the model refuses or an
    ///   analytics dataset whose stream cannot be told; ``PlanningError`` from pricing.
    public static func result(_ batch: BatchSection, scenario: Scenario, storageSection: StorageSection, storage: StorageResult,
                              root: UInt64) throws -> StorageResult {
        let config = batch.storageConfiguration(storageSection.configuration)
        try config.validate()
        let fed = storageSection.configuration.datasets.map(\.name)
        guard storage.datasets.map(\.dataset) == fed else {
            throw PlatformError(field: "batch", "the storage result's datasets (\(storage.datasets.map(\.dataset).joined(separator: ", "))) are not storage.datasets (\(fed.joined(separator: ", ")))")
        }
        let horizon = scenario.horizon * 1000
        let seeds = SeedTree(root: root).subtree("batch")
        var deliveries: [SinkDelivery] = []
        var cdc: [CDCResult] = []
        for c in batch.cdc {
            let (r, d) = CDCConnector.run(c, horizonNanos: horizon, seeds: seeds)
            cdc.append(r)
            deliveries += d
        }
        var drops: [FileDropResult] = []
        for f in batch.fileDrops {
            let (r, d) = FileDropLoader.run(f, horizonNanos: horizon, seeds: seeds)
            drops.append(r)
            deliveries += d
        }
        let table = try CompressionTable.shipped()
        let declared = batch.datasets.map {
            LakehouseVolumes.volume(of: $0, lifecycle: config.lifecycle(of: $0), deliveries: deliveries, table: table)
        }
        let volumes = storage.datasets.map { d -> DatasetStorageResult in
            var v = d
            v.retainedByMonth = []
            return v
        } + declared
        let elt = try batch.elt.map { job in
            let analytics = try BatchAnalyticsInput.result(job.analytics, scenario: scenario, storage: config, root: root)
            return NightlyELT.run(job, volumes: volumes, analytics: analytics, clouds: config.clouds)
        }
        let catalogs = try config.clouds.map { try CostCatalog.shipped($0).overridden(by: scenario.prices.overrides?.entries(for: $0) ?? []) }
        return try StoragePlanning.result(configuration: config, volumes: volumes, cdc: cdc, fileDrops: drops, elt: elt, catalogs: catalogs)
    }

    /// Adds the batch side to `run` (whose storage side is computed): its
    /// storage result, raw bytes per day, retained bytes by tier and monthly
    /// cost per cloud now include the connectors' and drops' datasets and the ELT.
    /// - Throws: as ``result(_:scenario:storageSection:storage:root:)``; a
    ///   ``PlatformError`` when the run has no storage result.
    public static func apply(_ batch: BatchSection, to run: inout ScenarioRunResult) throws {
        guard let section = run.scenario.storage, let storage = run.storage else {
            throw PlatformError(field: "batch", "the batch side needs the storage side of the run (a `storage:` section and its result)")
        }
        let s = try result(batch, scenario: run.scenario, storageSection: section, storage: storage, root: run.seed)
        run.storage = s
        run.rawBytesPerDay = s.rawBytesPerDay
        run.retainedBytesByTier = s.retainedBytesByTier.map { ($0.storageClass.rawValue, $0.bytes) }
        run.monthlyCostUSD = CostCatalogClouds.ordered.map { cloud in
            (cloud, s.monthlyCost.first { $0.cloud == cloud }.map { NSDecimalNumber(decimal: $0.totalUSD).doubleValue } ?? 0)
        }
    }
}
