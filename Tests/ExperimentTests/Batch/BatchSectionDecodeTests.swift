import Analytics
import Foundation
import Platform
import Testing
import Variates
@testable import Experiment

/// A good `batch:` section decodes into the Platform configurations with
/// every unit converted (rates per second, bytes, ns, exact USD).
@Suite struct BatchSectionDecodeTests {
    /// A queueing network with bets and transactions sinks, `storage:` and a full `batch:`.
    static let text = """
        name: batch-decode
        horizon: 1h
        workload:
          streams:
            bets: {rate: 1/s}
            transactions: {rate: 1/s}
        components:
          bet_source: {kind: source, stream: bets, to: bet_api}
          bet_api: {kind: station, service: exp(mean=10ms), to: bet_sink}
          bet_sink: {kind: sink}
          tx_source: {kind: source, stream: transactions, to: tx_sink}
          tx_sink: {kind: sink}
        storage:
          datasets:
            bets: {sink: bet_sink, event_size: 250B}
            transactions: {sink: tx_sink, event_size: 200B}
        batch:
          cdc:
            sqlserver: {dataset: cdc_accounts, tables: [accounts, wallets], change_rate: 200/s, change_size: 600B, snapshot: 50GB, snapshot_rate: 100MB/s, poll: 5s, max_changes: 5k/s, ship_latency: "lognormal(p50=2s, p99=20s)", format: parquet-zstd}
            crm: {change_rate: 1/s, ship_latency: 1s}
          file_drops:
            provider: {dataset: provider_files, every: 1h, offset: 5m, files: 12, file_size: "lognormal(p50=20MB, p99=200MB)", load_rate: 50MB/s, load_startup: 30s, compression_ratio: 4}
          elt:
            name: nightly
            start: "02:30"
            inputs: [bets, transactions, cdc_accounts, provider_files]
            scan_layer: bronze
            scan_days: 7
            scan_rate: 1GB/s
            startup: 2m
            price: {per_compute_hour: {gcp: 0.044 USD, aws: $0.375, azure: 1.2}, units: 100}
            analytics: {revenue: transactions, revenue_days: 30, dedup_window: 2h, bets: bets, top_players_days: 7, top: 3, escalation_threshold: 1.5, escalation_min_days: 4}
        """

