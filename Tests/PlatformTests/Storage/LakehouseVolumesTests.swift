import Foundation
import Testing
@testable import Platform

/// Daily volumes through layers and tiers, and the measured compression table.
@Suite("Lakehouse volumes")
struct LakehouseVolumesTests {
    static let table = try! CompressionTable.shipped()

    @Test("the model reads the shipped compression table: every format, from a measurement with its generator")
    func shippedTable() throws {
        let t = Self.table
        for f in StorageFormat.allCases { #expect(t.ratio(f) > 0, "\(f)") }
        #expect(t.ratio(.json) == 1)
        #expect(t.measured, "compression-ratios.json should hold measured figures")
        #expect(t.measuredOn != nil && t.generator?.contains("headroom generate") == true)
        #expect(!t.streams.isEmpty && t.streams.allSatisfy { $0.seed != nil && $0.records > 0 })
        // Columnar compression beats row formats on these events, zstd beats snappy.
        #expect(t.ratio(.parquetZstd) > t.ratio(.parquetSnappy) && t.ratio(.parquetSnappy) > t.ratio(.csv))
        // A dataset named like a measured stream gets that stream's figure.
        let bets = try #require(t.streams.first { $0.stream == "bets" })
        #expect(t.ratio(.parquetZstd, dataset: "bets") == bets.ratios["parquet-zstd"])
        #expect(t.ratio(.parquetZstd, dataset: "no-such-stream") == t.ratios["parquet-zstd"])
    }

    @Test("a table missing a format is an error naming it")
    func badTable() {
        let data = Data(#"{"measured": false, "ratios": {"json": 1, "csv": 2, "parquet-snappy": 5, "parquet-zstd": 7.5}}"#.utf8)
        #expect { try CompressionTable.load(data, origin: "x.json") } throws: { ($0 as? PlatformError)?.field == "x.json ratios.avro" }
    }

    @Test("per-day rate, layers and tiers from deliveries")
    func volumes() {
        let lifecycle = LifecycleConfiguration(rules: [LifecycleRule(afterDays: 30, storageClass: .infrequent)], retentionDays: 20, copies: 2)
        let d = DatasetConfiguration(name: "tx", source: "payments", format: .parquetZstd, compressionRatio: 8,
                                     rolling: FileRolling(maxFileBytes: nil, maxFileAgeNanos: 60_000_000_000),
                                     silverFraction: 0.5, goldFraction: 0.1)
        // Half a day observed: 1,000 records, 400,000 bytes → 2,000 records and 800,000 JSON bytes per day.
        let deliveries = [SinkDelivery(dataset: "payments", day: 0, records: 600, bytes: 240_000, observedSeconds: 21_600),
                          SinkDelivery(dataset: "tx", day: 0, records: 400, bytes: 160_000, observedSeconds: 21_600),
                          SinkDelivery(dataset: "other", day: 0, records: 9, bytes: 9)]
        let v = LakehouseVolumes.volume(of: d, lifecycle: lifecycle, deliveries: deliveries, table: Self.table)
        #expect(v.recordsPerDay == 2_000 && v.rawBytesPerDay == 800_000)
        #expect(v.compressionRatio == 8 && !v.compressionMeasured)
        #expect(v.layers.map(\.storedBytesPerDay) == [100_000, 50_000, 5_000])
        // Retention 20 d < 30 d: data never reaches infrequent; hot gets 2 copies.
        #expect(v.layers[0].bytesPerDayByTier.map(\.bytes) == [200_000, 0, 0])
        // Files: 100,000 B/day stored, closing every 60 s → 1,440 a day, 720 in the half day observed.
        #expect(v.bronzeFiles.files == 720 && v.bronzeFiles.filesPerDay == 1_440)
    }
}
