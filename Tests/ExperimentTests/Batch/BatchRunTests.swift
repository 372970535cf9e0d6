import Analytics
import Foundation
import Platform
import Reporting
import Testing
import Workloads
@testable import Experiment

/// A queueing network with `storage:` and `batch:` runs its CDC connector,
/// file drop and nightly ELT after the simulation; the report carries the
/// figures; the ELT's analytics equal `headroom analyze` on the same
/// generated records (planted streaks found); a seed reproduces report.json.
@Suite(.serialized) struct BatchRunTests {
    /// Five days from 2026-05-01 (seed 11): bets with 6 planted escalation
    /// streaks of 3 days, transactions with duplicates. The `payments` dataset
    /// is fed by the transactions' sink (resolved through the network).
    static let text = """
        name: batch-run
        seed: 11
        horizon: 5d
        start: 2026-05-01
        sample_every: 1h
        workload:
          block: 1h
          dimensions: {players: 500, games: 50}
          streams:
            bets:
              rate: 0.05/s
              streaks: {players: 6, min_days: 3, max_days: 3}
            transactions:
              rate: 0.03/s
              duplicates: {fraction: 5%, delay: "lognormal(p50=2s, p99=1m)"}
        components:
          bet_source: {kind: source, stream: bets, to: bet_api}
          bet_api: {kind: station, servers: 2, service: exp(mean=50ms), to: bet_sink}
          bet_sink: {kind: sink}
          tx_source: {kind: source, stream: transactions, to: tx_sink}
          tx_sink: {kind: sink}
        storage:
          datasets:
            bets: {sink: bet_sink, event_size: 250B}
            payments: {sink: tx_sink, event_size: 200B}
        batch:
          cdc:
            sqlserver: {dataset: cdc_accounts, tables: [accounts], change_rate: 2/s, snapshot: 1GB, snapshot_rate: 100MB/s, ship_latency: "lognormal(p50=1s, p99=5s)"}
          file_drops:
            provider: {dataset: provider_files, every: 1h, offset: 5m, files: 4, file_size: "lognormal(p50=20MB, p99=200MB)", load_rate: 50MB/s}
          elt:
            start: 02:00
            inputs: [bets, payments, cdc_accounts, provider_files]
            scan_rate: 100MB/s
            price: {per_tib_scanned: {gcp: 6.25 USD, aws: 5 USD, azure: 5 USD}}
            analytics: {revenue: payments, revenue_days: 10, bets: bets, top_players_days: 3, top: 3}
        expect:
          - cdc lag p99 <= 1m
          - file_drop backlog <= 4
          - elt duration <= 2h
          - elt finished before 06:00
          - escalation flagged >= 6
          - cdc lag max < 1s
        """

    static func run(seed: UInt64? = nil) throws -> ScenarioRunResult {
        try ScenarioRunner.run(try ScenarioFile.decode(text: text, file: "batch-run.yaml"), seed: seed, reproducible: true)
    }

