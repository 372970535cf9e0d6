import Metrics
import Testing
@testable import Platform
import Variates

/// CDC lag against its light-load theory and under overload; file-drop load
/// times worked by hand. Seed trees are named in each test.
@Suite("CDC connector and file drops")
struct CDCAndFileDropTests {
    static let second: Int64 = 1_000_000_000

    @Test("light load: mean lag = poll/2 + ship latency; p99 ≈ 0.99 × poll + ship latency (seed 11)")
    func cdcLightLoad() throws {
        let c = CDCConfiguration(name: "sqlserver", dataset: "accounts", changesPerSecond: 50, changeBytes: 600,
                                 pollIntervalNanos: 5 * Self.second, maxChangesPerSecond: 1e9,
                                 shipLatency: try Distribution.parse("fixed(1s)"))
        #expect(c.validationErrors(path: "cdc").isEmpty)
        let (r, deliveries) = CDCConnector.run(c, horizonNanos: 3_600 * Self.second, seeds: SeedTree(root: 11))
        // 180,000 changes expected; Poisson sd ≈ 424.
        #expect(abs(Double(r.changes) - 180_000) < 5 * 424)
        let mean = try #require(r.lag.meanSeconds)
        // Wait until the poll is uniform on [0, 5 s): mean 2.5 s, sd 1.44 s; 180k draws → standard error < 0.01 s.
        #expect(abs(mean - 3.5) < 0.03, "mean lag \(mean)")
        let p99 = try #require(r.lag.valueSeconds(atPercentile: 99))
        #expect(abs(p99 - 5.95) < 0.02, "p99 \(p99)")
        #expect(r.lag.maxNanos! <= 6 * UInt64(Self.second) + 10_000_000)
        #expect(deliveries.count == 1 && deliveries[0].records == r.changes && deliveries[0].bytes == r.changes * 600)
        #expect(abs(r.bytesPerDay - Double(r.changes * 600) * 24) < 1e-6)
    }

    @Test("the snapshot delays streaming: changes during it wait for its end")
    func cdcSnapshot() throws {
        // 10 GB at 100 MB/s = 100 s of snapshot in a 200 s run: about half the changes wait for it.
        let c = CDCConfiguration(name: "s", dataset: "d", changesPerSecond: 10, snapshotBytes: 10_000_000_000,
                                 snapshotBytesPerSecond: 100_000_000, pollIntervalNanos: Self.second, maxChangesPerSecond: 1e9,
                                 shipLatency: try Distribution.parse("fixed(0s)"))
        let (r, _) = CDCConnector.run(c, horizonNanos: 200 * Self.second, seeds: SeedTree(root: 3))
        #expect(r.snapshotNanos == 100 * Self.second)
        // Changes in [0, 100 s) wait 100 − t (mean 50 s), the rest ≤ 1 s: the mean is about 25 s, the max about 100 s.
        let mean = try #require(r.lag.meanSeconds)
        #expect(mean > 20 && mean < 30, "mean \(mean)")
        #expect(abs(Double(r.lag.maxNanos!) / 1e9 - 100) < 1)
    }

    @Test("above capacity the lag grows linearly: at twice the capacity the last change waits about the whole run (seed 5)")
    func cdcOverload() throws {
        let c = CDCConfiguration(name: "s", dataset: "d", changesPerSecond: 2_000, pollIntervalNanos: Self.second,
                                 maxChangesPerSecond: 1_000, shipLatency: try Distribution.parse("fixed(0s)"))
        let (r, _) = CDCConnector.run(c, horizonNanos: 600 * Self.second, seeds: SeedTree(root: 5))
        // 1.2 M changes take 1,200 s to apply from time 0: the last (committed near 600 s) lands near 1,200 s.
        let maxLag = Double(r.lag.maxNanos!) / 1e9
        #expect(abs(maxLag - 600) < 0.05 * 600, "max lag \(maxLag)")
        let median = try #require(r.lag.valueSeconds(atPercentile: 50))
        #expect(abs(median - 300) < 0.05 * 300, "median \(median)")
    }

    @Test("file drops: each file waits for the earlier ones; load times and backlog by hand")
    func fileDropsByHand() throws {
        // Hourly drops of 3 files of 100 MB at 10 MB/s with a 30 s start-up: each file takes 40 s.
        let f = FileDropConfiguration(name: "provider", dataset: "rounds", intervalNanos: 3_600 * Self.second, offsetNanos: 300 * Self.second,
                                      filesPerDrop: 3, fileSize: try Distribution.parse("fixed(100M)"),
                                      loadBytesPerSecond: 10_000_000, loadStartupNanos: 30 * Self.second)
        #expect(f.validationErrors(path: "drop").isEmpty)
        let (r, deliveries) = FileDropLoader.run(f, horizonNanos: 86_400 * Self.second, seeds: SeedTree(root: 1))
        #expect(r.drops == 24 && r.files == 72 && r.maxBacklogFiles == 3)
        #expect(r.bytesPerDay == 7.2e9 && deliveries[0].bytes == 7_200_000_000)
        #expect(r.lag(percentile: 0) == 40 && r.lag(percentile: 100) == 120)
        #expect(abs(r.loadTime.meanSeconds! - 80) < 0.1)
    }

    @Test("file drops that take longer than the interval build a backlog every drop")
    func fileDropBacklog() throws {
        // Every 10 min, 2 files of 400 MB at 1 MB/s (400 s each, no start-up): 800 s of work per 600 s.
        let f = FileDropConfiguration(name: "p", dataset: "d", intervalNanos: 600 * Self.second, filesPerDrop: 2,
                                      fileSize: try Distribution.parse("fixed(400M)"), loadBytesPerSecond: 1_000_000, loadStartupNanos: 0)
        let (r, _) = FileDropLoader.run(f, horizonNanos: 3_000 * Self.second, seeds: SeedTree(root: 1))
        // Drop k (at 600k s) finishes its second file at 800(k+1) s: load time 800(k+1) − 600k = 800 + 200k; k = 0…4.
        #expect(r.drops == 5 && r.lag(percentile: 100) == 1_600)
        // Just after drop 4 arrives (2,400 s): drop 3's second file (ends 3,200 s) and both of drop 4 are unfinished,
        // plus drop 3's first (ends 2,800 s): 4 files.
        #expect(r.maxBacklogFiles == 4)
    }
}

extension FileDropResult {
    /// Load time at `percentile`, whole seconds (the histogram keeps 3 significant digits).
    func lag(percentile: Double) -> Int {
        Int((loadTime.valueSeconds(atPercentile: percentile)!).rounded())
    }
}
