/// The batch analytics fed with what the sinks received: each delivered
/// transaction and bet goes to the incremental accumulators of
/// `Analytics.Incremental`, so the nightly ELT's outputs are the rows
/// `headroom analyze` would print for the same records, with memory bounded
/// by the windows instead of the run (a day at 50,000 TPS is 4 billion records).
///
/// - Revenue: ``IncrementalRevenue`` keyed by transaction_id, dedup window
///   = ``BatchAnalyticsConfiguration/dedupWindowNanos``.
/// - Top players: ``IncrementalTopPlayers`` over `top-players-days`, keeping
///   days + 2 days (the window ending on as-of, and a day of late bets).
/// - Stake escalation: ``IncrementalStakeEscalation`` whose allowed lateness
///   is the same window as the dedup (a bet later than that behind the
///   latest bet is counted late and left out).
///
/// Record fields map to the analyze columns exactly as `headroom generate`
/// writes them: ids as decimal text, amounts in cents as 2-decimal money,
/// times in µs, `SUCCESS`/`FAILED`, `void` bets excluded, the bet's game type.

import Analytics
import Workloads

/// Incremental batch analytics over delivered records.
public struct BatchAnalyticsFeed {
    /// What to compute.
    public let configuration: BatchAnalyticsConfiguration
    /// The last day reported.
    public let asOf: CivilDate
    private var revenue: IncrementalRevenue<Int64>
    private var topPlayers: IncrementalTopPlayers<Int64>
    private var escalation: IncrementalStakeEscalation<Int64>
    private static let countries = Vocabulary.countries.map { $0.description }
    private static let gameTypes = GameType.allCases.map { $0.word.description }
    /// Transactions offered.
    public private(set) var transactions: Int64 = 0
    /// Bets offered.
    public private(set) var bets: Int64 = 0

    /// A feed for the valid `configuration`, reporting through `asOf`.
    public init(configuration: BatchAnalyticsConfiguration, asOf: CivilDate) {
        self.configuration = configuration
        self.asOf = asOf
        let window = max(1, configuration.dedupWindowNanos / 1_000)
        revenue = IncrementalRevenue(asOf: asOf, days: Int64(configuration.revenueDays), windowMicros: window)
        topPlayers = IncrementalTopPlayers(days: Int64(configuration.topPlayersDays), top: configuration.topPlayers)
        escalation = IncrementalStakeEscalation(threshold: configuration.escalationThreshold,
                                                minimumDays: configuration.escalationMinDays, allowedLatenessMicros: window)
    }

    /// Offers one delivered transaction (arrival order).
    /// - Complexity: O(1) amortized.
    public mutating func add(_ t: Transaction) {
        transactions += 1
        revenue.add(transactionID: t.transactionID, time: UTCTimestamp(microseconds: t.transactionTS), success: t.success,
                    amount: FixedDecimal(units: t.amountCents * 100), country: Self.countries[Int(t.countryIndex)])
    }

    /// Offers one delivered bet (arrival order).
    /// - Complexity: O(1) amortized.
    public mutating func add(_ b: Bet) {
        bets += 1
        let placed = UTCTimestamp(microseconds: b.placedAt)
        let stake = FixedDecimal(units: b.stakeCents * 100)
        let void = b.status == .void
        topPlayers.add(player: b.playerID, gameType: Self.gameTypes[Int(b.gameType.rawValue)], placedAt: placed, stake: stake, isVoid: void)
        escalation.add(player: b.playerID, placedAt: placed, stake: stake, isVoid: void)
    }

    /// Rows in the dedup state, days and players held: the memory the feed uses.
    public var stateSize: (openTransactionIDs: Int, topPlayerDays: Int, escalationPlayers: Int) {
        (revenue.openIDs, topPlayers.dayCount, escalation.playerCount)
    }

    /// The outputs as of ``asOf`` (analytics whose dataset is not configured are empty).
    public func result() -> BatchAnalyticsResult {
        BatchAnalyticsResult(
            dailyRevenue: configuration.revenueDataset == nil ? [] : revenue.rows(),
            topPlayers: configuration.betsDataset == nil ? [] : topPlayers.rows(asOf: asOf),
            escalationStreaks: configuration.betsDataset == nil ? [] : escalation.streaks(),
            duplicatesRemoved: Int64(revenue.duplicatesRemoved))
    }
}