    @Test func everyFieldWithItsUnit() throws {
        let s = try ScenarioFile.decode(text: Self.text, file: "b.yaml")
        let b = try #require(s.batch)
        #expect(b.cdc.map(\.name) == ["sqlserver", "crm"])
        let c = b.cdc[0]
        #expect(c.dataset == "cdc_accounts" && c.tables == ["accounts", "wallets"])
        #expect(c.changesPerSecond == 200 && c.changeBytes == 600 && c.snapshotBytes == 50_000_000_000)
        #expect(c.snapshotBytesPerSecond == 100_000_000 && c.pollIntervalNanos == 5_000_000_000 && c.maxChangesPerSecond == 5000)
        #expect(abs(c.shipLatency.mean - (try Distribution.parse("lognormal(p50=2s, p99=20s)")).mean) < 1e-9)
        // Defaults, and the dataset named after the connector.
        let crm = b.cdc[1]
        #expect(crm.dataset == "crm" && crm.changeBytes == 600 && crm.snapshotBytes == 0 && crm.maxChangesPerSecond == 20_000)
        #expect(crm.pollIntervalNanos == 5_000_000_000 && crm.snapshotBytesPerSecond == 50_000_000 && crm.shipLatency.mean == 1)
        let f = try #require(b.fileDrops.first)
        #expect(f.name == "provider" && f.dataset == "provider_files" && f.intervalNanos == 3_600_000_000_000)
        #expect(f.offsetNanos == 300_000_000_000 && f.filesPerDrop == 12 && f.loadBytesPerSecond == 50_000_000 && f.loadStartupNanos == 30_000_000_000)
        // lognormal(p50=20MB) is 20 × 10⁶ bytes at the median.
        #expect(abs(f.fileSize.mean - (try Distribution.parse("lognormal(p50=20M, p99=200M)")).mean) / f.fileSize.mean < 1e-12)
        // Declared datasets: sources are their connectors, format and ratio as given.
        #expect(b.datasets.map(\.name) == ["cdc_accounts", "crm", "provider_files"])
        #expect(b.datasets.map(\.source) == ["sqlserver", "crm", "provider"])
        #expect(b.datasets[0].format == .parquetZstd && b.datasets[0].compressionRatio == nil && b.datasets[2].compressionRatio == 4)
        let e = try #require(b.elt)
        #expect(e.name == "nightly" && e.startOfDayNanos == 9_000 * 1_000_000_000 && e.inputs.count == 4)
        #expect(e.scanLayer == .bronze && e.scanDays == 7 && e.scanBytesPerSecond == 1e9 && e.startupNanos == 120_000_000_000)
        #expect(e.priceBasis == .perComputeHour(["gcp": Decimal(string: "0.044")!, "aws": Decimal(string: "0.375")!, "azure": Decimal(string: "1.2")!], units: 100))
        let a = e.analytics
        #expect(a.revenueDataset == "transactions" && a.revenueDays == 30 && a.dedupWindowNanos == 7_200_000_000_000)
        #expect(a.betsDataset == "bets" && a.topPlayersDays == 7 && a.topPlayers == 3)
        #expect(a.escalationThreshold == FixedDecimal("1.5")! && a.escalationMinDays == 4)
        // The storage configuration of the run: storage's datasets, then the declared ones.
        let config = b.storageConfiguration(try #require(s.storage).configuration)
        #expect(config.datasets.map(\.name) == ["bets", "transactions", "cdc_accounts", "crm", "provider_files"])
        #expect(config.validationErrors().isEmpty)
    }

    @Test func eltDefaultsMirrorThePlatformOnes() throws {
        let text = Self.text.components(separatedBy: "  elt:")[0] + "  elt: {inputs: [bets]}\n"
        let e = try #require(try ScenarioFile.decode(text: text, file: "b.yaml").batch?.elt)
        let d = ELTConfiguration(inputs: ["bets"])
        #expect(e.startOfDayNanos == d.startOfDayNanos && e.scanLayer == d.scanLayer && e.scanDays == d.scanDays)
        #expect(e.scanBytesPerSecond == d.scanBytesPerSecond && e.startupNanos == d.startupNanos && e.priceBasis == d.priceBasis)
        #expect(e.analytics == BatchAnalyticsConfiguration())
    }

    @Test func perTiBPricingAndOneCloud() throws {
        var text = Self.text.replacingOccurrences(of: "price: {per_compute_hour: {gcp: 0.044 USD, aws: $0.375, azure: 1.2}, units: 100}",
                                                  with: "price: {per_tib_scanned: {aws: 5 USD}}")
        text = text.replacingOccurrences(of: "storage:\n", with: "prices: {clouds: [aws]}\nstorage:\n")
        let e = try #require(try ScenarioFile.decode(text: text, file: "b.yaml").batch?.elt)
        #expect(e.priceBasis == .perTiBScanned(["aws": 5]))
    }

    @Test func noBatchSectionLeavesItNil() throws {
        let text = Self.text.components(separatedBy: "batch:")[0]
        #expect(try ScenarioFile.decode(text: text, file: "b.yaml").batch == nil)
    }

    @Test func batchExpectationsDecode() throws {
        let text = Self.text + "\nexpect: [\"cdc lag p99 <= 1m\", \"cdc[crm] lag max < 10m\", \"file_drop load p99 <= 15m\", \"file_drop[provider] backlog <= 12\", \"elt duration <= 2h\", \"elt finished before 06:00\", \"elt scanned <= 2TB\", \"elt cost.aws <= 300 USD\", \"escalation flagged >= 15\"]\n"
        let s = try ScenarioFile.decode(text: text, file: "b.yaml")
        let checks = s.expectations.compactMap { e -> BatchExpectation? in if case .batch(let b) = e.check { return b } else { return nil } }
        #expect(checks == [
            BatchExpectation(subject: .cdcLag(connector: nil, percentile: 99), op: .atMost, value: 60),
            BatchExpectation(subject: .cdcLag(connector: "crm", percentile: 100), op: .below, value: 600),
            BatchExpectation(subject: .loadTime(drop: nil, percentile: 99), op: .atMost, value: 900),
            BatchExpectation(subject: .backlog(drop: "provider"), op: .atMost, value: 12),
            BatchExpectation(subject: .eltDuration, op: .atMost, value: 7200),
            BatchExpectation(subject: .eltFinish, op: .below, value: 21_600),
            BatchExpectation(subject: .eltScanned, op: .atMost, value: 2e12),
            BatchExpectation(subject: .eltCost(cloud: "aws"), op: .atMost, value: 300),
            BatchExpectation(subject: .escalationFlagged, op: .atLeast, value: 15),
        ])
    }
}
