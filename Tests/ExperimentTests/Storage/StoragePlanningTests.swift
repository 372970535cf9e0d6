import Foundation
import Planning
import Platform
import Testing
@testable import Experiment

/// Retained bytes through Planning.StorageGrowth against the closed form,
/// and early-deletion charges per cloud.
@Suite("Storage planning (Platform volumes through Planning)")
struct StoragePlanningTests {
    static let catalogs = CostCatalog.clouds.map { try! CostCatalog.shipped($0) }

    static func configuration(infrequentAt: Int = 30, archiveAt: Int = 90, retention: Int = 365) -> StorageConfiguration {
        StorageConfiguration(
            datasets: [DatasetConfiguration(name: "transactions", source: "sink", format: .parquetSnappy, compressionRatio: 5,
                                            silverFraction: 0.5, goldFraction: 0.1)],
            lifecycle: LifecycleConfiguration(rules: [LifecycleRule(afterDays: infrequentAt, storageClass: .infrequent),
                                                      LifecycleRule(afterDays: archiveAt, storageClass: .archive)],
                                              retentionDays: retention, copies: 2))
    }

    /// 50,000 TPS × 1 KB for a day: 4.32 TB of JSON.
    static let deliveries = [SinkDelivery(dataset: "transactions", day: 0, records: 4_320_000_000, bytes: 4_320_000_000_000)]

    static func result(_ c: StorageConfiguration) throws -> StorageResult {
        let volumes = LakehouseVolumes.volumes(c, deliveries: deliveries, table: try CompressionTable.shipped())
        return try StoragePlanning.result(configuration: c, volumes: volumes, catalogs: catalogs)
    }

    @Test("a constant rate reaches the closed-form steady state: daily stored × copies × days in each tier")
    func steadyState() throws {
        let c = Self.configuration()
        let r = try Self.result(c)
        // Bronze 864 GB/day, Silver 432, Gold 43.2 → 1,339.2 GB/day stored, × 2 copies.
        let daily = 4.32e12 / 5 * (1 + 0.5 + 0.05) * 2
        let expected = [30.0, 60, 275].map { $0 * daily }
        let month = try #require(r.steadyStateMonth)
        #expect(month == 13, "retention 365 d is reached in month 13")
        for m in r.retainedByMonth where m.month >= month {
            for (got, want) in zip(m.bytesByTier.map(\.bytes), expected) { #expect(abs(got - want) <= 1e-9 * want, "month \(m.month)") }
        }
        #expect(r.retainedBytesByTier.map(\.storageClass) == [.hot, .infrequent, .archive])
        #expect(abs(r.retainedByMonth[0].totalBytes - 30 * daily) <= 1e-9 * daily, "month 1 holds 30 days, all hot")
        #expect(r.datasets[0].retainedByMonth.count == r.retainedByMonth.count)
        // Steady-state storage cost on AWS is the closed form GB × price per class.
        let aws = try #require(r.monthlyCost.first { $0.cloud == "aws" })
        let gb = expected.map { $0 / 1e9 }
        let closedForm = [Decimal(string: "0.023")!, Decimal(string: "0.0125")!, Decimal(string: "0.00099")!]
        for (i, line) in aws.components.prefix(3).enumerated() {
            let want = NSDecimalNumber(decimal: closedForm[i]).doubleValue * gb[i]
            #expect(abs(NSDecimalNumber(decimal: line.monthlyUSD).doubleValue - want) <= 1e-6 * want, "\(line.component)")
        }
        #expect(aws.components[3].component == "object-storage-early-deletion" && aws.components[3].monthlyUSD == 0)
    }

    @Test("moving data out of a class before its minimum duration is charged, per cloud's minimum")
    func earlyDeletion() throws {
        // Archive from day 90, deleted at 365: 275 days in archive. S3 Deep Archive and Azure Archive
        // bill 180 days (met); GCS Archive bills 365 (90 days short for every cohort).
        let r = try Self.result(Self.configuration())
        func early(_ cloud: String) -> Decimal { r.monthlyCost.first { $0.cloud == cloud }!.components[3].monthlyUSD }
        #expect(early("aws") == 0 && early("azure") == 0)
        // 30 cohorts a month leave GCS Archive 90 days early: 30 × 90 GB-days per daily GB → 90 GB-months × $0.0012.
        let dailyGB = 4.32e12 / 5 * 1.55 * 2 / 1e9
        let want = dailyGB * 90 * 0.0012
        #expect(abs(NSDecimalNumber(decimal: early("gcp")).doubleValue - want) <= 1e-6 * want)
        // Infrequent from day 30, archive from day 45: 15 days in a 30-day class on every cloud.
        let short = try Self.result(Self.configuration(infrequentAt: 30, archiveAt: 45))
        for cloud in ["aws", "azure"] {
            let line = short.monthlyCost.first { $0.cloud == cloud }!.components[3]
            let price = cloud == "aws" ? 0.0125 : 0.01
            let w = dailyGB * 15 * price
            #expect(abs(NSDecimalNumber(decimal: line.monthlyUSD).doubleValue - w) <= 1e-6 * w, "\(cloud)")
        }
    }

    @Test("a cloud without a catalog is an error naming it")
    func missingCatalog() throws {
        let c = Self.configuration()
        let volumes = LakehouseVolumes.volumes(c, deliveries: Self.deliveries, table: try CompressionTable.shipped())
        #expect(throws: PlanningError.self) {
            try StoragePlanning.result(configuration: c, volumes: volumes, catalogs: [Self.catalogs[0]])
        }
    }
}
