/// The nightly ELT job: at a time of day it scans what the datasets
/// received, runs the batch analytics on it, and is billed by the
/// warehouse's price basis.

import Analytics
import Foundation

/// How a warehouse bills a job.
public enum WarehousePriceBasis: Sendable, Equatable {
    /// On-demand: USD per TiB (2⁴⁰ bytes) scanned, per cloud (`["gcp": 6.25]`, BigQuery on-demand).
    case perTiBScanned([String: Decimal])
    /// Provisioned compute: USD per compute-hour (slot, RPU or DWU hour) × `units` for the job's duration, per cloud.
    case perComputeHour([String: Decimal], units: Double)
}

/// Which batch analytics the job runs and on which datasets (the rules of `headroom analyze`).
public struct BatchAnalyticsConfiguration: Sendable, Equatable {
    /// Dataset of transactions for daily revenue with a 7-day moving average; `nil`: not run.
    public var revenueDataset: String?
    /// Days before the as-of date in the revenue output (`--days`).
    public var revenueDays: Int
    /// Dedup window, ns: two rows of one transaction_id are recognised as duplicates when
    /// the later arrives within this time of the first (event time); state is bounded by it.
    public var dedupWindowNanos: Int64
    /// Dataset of bets for top players and stake escalation; `nil`: neither is run.
    public var betsDataset: String?
    /// Days before the as-of date in the top-players window (`--days`).
    public var topPlayersDays: Int
    /// Players per game type (`--top`).
    public var topPlayers: Int
    /// Growth that flags a day (`--threshold`, 0.5 = +50%), exact, ≥ 0.
    public var escalationThreshold: FixedDecimal
    /// Shortest streak reported (`--min-days`).
    public var escalationMinDays: Int

    /// The analytics with the `headroom analyze` defaults.
    public init(revenueDataset: String? = nil, revenueDays: Int = 90, dedupWindowNanos: Int64 = 3_600_000_000_000,
                betsDataset: String? = nil, topPlayersDays: Int = 30, topPlayers: Int = 5,
                escalationThreshold: FixedDecimal = FixedDecimal(units: 5_000), escalationMinDays: Int = 3) {
        self.revenueDataset = revenueDataset
        self.revenueDays = revenueDays
        self.dedupWindowNanos = dedupWindowNanos
        self.betsDataset = betsDataset
        self.topPlayersDays = topPlayersDays
        self.topPlayers = topPlayers
        self.escalationThreshold = escalationThreshold
        self.escalationMinDays = escalationMinDays
    }
}

/// The nightly ELT job.
public struct ELTConfiguration: Sendable, Equatable {
    /// The job's name (`nightly-elt`).
    public var name: String
    /// Start time of each run, ns after 00:00 UTC (02:00 is 7,200 × 10⁹).
    public var startOfDayNanos: Int64
    /// Datasets it reads.
    public var inputs: [String]
    /// The layer it reads (Bronze: raw; Silver: cleaned).
    public var scanLayer: LakehouseLayer
    /// Days of data each run scans (1 for yesterday; 7 to recompute a 7-day window).
    public var scanDays: Int
    /// Bytes per second the warehouse scans for this job.
    public var scanBytesPerSecond: Double
    /// Fixed start-up time of a run (cluster, planning), ns.
    public var startupNanos: Int64
    /// How the warehouse bills the run.
    public var priceBasis: WarehousePriceBasis
    /// The batch analytics run on the scanned data.
    public var analytics: BatchAnalyticsConfiguration

    /// A job.
    public init(name: String = "nightly-elt", startOfDayNanos: Int64 = 7_200_000_000_000, inputs: [String],
                scanLayer: LakehouseLayer = .silver, scanDays: Int = 1, scanBytesPerSecond: Double = 500_000_000,
                startupNanos: Int64 = 60_000_000_000,
                priceBasis: WarehousePriceBasis = .perTiBScanned(["gcp": 6.25, "aws": 5, "azure": 5]),
                analytics: BatchAnalyticsConfiguration = BatchAnalyticsConfiguration()) {
        self.name = name
        self.startOfDayNanos = startOfDayNanos
        self.inputs = inputs
        self.scanLayer = scanLayer
        self.scanDays = scanDays
        self.scanBytesPerSecond = scanBytesPerSecond
        self.startupNanos = startupNanos
        self.priceBasis = priceBasis
        self.analytics = analytics
    }

    /// Every bad value, each naming its field under `path` (`storage.elt`).
    public func validationErrors(path: String) -> [PlatformError] {
        var errors: [PlatformError] = []
        if name.isEmpty { errors.append(PlatformError(field: "\(path).name", "must not be empty")) }
        if !(0..<86_400_000_000_000).contains(startOfDayNanos) {
            errors.append(PlatformError(field: "\(path).start", "must be a time of day in [00:00, 24:00), e.g. 02:00, got \(startOfDayNanos) ns"))
        }
        if inputs.isEmpty { errors.append(PlatformError(field: "\(path).inputs", "must name at least one dataset")) }
        if scanDays < 1 { errors.append(PlatformError(field: "\(path).scan-days", "must be at least 1, got \(scanDays)")) }
        if !(scanBytesPerSecond.isFinite && scanBytesPerSecond > 0) {
            errors.append(PlatformError(field: "\(path).scan-throughput", "must be positive, e.g. 500MB/s, got \(scanBytesPerSecond)"))
        }
        if startupNanos < 0 { errors.append(PlatformError(field: "\(path).startup", "must be ≥ 0, e.g. 1m, got \(startupNanos) ns")) }
        let prices: [String: Decimal]
        switch priceBasis {
        case .perTiBScanned(let p): prices = p
        case .perComputeHour(let p, let units):
            prices = p
            if !(units.isFinite && units > 0) { errors.append(PlatformError(field: "\(path).price.units", "must be positive, got \(units)")) }
        }
        for cloud in prices.keys.sorted() where prices[cloud]! < 0 {
            errors.append(PlatformError(field: "\(path).price.\(cloud)", "must be ≥ 0 USD, got \(prices[cloud]!)"))
        }
        let a = analytics
        if a.revenueDays < 0 { errors.append(PlatformError(field: "\(path).analytics.revenue-days", "must be ≥ 0, got \(a.revenueDays)")) }
        if a.dedupWindowNanos <= 0 {
            errors.append(PlatformError(field: "\(path).analytics.dedup-window", "must be positive, e.g. 1h, got \(a.dedupWindowNanos) ns"))
        }
        if a.topPlayersDays < 0 { errors.append(PlatformError(field: "\(path).analytics.top-players-days", "must be ≥ 0, got \(a.topPlayersDays)")) }
        if a.topPlayers < 1 { errors.append(PlatformError(field: "\(path).analytics.top", "must be at least 1, got \(a.topPlayers)")) }
        if a.escalationThreshold < .zero {
            errors.append(PlatformError(field: "\(path).analytics.threshold", "must be ≥ 0, e.g. 0.5, got \(a.escalationThreshold.formatted(places: 4))"))
        }
        if a.escalationMinDays < 1 { errors.append(PlatformError(field: "\(path).analytics.min-days", "must be at least 1, got \(a.escalationMinDays)")) }
        return errors
    }
}
