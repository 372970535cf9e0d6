/// Storage growth across tiers, month by month, until steady state.
///
/// A data set writes `dailyStored` bytes per day. Each day's data is a
/// cohort that ages: it sits in the tier whose age range holds its age,
/// moves on at the next tier's entry age and is deleted at retention. A
/// cohort that leaves a tier (by transition or deletion) before that
/// tier's minimum storage duration is billed for the remaining days: the
/// early-deletion charge of S3 Standard-IA/Glacier, GCS Nearline/Coldline/
/// Archive and Azure Cool/Cold/Archive. Months are 30 days; GB are decimal
/// (10⁹ bytes), the unit cloud bills use.

import Foundation

/// One month of a projection.
public struct StorageMonth: Sendable, Equatable {
    /// 1-based month number.
    public var month: Int
    /// Bytes in each tier at the end of the month (tier order of the lifecycle).
    public var endBytes: [ByteCount]
    /// GB-months stored in each tier during the month (GB-days ÷ 30).
    public var gbMonths: [Double]
    /// GB-months billed in each tier for data that left it before its minimum duration.
    public var earlyDeletionGBMonths: [Double]
    /// Storage charge for the month (GB-months × price, per tier, summed).
    public var storageCost: Money
    /// Early-deletion charge for the month.
    public var earlyDeletionCost: Money

    /// Bytes in all tiers at the end of the month.
    public var totalBytes: ByteCount { endBytes.reduce(.zero, +) }
    /// Storage plus early-deletion charges.
    public var totalCost: Money { storageCost + earlyDeletionCost }
}

/// Projects a ``DatasetLifecycle`` day by day and reports it by month.
public enum StorageGrowth {
    /// The months until the end-of-month bytes no longer change, plus `extraMonths`
    /// (at least `minimumMonths`).
    /// - Precondition: `lifecycle` passed ``DatasetLifecycle/validate()``.
    /// - Complexity: O(days × tiers), days = months × 30.
    public static func project(_ lifecycle: DatasetLifecycle, minimumMonths: Int = 12, extraMonths: Int = 1) -> [StorageMonth] {
        let steadyMonth = Int((Double(lifecycle.retentionDays) / 30).rounded(.up))
        return project(lifecycle, months: max(minimumMonths, steadyMonth + extraMonths))
    }

    /// Exactly `months` months of the projection.
    public static func project(_ lifecycle: DatasetLifecycle, months: Int) -> [StorageMonth] {
        precondition(months >= 1, "a projection needs at least one month, got \(months)")
        let perDayGB = lifecycle.dailyStored.bytes / 1e9
        let ranges = lifecycle.tiers.indices.map { lifecycle.ageRange(ofTier: $0) }
        // Days a cohort is billed for on leaving tier i early: minimum − time spent there.
        let earlyDays = lifecycle.tiers.indices.map { i -> Int in
            ranges[i].isEmpty ? 0 : max(0, lifecycle.tiers[i].minimumDays - ranges[i].count)
        }
        var result: [StorageMonth] = []
        for m in 0..<months {
            var gbDays = [Double](repeating: 0, count: ranges.count)
            var earlyGBDays = [Double](repeating: 0, count: ranges.count)
            var end = [Double](repeating: 0, count: ranges.count)
            for day in (m * 30)..<((m + 1) * 30) {
                // Cohorts born on days 0...day have ages 0...day.
                for (i, r) in ranges.enumerated() where !r.isEmpty {
                    let present = max(0, min(r.upperBound, day + 1) - r.lowerBound)
                    gbDays[i] += Double(present) * perDayGB
                    end[i] = Double(present) * perDayGB
                    // The cohort reaching age r.upperBound today leaves tier i.
                    if earlyDays[i] > 0, day >= r.upperBound {
                        earlyGBDays[i] += Double(earlyDays[i]) * perDayGB
                    }
                }
            }
            var storage = Money.zero, early = Money.zero
            for (i, tier) in lifecycle.tiers.enumerated() {
                storage = storage + tier.pricePerGBMonth.times(gbDays[i] / 30)
                early = early + tier.pricePerGBMonth.times(earlyGBDays[i] / 30)
            }
            result.append(StorageMonth(
                month: m + 1, endBytes: end.map { ByteCount(bytes: $0 * 1e9) },
                gbMonths: gbDays.map { $0 / 30 }, earlyDeletionGBMonths: earlyGBDays.map { $0 / 30 },
                storageCost: storage, earlyDeletionCost: early))
        }
        return result
    }

    /// The first month whose end-of-month bytes equal the next month's in every tier, if any.
    public static func steadyStateMonth(_ months: [StorageMonth]) -> Int? {
        zip(months, months.dropFirst()).first { a, b in
            zip(a.endBytes, b.endBytes).allSatisfy { abs($0.bytes - $1.bytes) <= 1e-9 * max(1, $0.bytes) }
        }?.0.month
    }
}
