/// The mapping layer between the Platform storage model and Planning:
/// retained bytes by tier month by month through `Planning.StorageGrowth`,
/// and the monthly cost per cloud and component through Planning's price
/// catalogs. It lives in Experiment because Platform may not import
/// Planning (Planning sits above it) and Planning may not import Platform.
///
/// For each dataset and each layer with bytes (Bronze, Silver, Gold), one
/// `DatasetLifecycle` is projected: the layer's stored bytes per day,
/// `copies` copies, the lifecycle's classes with each cloud's price per
/// GB-month and minimum storage duration for that class (the catalog entry
/// whose metric is the class's, e.g. `storage-infrequent-gb-months`), and
/// the retention. Bytes by tier do not depend on the cloud; charges do
/// (GCS Archive bills 365 days minimum, S3 Deep Archive and Azure Archive
/// 180). Monthly cost is the last projected month, which is at steady state:
/// the projection runs to the month after the longest retention (at least 12).

import Foundation
import Planning
import Platform

/// Retained bytes and monthly cost of the storage side.
public enum StoragePlanning {
    /// Months projected for lifecycles with `retentionDays` (at least 12; one past the steady state).
    public static func months(retentionDays: [Int]) -> Int {
        max(12, Int((Double(retentionDays.max() ?? 0) / 30).rounded(.up)) + 1)
    }

    /// The Planning lifecycle of one layer: `storedBytesPerDay` through `lifecycle`, priced from `catalog`
    /// (`nil`: unpriced, for bytes only).
    /// - Throws: ``PlanningError`` when the catalog has no price for a class the lifecycle uses.
    public static func lifecycle(name: String, storedBytesPerDay: Double, lifecycle: LifecycleConfiguration,
                                 catalog: CostCatalog?) throws -> DatasetLifecycle {
        let tiers = try lifecycle.tiers.map { t -> StorageTier in
            guard let catalog else { return StorageTier(name: t.storageClass.rawValue, entersAtAgeDays: t.entersAtAgeDays) }
            guard let entry = catalog.entries.first(where: { $0.metric == t.storageClass.catalogMetric }) else {
                throw PlanningError(field: "catalog \(catalog.cloud)", "no price for storage class \(t.storageClass.rawValue) (metric \(t.storageClass.catalogMetric))")
            }
            return StorageTier(name: t.storageClass.rawValue, entersAtAgeDays: t.entersAtAgeDays,
                               minimumDays: entry.minimumDays ?? 0, pricePerGBMonth: try entry.money())
        }
        let l = DatasetLifecycle(name: name, dailyRaw: ByteCount(bytes: storedBytesPerDay), compressionRatio: 1,
                                 copies: lifecycle.copies, tiers: tiers, retentionDays: lifecycle.retentionDays)
        try l.validate()
        return l
    }

    /// The layers of `volume` with bytes, as (name, stored bytes per day).
    static func layers(_ volume: DatasetStorageResult) -> [(name: String, bytes: Double)] {
        volume.layers.filter { $0.storedBytesPerDay > 0 }.map { ("\(volume.dataset)/\($0.layer.rawValue)", $0.storedBytesPerDay) }
    }

    /// Adds `months` of `l` into `into`, by class.
    static func accumulate(_ months: [StorageMonth], of l: DatasetLifecycle, into totals: inout [[Double]]) {
        for (m, month) in months.enumerated() {
            for (i, tier) in l.tiers.enumerated() {
                let c = StorageClass(rawValue: tier.name)!
                totals[m][StorageClass.allCases.firstIndex(of: c)!] += month.endBytes[i].bytes
            }
        }
    }

    /// `[[bytes per class]]` per month → ``RetainedMonth``s.
    static func retainedMonths(_ totals: [[Double]]) -> [RetainedMonth] {
        totals.enumerated().map { m, bytes in
            RetainedMonth(month: m + 1, bytesByTier: zip(StorageClass.allCases, bytes).map { TierBytes(storageClass: $0, bytes: $1) })
        }
    }

    /// The first month whose bytes equal the next month's in every class.
    static func steadyMonth(_ months: [RetainedMonth]) -> Int? {
        zip(months, months.dropFirst()).first { a, b in
            zip(a.bytesByTier, b.bytesByTier).allSatisfy { abs($0.bytes - $1.bytes) <= 1e-9 * max(1, $0.bytes) }
        }?.0.month
    }