    static func csv<R: WorkloadRecord>(_ records: [R], to path: String) throws {
        var e = RecordEncoder(format: .csv, columns: R.columns)
        for r in records { e.record(r) }
        var data = Data(RecordEncoder.header(columns: R.columns, format: .csv))
        data.append(contentsOf: e.buffer.bytes)
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func batchFiguresReachTheStorageResultAndTheReport() throws {
        let run = try Self.run()
        let s = try #require(run.storage)
        // The declared datasets carry the connectors' bytes.
        #expect(s.datasets.map(\.dataset) == ["bets", "payments", "cdc_accounts", "provider_files"])
        let cdc = try #require(s.cdc.first)
        #expect(cdc.snapshotNanos == 10_000_000_000)  // 1 GB at 100 MB/s
        let cdcDay = try #require(s.datasets.first { $0.dataset == "cdc_accounts" })
        #expect(cdcDay.rawBytesPerDay == cdc.bytesPerDay && cdcDay.rawBytesPerDay > 0.99 * 2 * 600 * 86_400)
        let drop = try #require(s.fileDrops.first)
        #expect(drop.drops == 120 && drop.files == 480)  // hourly over 5 days, first at 00:05
        #expect(s.datasets.first { $0.dataset == "provider_files" }?.rawBytesPerDay == drop.bytesPerDay)
        // Their bytes are retained and counted like the sinks' (retained bytes at steady state sum over every dataset).
        let retained = s.datasets.map { $0.retainedByMonth.last?.totalBytes ?? 0 }
        #expect(retained[2] > 0 && retained[3] > 0)
        #expect(abs(run.storageBytes - retained.reduce(0, +)) <= 1e-9 * run.storageBytes)
        // The ELT scans every input's Silver per day; its monthly cost is the warehouse line of each cloud.
        let elt = try #require(s.elt)
        let silver = s.datasets.reduce(0.0) { $0 + ($1.layers.first { $0.layer == .silver }?.storedBytesPerDay ?? 0) }
        #expect(abs(elt.bytesScannedPerRun - silver) <= 1e-6 * silver)
        #expect(elt.durationNanos == 60_000_000_000 + Int64((silver / 100e6 * 1e9).rounded(.up)))
        for cloud in s.monthlyCost {
            let line = try #require(cloud.components.first { $0.component == "warehouse" })
            #expect(line.monthlyUSD == elt.costPerMonth.first { $0.cloud == cloud.cloud }?.usd && !line.verified)
            #expect(run.monthlyCost(cloud.cloud) == NSDecimalNumber(decimal: cloud.totalUSD).doubleValue)
        }
        #expect(run.rawBytesPerDay == s.rawBytesPerDay)
        // Expectations: all but the impossible last one pass.
        let outcomes = ExpectationEvaluator.evaluate(run)
        #expect(outcomes.map(\.passed) == [true, true, true, true, true, false], "\(outcomes.map { "\($0.expectation.text): \($0.measured)" })")
        // report.md and report.json.
        let md = MarkdownRenderer.render(RunReportDocument.build(run, version: "t", reproducible: true))
        for fragment in ["## Batch side", "### CDC connectors", "| sqlserver | accounts |", "### File drops", "| provider | 120 | 480 |",
                         "### Nightly ELT", "finishes 02:", "| date | country | revenue | ma\\_7d |", "| game type | rank | player |",
                         "| player flagged |", "warehouse prices are the scenario's", "| aws | warehouse |"] {
            #expect(md.contains(fragment), "report.md lacks \(fragment)")
        }
        let summary = RunReportFiles.summary(run)
        #expect(summary.contains("cdc sqlserver") && summary.contains("480 files, load p99") && summary.contains("elt nightly-elt"), "\(summary)")
        let json = RunReportJSON.build(run, version: "t", reproducible: true)
        let b = try #require(json["batch"])
        guard case .array(let cdcs)? = b["cdc"], case .array(let drops)? = b["file_drops"] else { Issue.record("batch.cdc/file_drops are not lists"); return }
        #expect(cdcs.first?["changes"] == .int(cdc.changes))
        #expect(cdcs.first?["lag"]?["p99_seconds"] == .number(cdc.lag.percentiles()!.p99Seconds))
        #expect(drops.first?["max_backlog_files"] == .int(Int64(drop.maxBacklogFiles)))
        #expect(b["elt"]?["duration_seconds"] == .number(Double(elt.durationNanos) / 1e9))
        #expect(b["elt"]?["analytics"]?["as_of"] == .string("2026-05-05"))
        #expect(json["cost"]?["monthly_usd"]?["aws"] == .number(run.monthlyCost("aws")!))
        guard case .array(let awsLines)? = b["monthly_cost_by_component"]?["aws"] else { Issue.record("no aws cost lines"); return }
        #expect(awsLines.last?["component"] == .string("warehouse") && awsLines.last?["verified"] == .bool(false))
    }

    @Test func eltAnalyticsEqualAnalyzeOnTheSameGeneratedRecords() throws {
        let run = try Self.run()
        let a = try #require(run.storage?.elt?.analytics)
        let s = run.scenario
        let workload = try #require(s.workload)
        let generator = WorkloadGenerator(workload: workload, seed: BatchAnalyticsInput.inputSeed(root: 11), from: s.start, to: s.start + s.horizon)
        let txEmitter = try #require(generator.emitter(named: "transactions", source: TransactionSource.self))
        let betEmitter = try #require(generator.emitter(named: "bets", source: BetSource.self))
        var transactions: [Transaction] = [], bets: [Bet] = []
        for block in 0..<generator.plan.count {
            transactions += txEmitter.records(block)
            bets += betEmitter.records(block)
        }
        #expect(a.transactionsOffered == Int64(transactions.count) && a.betsOffered == Int64(bets.count))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("batch-run-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let txPath = dir.appendingPathComponent("transactions.csv").path, betPath = dir.appendingPathComponent("bets.csv").path
        try Self.csv(transactions, to: txPath)
        try Self.csv(bets, to: betPath)
        let asOf = CivilDate(year: 2026, month: 5, day: 5)
        var badRows = BadRowLog(skipsBadRows: false)
        let revenue = try DailyRevenue.read(path: txPath, asOf: asOf, days: 10, badRows: &badRows).rows()
        var top = TopPlayers(asOf: asOf, days: 3, top: 3)
        var escalation = StakeEscalation(threshold: FixedDecimal(units: 5_000), minimumDays: 3)
        try BetFile.forEachBet(path: betPath, requireGameID: false, badRows: &badRows) { top.add($0, catalog: nil); escalation.add($0) }
        #expect(!revenue.isEmpty && !top.rows().isEmpty)
        #expect(a.dailyRevenue == revenue)
        #expect(a.topPlayers == top.rows())
        #expect(a.escalationStreaks == escalation.streaks())
        #expect(a.duplicatesRemoved > 0)
        // The planted players (ids after the 500 background players) are all flagged, each for 3 days.
        let planted = Set((501...506).map(String.init))
        let flagged = Dictionary(grouping: a.escalationStreaks, by: \.player)
        #expect(planted.isSubset(of: Set(flagged.keys)), "flagged \(flagged.keys.sorted())")
        for p in planted { #expect(flagged[p]?.map(\.length) == [3]) }
    }

    @Test func sameSeedSameReportJSONAnotherSeedAnotherOne() throws {
        let one = RunReportJSON.build(try Self.run(), version: "t", reproducible: true).serialized()
        let two = RunReportJSON.build(try Self.run(), version: "t", reproducible: true).serialized()
        #expect(one == two)
        let other = RunReportJSON.build(try Self.run(seed: 12), version: "t", reproducible: true).serialized()
        #expect(one != other)
    }

    @Test func anAnalyticsDatasetWithSeveralCandidateStreamsStopsTheRun() throws {
        let text = """
            name: ambiguous
            horizon: 1h
            workload:
              streams:
                bets: {rate: 1/s}
                casino_bets: {type: bets, rate: 1/s}
            components:
              a: {kind: source, rate: 1/s, to: d}
              d: {kind: sink}
            storage:
              datasets:
                wagers: {sink: d, event_size: 250B}
            batch:
              elt: {inputs: [wagers], analytics: {bets: wagers}}
            """
        let s = try ScenarioFile.decode(text: text, file: "a.yaml")
        let error = try #require(throws: PlatformError.self) { try ScenarioRunner.run(s, reproducible: true) }
        #expect(error.field == "batch.elt.analytics.bets" && error.message.contains("several bets streams could feed dataset `wagers` (bets, casino_bets)"), "\(error)")
        // Named after one of them, the dataset resolves.
        let named = try ScenarioFile.decode(text: text.replacingOccurrences(of: "wagers", with: "casino_bets"), file: "a.yaml")
        let run = try ScenarioRunner.run(named, reproducible: true)
        #expect((run.storage?.elt?.analytics.betsOffered ?? 0) > 3000)
    }
}
