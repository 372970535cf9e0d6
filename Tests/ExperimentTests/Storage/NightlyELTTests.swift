import Analytics
import Experiment
import Foundation
import Platform
import Testing
import Workloads

/// The nightly ELT's analytics on what the sinks received equal the batch
/// `analyze` code on the same generated records written as CSV.
@Suite("Nightly ELT analytics equal the batch Analytics output")
struct NightlyELTTests {
    /// Transactions with producer retries (some changing status) and disorder; bets with hot players,
    /// disorder, duplicates and planted stake-escalation streaks. Seed 5.
    static let workloadText = """
    workload:
      seed: 5
      block: 1h
      dimensions: {players: 3000, games: 200}
      streams:
        transactions:
          rate: 0.15/s
          keys: {count: 5000, zipf: 0.6}
          duplicates: {fraction: 5%, delay: "lognormal(p50=2s, p99=1m)", status_change: 50%}
          disorder: {fraction: 2%, delay: "exp(mean=30s)"}
        bets:
          rate: 0.2/s
          keys: {zipf: 1.1}
          disorder: {fraction: 1%, delay: "lognormal(p50=2s, p99=2m)"}
          duplicates: {fraction: 0.2%, delay: "exp(mean=5s)"}
          streaks: {players: 15, min_days: 3, max_days: 5}
    """

    static func csv<R: WorkloadRecord>(_ records: [R], to path: String) throws {
        var e = RecordEncoder(format: .csv, columns: R.columns)
        for r in records { e.record(r) }
        var data = Data(RecordEncoder.header(columns: R.columns, format: .csv))
        data.append(contentsOf: e.buffer.bytes)
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test("daily revenue, top players and streaks: same rows both ways")
    func eltEqualsBatch() throws {
        let workload = try WorkloadFile.load(text: Self.workloadText, file: "elt.yaml")
        let from = Timestamp.parse("2026-05-01")!, to = Timestamp.parse("2026-05-07")!
        let generator = WorkloadGenerator(workload: workload, seed: workload.seed, from: from, to: to)
        let txEmitter = try #require(generator.emitter(named: "transactions", source: TransactionSource.self))
        let betEmitter = try #require(generator.emitter(named: "bets", source: BetSource.self))
        let asOf = CivilDate(year: 2026, month: 5, day: 6)
        let config = BatchAnalyticsConfiguration(revenueDataset: "transactions", revenueDays: 7, dedupWindowNanos: 3_600_000_000_000,
                                                 betsDataset: "bets", topPlayersDays: 7, topPlayers: 5,
                                                 escalationThreshold: FixedDecimal(units: 5_000), escalationMinDays: 3)
        var feed = BatchAnalyticsFeed(configuration: config, asOf: asOf)
        var transactions: [Transaction] = [], bets: [Bet] = []
        for block in 0..<generator.plan.count {
            for t in txEmitter.records(block) { feed.add(t); transactions.append(t) }
            for b in betEmitter.records(block) { feed.add(b); bets.append(b) }
        }
        #expect(transactions.count > 60_000 && bets.count > 80_000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("elt-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let txPath = dir.appendingPathComponent("transactions.csv").path, betPath = dir.appendingPathComponent("bets.csv").path
        try Self.csv(transactions, to: txPath)
        try Self.csv(bets, to: betPath)

        var badRows = BadRowLog(skipsBadRows: false)
        let revenue = try DailyRevenue.read(path: txPath, asOf: asOf, days: 7, badRows: &badRows).rows()
        var top = TopPlayers(asOf: asOf, days: 7, top: 5)
        var escalation = StakeEscalation(threshold: FixedDecimal(units: 5_000), minimumDays: 3)
        try BetFile.forEachBet(path: betPath, requireGameID: false, badRows: &badRows) { top.add($0, catalog: nil); escalation.add($0) }

        let result = feed.result()
        #expect(!revenue.isEmpty && !top.rows().isEmpty && !escalation.streaks().isEmpty)
        #expect(result.dailyRevenue == revenue)
        #expect(result.topPlayers == top.rows())
        #expect(result.escalationStreaks == escalation.streaks())
        #expect(result.duplicatesRemoved > 0)
        // The state is the windows', not the run's.
        let state = feed.stateSize
        #expect(state.openTransactionIDs < transactions.count / 50, "open ids \(state.openTransactionIDs)")
        #expect(state.topPlayerDays <= 9)

        // Through the ELT job: its analytics are the feed's, its scan and cost follow the volumes.
        let storage = StorageConfiguration(
            datasets: [DatasetConfiguration(name: "transactions", source: "tx-sink", compressionRatio: 5, silverFraction: 0.5),
                       DatasetConfiguration(name: "bets", source: "bet-sink", compressionRatio: 5, silverFraction: 0.5)],
            elt: ELTConfiguration(inputs: ["transactions", "bets"], analytics: config))
        try storage.validate()
        let deliveries = [SinkDelivery(dataset: "transactions", day: 0, records: Int64(transactions.count),
                                       bytes: Int64(transactions.reduce(0) { $0 + $1.serializedSize(.ndjson) }), observedSeconds: 6 * 86_400),
                          SinkDelivery(dataset: "bets", day: 0, records: Int64(bets.count),
                                       bytes: Int64(bets.reduce(0) { $0 + $1.serializedSize(.ndjson) }), observedSeconds: 6 * 86_400)]
        let volumes = LakehouseVolumes.volumes(storage, deliveries: deliveries, table: try CompressionTable.shipped())
        let elt = NightlyELT.run(storage.elt!, volumes: volumes, analytics: result, clouds: storage.clouds)
        #expect(elt.analytics == result)
        #expect(abs(elt.bytesScannedPerRun - volumes.reduce(0) { $0 + $1.layers[1].storedBytesPerDay }) < 1e-6)
    }
}