    /// The complete storage result: `volumes` (from ``Platform/LakehouseVolumes``) with their
    /// retained bytes filled in, the totals, and the monthly cost per cloud of
    /// `configuration.clouds` from `catalogs` (storage classes, early deletion, and the ELT's warehouse cost).
    /// - Throws: ``PlanningError`` for a cloud without a catalog or a class without a price.
    public static func result(configuration: StorageConfiguration, volumes: [DatasetStorageResult], cdc: [CDCResult] = [],
                              fileDrops: [FileDropResult] = [], elt: ELTResult? = nil, catalogs: [CostCatalog]) throws -> StorageResult {
        let lifecycles = configuration.datasets.map { configuration.lifecycle(of: $0) }
        let monthCount = months(retentionDays: lifecycles.map(\.retentionDays))
        let zeroMonths = [[Double]](repeating: [Double](repeating: 0, count: StorageClass.allCases.count), count: monthCount)
        var all = zeroMonths
        var datasets = volumes
        for (d, volume) in volumes.enumerated() {
            var mine = zeroMonths
            for layer in layers(volume) {
                let l = try lifecycle(name: layer.name, storedBytesPerDay: layer.bytes, lifecycle: lifecycles[d], catalog: nil)
                accumulate(StorageGrowth.project(l, months: monthCount), of: l, into: &mine)
            }
            datasets[d].retainedByMonth = retainedMonths(mine)
            for m in 0..<monthCount { for c in mine[m].indices { all[m][c] += mine[m][c] } }
        }
        let costs = try configuration.clouds.map { cloud -> CloudCost in
            guard let catalog = catalogs.first(where: { $0.cloud == cloud }) else {
                throw PlanningError(field: "clouds", "no price catalog for \"\(cloud)\"", accepted: catalogs.map(\.cloud))
            }
            return try monthlyCost(cloud: catalog, volumes: volumes, lifecycles: lifecycles, months: monthCount, elt: elt)
        }
        let retained = retainedMonths(all)
        return StorageResult(datasets: datasets, retainedByMonth: retained, steadyStateMonth: steadyMonth(retained),
                             cdc: cdc, fileDrops: fileDrops, elt: elt, monthlyCost: costs)
    }

    /// One cloud's monthly cost at steady state (the last of `months` months).
    static func monthlyCost(cloud catalog: CostCatalog, volumes: [DatasetStorageResult], lifecycles: [LifecycleConfiguration],
                            months: Int, elt: ELTResult?) throws -> CloudCost {
        var storage = [Money](repeating: .zero, count: StorageClass.allCases.count)
        var early = Money.zero
        var earlyVerified = true
        for (d, volume) in volumes.enumerated() {
            for layer in layers(volume) {
                let l = try lifecycle(name: layer.name, storedBytesPerDay: layer.bytes, lifecycle: lifecycles[d], catalog: catalog)
                let last = StorageGrowth.project(l, months: months).last!
                for (i, tier) in l.tiers.enumerated() {
                    let c = StorageClass.allCases.firstIndex(of: StorageClass(rawValue: tier.name)!)!
                    storage[c] = storage[c] + tier.pricePerGBMonth.times(last.gbMonths[i])
                    if last.earlyDeletionGBMonths[i] > 0 {
                        early = early + tier.pricePerGBMonth.times(last.earlyDeletionGBMonths[i])
                        earlyVerified = earlyVerified && entry(catalog, StorageClass(rawValue: tier.name)!)?.verified ?? false
                    }
                }
            }
        }
        var lines: [ComponentCost] = []
        for (i, c) in StorageClass.allCases.enumerated() {
            let e = entry(catalog, c)
            lines.append(ComponentCost(component: c.catalogComponent, service: e?.service ?? c.rawValue,
                                       monthlyUSD: storage[i].usd, verified: e?.verified ?? false))
        }
        lines.append(ComponentCost(component: "object-storage-early-deletion", service: "minimum storage duration charges",
                                   monthlyUSD: early.usd, verified: earlyVerified))
        if let elt {
            let usd = elt.costPerMonth.first { $0.cloud == catalog.cloud }?.usd ?? 0
            let service = (ServiceMapping.row("warehouse")?.services(on: catalog.cloud) ?? "warehouse") + " compute (\(elt.name))"
            // The warehouse price comes from the scenario's ELT price basis, not from a catalog with a source.
            lines.append(ComponentCost(component: "warehouse", service: service, monthlyUSD: usd, verified: false))
        }
        return CloudCost(cloud: catalog.cloud, components: lines)
    }

    static func entry(_ catalog: CostCatalog, _ c: StorageClass) -> PriceEntry? {
        catalog.entries.first { $0.metric == c.catalogMetric }
    }
}
