import Analytics
import Testing
@testable import Platform
import Variates

/// Bad configuration values give errors naming the field; a good one gives none.
@Suite("Storage configuration validation")
struct StorageConfigurationTests {
    static func valid() throws -> StorageConfiguration {
        StorageConfiguration(
            datasets: [DatasetConfiguration(name: "bets", source: "bets-sink"),
                       DatasetConfiguration(name: "transactions", source: "payments-sink", format: .parquetZstd)],
            cdc: [CDCConfiguration(name: "sqlserver", dataset: "bets", changesPerSecond: 200,
                                   shipLatency: try Distribution.parse("lognormal(p50=2s, p99=20s)"))],
            fileDrops: [FileDropConfiguration(name: "provider", dataset: "bets", fileSize: try Distribution.parse("lognormal(p50=200M, p99=2G)"))],
            elt: ELTConfiguration(inputs: ["bets", "transactions"],
                                  analytics: BatchAnalyticsConfiguration(revenueDataset: "transactions", betsDataset: "bets")))
    }

    @Test("a valid configuration has no errors")
    func validConfiguration() throws {
        #expect(try Self.valid().validationErrors().isEmpty)
        try Self.valid().validate()
    }

    @Test("each bad value is reported with its field path, all at once")
    func badValues() throws {
        var c = try Self.valid()
        c.datasets[0].rolling = FileRolling(maxFileBytes: 0, maxFileAgeNanos: nil, writers: 0)
        c.datasets[1].silverFraction = 1.5
        c.datasets[1].compressionRatio = -2
        c.lifecycle.retentionDays = 0
        c.lifecycle.rules = [LifecycleRule(afterDays: 90, storageClass: .archive), LifecycleRule(afterDays: 30, storageClass: .infrequent)]
        c.cdc[0].pollIntervalNanos = 0
        c.cdc[0].dataset = "nope"
        c.fileDrops[0].loadBytesPerSecond = 0
        c.elt!.startOfDayNanos = 90_000_000_000_000
        c.elt!.analytics.topPlayers = 0
        c.clouds = ["gcp", "ibm"]
        let fields = c.validationErrors().map(\.field)
        #expect(fields == [
            "storage.datasets[0].rolling.max-file-size", "storage.datasets[0].rolling.writers",
            "storage.datasets[1].compression-ratio", "storage.datasets[1].silver-fraction",
            "storage.lifecycle.retention", "storage.lifecycle.rules[1].after",
            "storage.cdc[0].poll-interval", "storage.cdc[0].dataset",
            "storage.file-drops[0].load-throughput",
            "storage.elt.start", "storage.elt.analytics.top",
            "storage.clouds[1]",
        ])
        #expect(throws: PlatformError.self) { try c.validate() }
    }

    @Test("rolling needs a size or an age limit; dataset names are unique")
    func rollingAndNames() throws {
        var c = try Self.valid()
        c.datasets[0].rolling = FileRolling(maxFileBytes: nil, maxFileAgeNanos: nil)
        c.datasets[1].name = "bets"
        let errors = c.validationErrors()
        // Renaming "transactions" also leaves the ELT's references to it dangling.
        #expect(errors.map(\.field) == ["storage.datasets[0].rolling", "storage.datasets[1].name",
                                        "storage.elt.inputs[1]", "storage.elt.analytics.revenue"])
        #expect(errors[1].description.contains("also the name of datasets[0]"))
    }

    @Test("storage classes are found by any cloud's name for them")
    func classNames() {
        #expect(StorageClass.named("Nearline") == .infrequent)
        #expect(StorageClass.named("S3 Standard-IA") == .infrequent)
        #expect(StorageClass.named("glacier_deep_archive") == .archive)
        #expect(StorageClass.named("Blob Hot") == .hot)
        #expect(StorageClass.named("coldline") == nil)
        #expect(StorageClass.infrequent.catalogMetric == "storage-infrequent-gb-months")
    }
}
