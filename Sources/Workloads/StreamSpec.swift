/// The validated description of one generated stream: what it carries,
/// how fast, which keys, how disordered, and what behaviour is planted in it.
///
/// Built by the `Experiment` module from a workload file (or directly in
/// code and tests); every value here is already valid, so generation never
/// throws. Times are µs; rates are events per second; money distributions
/// are in major currency units (a stake of `10.5` is 1,050 cents).

import Variates

/// The record types a stream can carry.
public enum RecordKind: String, Sendable, CaseIterable {
    case bets, results, logins
    case pageViews = "page_views"
    case transactions
    case cardTransactions = "card_transactions"
    case payments
    case accountChanges = "account_changes"
}

/// A fraction of records delivered late.
public struct DisorderSpec: Sendable {
    /// Share of records delayed, in [0, 1].
    public var fraction: Double
    /// Delay in seconds (negative draws count as 0).
    public var delay: Distribution

    /// A disorder setting.
    public init(fraction: Double, delay: Distribution) {
        self.fraction = fraction
        self.delay = delay
    }
}

/// A fraction of records delivered twice (producer retries).
public struct DuplicateSpec: Sendable {
    /// Share of records that get a second copy, in [0, 1].
    public var fraction: Double
    /// How much later the copy arrives, seconds.
    public var delay: Distribution
    /// For transactions: probability that the retry carries a different
    /// status (and a later `transaction_ts`), in [0, 1].
    public var statusChange: Double

    /// A duplicate setting.
    public init(fraction: Double, delay: Distribution, statusChange: Double = 0) {
        self.fraction = fraction
        self.delay = delay
        self.statusChange = statusChange
    }
}

/// Browsing-session shape for page views.
public struct SessionSpec: Sendable {
    /// Mean events per visit (geometric, ≥ 1).
    public var meanEvents: Double
    /// Gap between events inside a session, seconds.
    public var gap: Distribution
    /// Probability that a gap is a pause near the inactivity timeout instead.
    public var pauseProbability: Double
    /// The sessionization timeout the pauses straddle, µs (30 min).
    public var timeout: Int64
    /// Pauses are uniform in `timeout ± pauseJitter`, µs.
    public var pauseJitter: Int64

    /// A session shape.
    public init(meanEvents: Double = 8, gap: Distribution = try! .parse("lognormal(p50=20s, p99=5m)"),
                pauseProbability: Double = 0.05, timeout: Int64 = 30 * Timestamp.minute, pauseJitter: Int64 = 5 * Timestamp.minute) {
        self.meanEvents = meanEvents
        self.gap = gap
        self.pauseProbability = pauseProbability
        self.timeout = timeout
        self.pauseJitter = pauseJitter
    }
}

/// Players planted with a stake-escalation streak.
public struct StreakSpec: Sendable {
    /// Number of planted players (ids after the background players).
    public var players: Int
    /// Shortest streak, in increase days (≥ 3).
    public var minDays: Int
    /// Longest streak, in increase days.
    public var maxDays: Int

    /// A streak setting.
    public init(players: Int, minDays: Int = 3, maxDays: Int = 5) {
        self.players = players
        self.minDays = minDays
        self.maxDays = maxDays
    }
}

/// Fraud episodes planted in card transactions, per hour of traffic.
public struct FraudSpec: Sendable {
    /// Card-testing bursts per hour: many small amounts across merchants.
    public var cardTestingPerHour: Double
    /// Account takeovers per hour: a new country and large amounts.
    public var accountTakeoverPerHour: Double
    /// High-velocity episodes per hour: many ordinary amounts in minutes.
    public var highVelocityPerHour: Double

    /// A fraud setting.
    public init(cardTestingPerHour: Double = 0, accountTakeoverPerHour: Double = 0, highVelocityPerHour: Double = 0) {
        self.cardTestingPerHour = cardTestingPerHour
        self.accountTakeoverPerHour = accountTakeoverPerHour
        self.highVelocityPerHour = highVelocityPerHour
    }
}

/// One stream of a workload.
public struct StreamSpec: Sendable {
    /// The stream's name: its file is `<name>.csv` and its random streams
    /// are `<name>/block-<k>`.
    public var name: String
    /// The record type.
    public var kind: RecordKind
    /// The event rate over time.
    public var rate: RateCurve
    /// Mean events per arrival epoch (1: no batches).
    public var meanBatchSize: Double
    /// Popularity of the stream's main key (player, user or card).
    public var keys: KeyPopularity
    /// Amount per event (stake, transaction or payment amount), major units.
    public var amount: Distribution?
    /// Late deliveries, if any.
    public var disorder: DisorderSpec?
    /// Duplicate deliveries, if any.
    public var duplicates: DuplicateSpec?
    /// Session shape (page views only; nil: independent events).
    public var sessions: SessionSpec?
    /// Planted stake-escalation streaks (bets only).
    public var streaks: StreakSpec?
    /// Planted fraud episodes (card transactions only).
    public var fraud: FraudSpec?

    /// A stream with defaults for the optional parts.
    public init(name: String, kind: RecordKind, rate: RateCurve, keys: KeyPopularity, meanBatchSize: Double = 1,
                amount: Distribution? = nil, disorder: DisorderSpec? = nil, duplicates: DuplicateSpec? = nil,
                sessions: SessionSpec? = nil, streaks: StreakSpec? = nil, fraud: FraudSpec? = nil) {
        self.name = name
        self.kind = kind
        self.rate = rate
        self.meanBatchSize = meanBatchSize
        self.keys = keys
        self.amount = amount
        self.disorder = disorder
        self.duplicates = duplicates
        self.sessions = sessions
        self.streaks = streaks
        self.fraud = fraud
    }
}
