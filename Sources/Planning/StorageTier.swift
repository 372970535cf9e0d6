/// A storage tier in a lifecycle: where data of a given age lives, what it
/// costs, and the minimum storage duration the provider bills for.

/// One tier of a lifecycle: data enters at `entersAtAgeDays` and stays until the next tier's entry age.
public struct StorageTier: Sendable, Equatable, Codable {
    /// The tier's name ("hot", "S3 Standard-IA", "Coldline").
    public var name: String
    /// The age in days at which data moves into this tier (0 for the first tier).
    public var entersAtAgeDays: Int
    /// The minimum storage duration in days: data that leaves earlier is billed for the rest.
    public var minimumDays: Int
    /// Price per GB-month (decimal GB, 30-day month).
    public var pricePerGBMonth: Money

    /// Creates a tier.
    public init(name: String, entersAtAgeDays: Int, minimumDays: Int = 0, pricePerGBMonth: Money = .zero) {
        self.name = name
        self.entersAtAgeDays = entersAtAgeDays
        self.minimumDays = minimumDays
        self.pricePerGBMonth = pricePerGBMonth
    }
}

/// A data set written at a constant daily volume and moved through tiers by age.
public struct DatasetLifecycle: Sendable, Equatable {
    /// The data set's name ("raw transactions").
    public var name: String
    /// Raw bytes written per day.
    public var dailyRaw: ByteCount
    /// Raw ÷ stored (≥ 1).
    public var compressionRatio: Double
    /// Full copies kept (object stores replicate internally; 2 = a second region).
    public var copies: Int
    /// Tiers in order of entry age; the first must enter at age 0.
    public var tiers: [StorageTier]
    /// Age in days at which data is deleted.
    public var retentionDays: Int

    /// Stored bytes added per day: raw ÷ compression × copies.
    public var dailyStored: ByteCount { dailyRaw / compressionRatio * Double(copies) }

    /// Creates a lifecycle.
    public init(name: String, dailyRaw: ByteCount, compressionRatio: Double = 1, copies: Int = 1,
                tiers: [StorageTier], retentionDays: Int) {
        self.name = name
        self.dailyRaw = dailyRaw
        self.compressionRatio = compressionRatio
        self.copies = copies
        self.tiers = tiers
        self.retentionDays = retentionDays
    }

    /// Throws when the lifecycle cannot be projected, naming the field.
    public func validate() throws {
        try PlanningError.requireNonNegative(dailyRaw.bytes, "daily-volume", example: "4.32TB")
        guard compressionRatio.isFinite, compressionRatio >= 1 else {
            throw PlanningError(field: "compression-ratio", "must be at least 1, got \(NumberText.plain(compressionRatio))", accepted: ["4"])
        }
        guard copies >= 1 else { throw PlanningError(field: "copies", "must be at least 1, got \(copies)", accepted: ["1"]) }
        guard retentionDays >= 1 else {
            throw PlanningError(field: "retention", "must be at least 1 day, got \(retentionDays)", accepted: ["365d"])
        }
        guard tiers.first?.entersAtAgeDays == 0 else {
            throw PlanningError(field: "tiers", "the first tier must take data at age 0", accepted: ["hot from 0d, infrequent from 30d"])
        }
        for (a, b) in zip(tiers, tiers.dropFirst()) where b.entersAtAgeDays <= a.entersAtAgeDays {
            throw PlanningError(field: "tiers", "tier \"\(b.name)\" must start after \"\(a.name)\" (\(a.entersAtAgeDays) d), got \(b.entersAtAgeDays) d")
        }
    }

    /// The ages `[lo, hi)` in days that tier `index` holds, cut at retention (may be empty).
    public func ageRange(ofTier index: Int) -> Range<Int> {
        let lo = min(tiers[index].entersAtAgeDays, retentionDays)
        let hi = index + 1 < tiers.count ? min(tiers[index + 1].entersAtAgeDays, retentionDays) : retentionDays
        return lo..<max(lo, hi)
    }

    /// Closed-form steady state: tier i holds `dailyStored × (days of age in tier i)`.
    public var steadyStateBytes: [ByteCount] {
        tiers.indices.map { dailyStored * Double(ageRange(ofTier: $0).count) }
    }
}
