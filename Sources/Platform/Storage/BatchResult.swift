/// Results of the batch side: CDC lag, file-drop loads, the ELT runs with
/// the batch analytics outputs, and monthly cost per cloud and component.

import Analytics
import Foundation
import Metrics

/// One CDC connector's outcome.
public struct CDCResult: Sendable, Equatable {
    /// The connector.
    public var name: String
    /// Changes shipped.
    public var changes: Int64
    /// JSON bytes shipped per day.
    public var bytesPerDay: Double
    /// Time the initial snapshot took, ns.
    public var snapshotNanos: Int64
    /// Commit in the source to landing in the sink, ns, per change.
    public var lag: LatencyHistogram

    /// A connector's result.
    public init(name: String, changes: Int64, bytesPerDay: Double, snapshotNanos: Int64, lag: LatencyHistogram) {
        self.name = name
        self.changes = changes
        self.bytesPerDay = bytesPerDay
        self.snapshotNanos = snapshotNanos
        self.lag = lag
    }
}

/// One file drop's outcome.
public struct FileDropResult: Sendable, Equatable {
    /// The drop.
    public var name: String
    /// Drops that arrived.
    public var drops: Int64
    /// Files loaded.
    public var files: Int64
    /// Bytes per day loaded.
    public var bytesPerDay: Double
    /// File arrival to end of its load, ns (waiting behind earlier files included).
    public var loadTime: LatencyHistogram
    /// Most files waiting or loading at once.
    public var maxBacklogFiles: Int

    /// A drop's result.
    public init(name: String, drops: Int64, files: Int64, bytesPerDay: Double, loadTime: LatencyHistogram, maxBacklogFiles: Int) {
        self.name = name
        self.drops = drops
        self.files = files
        self.bytesPerDay = bytesPerDay
        self.loadTime = loadTime
        self.maxBacklogFiles = maxBacklogFiles
    }
}

/// USD per cloud.
public struct CloudAmount: Sendable, Equatable, Hashable {
    /// `gcp`, `aws` or `azure`.
    public var cloud: String
    /// Exact US dollars.
    public var usd: Decimal

    /// An amount.
    public init(cloud: String, usd: Decimal) {
        self.cloud = cloud
        self.usd = usd
    }
}

/// The batch analytics run by the ELT job (rows exactly as `headroom analyze` prints them).
public struct BatchAnalyticsResult: Sendable, Equatable {
    /// `analyze revenue`: daily revenue per country with the 7-day moving average.
    public var dailyRevenue: [DailyRevenueRow]
    /// `analyze top-players`: top players per game type.
    public var topPlayers: [TopPlayerRow]
    /// `analyze stake-escalation`: streaks of escalating daily stake.
    public var escalationStreaks: [EscalationStreak]
    /// Transaction rows recognised as duplicates within the dedup window.
    public var duplicatesRemoved: Int64
    /// Transactions offered to the analytics (0 when the caller did not count them).
    public var transactionsOffered: Int64 = 0
    /// Bets offered to the analytics (0 when the caller did not count them).
    public var betsOffered: Int64 = 0

    /// Outputs.
    public init(dailyRevenue: [DailyRevenueRow] = [], topPlayers: [TopPlayerRow] = [],
                escalationStreaks: [EscalationStreak] = [], duplicatesRemoved: Int64 = 0) {
        self.dailyRevenue = dailyRevenue
        self.topPlayers = topPlayers
        self.escalationStreaks = escalationStreaks
        self.duplicatesRemoved = duplicatesRemoved
    }
}

/// The nightly ELT job's outcome.
public struct ELTResult: Sendable, Equatable {
    /// The job.
    public var name: String
    /// Bytes one run scans (stored bytes of the scanned layer over `scan-days`).
    public var bytesScannedPerRun: Double
    /// One run's duration, ns (start-up + bytes ÷ throughput).
    public var durationNanos: Int64
    /// Time of day the run finishes, ns after 00:00 (may pass 24 h: then it overlaps the next run).
    public var finishOfDayNanos: Int64
    /// Cost of one run per cloud.
    public var costPerRun: [CloudAmount]
    /// Cost of 30 runs per cloud.
    public var costPerMonth: [CloudAmount]
    /// What the batch analytics computed on what the sinks received.
    public var analytics: BatchAnalyticsResult

    /// A job's result.
    public init(name: String, bytesScannedPerRun: Double, durationNanos: Int64, finishOfDayNanos: Int64,
                costPerRun: [CloudAmount], costPerMonth: [CloudAmount], analytics: BatchAnalyticsResult) {
        self.name = name
        self.bytesScannedPerRun = bytesScannedPerRun
        self.durationNanos = durationNanos
        self.finishOfDayNanos = finishOfDayNanos
        self.costPerRun = costPerRun
        self.costPerMonth = costPerMonth
        self.analytics = analytics
    }
}

/// One component's monthly cost on one cloud.
public struct ComponentCost: Sendable, Equatable, Hashable {
    /// Headroom's component (`object-storage-hot`, `warehouse`, `cdc`).
    public var component: String
    /// The cloud services priced (from the catalog).
    public var service: String
    /// Exact USD per month.
    public var monthlyUSD: Decimal
    /// Whether every price used was read from its source (false: includes an unverified price).
    public var verified: Bool

    /// A line.
    public init(component: String, service: String, monthlyUSD: Decimal, verified: Bool) {
        self.component = component
        self.service = service
        self.monthlyUSD = monthlyUSD
        self.verified = verified
    }
}

/// One cloud's monthly storage and batch cost.
public struct CloudCost: Sendable, Equatable, Hashable {
    /// `gcp`, `aws` or `azure`.
    public var cloud: String
    /// Per component, in a fixed order (storage classes, early deletion, warehouse).
    public var components: [ComponentCost]

    /// A cloud's cost.
    public init(cloud: String, components: [ComponentCost]) {
        self.cloud = cloud
        self.components = components
    }

    /// Sum of the components.
    public var totalUSD: Decimal { components.reduce(0) { $0 + $1.monthlyUSD } }
}
