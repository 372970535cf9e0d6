import Foundation
import Planning
import Platform
import Testing
@testable import Experiment
import Variates

/// The storage side end to end for a BetMatrix-like configuration: CDC and
/// file drops feed datasets, the ELT runs, every cloud is priced, and a seed
/// reproduces the result.
@Suite("Storage run end to end")
struct StorageRunTests {
    static func configuration() throws -> StorageConfiguration {
        StorageConfiguration(
            datasets: [DatasetConfiguration(name: "bets", source: "bets-sink", format: .parquetZstd,
                                            rolling: FileRolling(maxFileBytes: 128_000_000, maxFileAgeNanos: 300_000_000_000, writers: 12)),
                       DatasetConfiguration(name: "accounts", source: "sqlserver-cdc", format: .parquetSnappy),
                       DatasetConfiguration(name: "provider-rounds", source: "provider", format: .parquetSnappy, silverFraction: 0.8)],
            cdc: [CDCConfiguration(name: "sqlserver-cdc", dataset: "accounts", tables: ["dbo.accounts"], changesPerSecond: 12,
                                   shipLatency: try Distribution.parse("lognormal(p50=1s, p99=10s)"))],
            fileDrops: [FileDropConfiguration(name: "provider", dataset: "provider-rounds",
                                              fileSize: try Distribution.parse("lognormal(p50=200M, p99=2G)"))],
            elt: ELTConfiguration(inputs: ["bets", "accounts", "provider-rounds"]))
    }

    static let deliveries = [SinkDelivery(dataset: "bets-sink", day: 0, records: 25_920_000, bytes: 25_920_000 * 224)]

    @Test("every component reports; same seed, same result; another seed, other draws")
    func endToEnd() throws {
        let c = try Self.configuration()
        let a = try StorageRun.run(c, deliveries: Self.deliveries, horizonNanos: 86_400_000_000_000, seeds: SeedTree(root: 42))
        let b = try StorageRun.run(c, deliveries: Self.deliveries, horizonNanos: 86_400_000_000_000, seeds: SeedTree(root: 42))
        #expect(a == b)
        let other = try StorageRun.run(c, deliveries: Self.deliveries, horizonNanos: 86_400_000_000_000, seeds: SeedTree(root: 43))
        #expect(other.cdc[0].lag != a.cdc[0].lag)
        #expect(a.datasets.map(\.dataset) == ["bets", "accounts", "provider-rounds"])
        #expect(a.datasets.allSatisfy { $0.rawBytesPerDay > 0 && $0.compressionMeasured })
        // CDC: about 12 changes/s × 600 B for a day.
        #expect(abs(a.datasets[1].recordsPerDay - 12 * 86_400) < 5 * (12 * 86_400.0).squareRoot())
        #expect(a.fileDrops[0].drops == 24)
        #expect(a.elt != nil && a.elt!.bytesScannedPerRun > 0)
        #expect(a.monthlyCost.map(\.cloud) == ["gcp", "aws", "azure"])
        #expect(a.monthlyCost.allSatisfy { $0.totalUSD > 0 && $0.components.contains { $0.component == "warehouse" } })
        #expect(a.steadyStateMonth == 13 && a.retainedBytesByTier.count == 3)
        // Bets: 300/s × 224 B ÷ measured zstd ratio; 12 writers closing every 5 min (files fill to 128 MB in far longer).
        #expect(a.datasets[0].bronzeFiles.filesPerDay == 12 * 288)
    }

    @Test("a bad configuration is reported before anything runs, naming the field")
    func badConfiguration() throws {
        var c = try Self.configuration()
        c.fileDrops[0].filesPerDrop = 0
        #expect { try StorageRun.run(c, deliveries: [], horizonNanos: 1, seeds: SeedTree(root: 1)) } throws: {
            ($0 as? PlatformError)?.field == "storage.file-drops[0].files"
        }
    }
}
