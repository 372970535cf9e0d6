import Foundation
import Testing
@testable import Planning

@Suite("Storage growth across tiers")
struct StorageGrowthTests {
    func lifecycle(infrequentAt: Int = 30, archiveAt: Int = 90, retention: Int = 365) -> DatasetLifecycle {
        DatasetLifecycle(
            name: "raw", dailyRaw: ByteCount(4.32, .TB), compressionRatio: 4, copies: 2,
            tiers: [
                StorageTier(name: "hot", entersAtAgeDays: 0, pricePerGBMonth: Money(usd: Decimal(string: "0.023")!)),
                StorageTier(name: "infrequent", entersAtAgeDays: infrequentAt, minimumDays: 30, pricePerGBMonth: Money(usd: Decimal(string: "0.0125")!)),
                StorageTier(name: "archive", entersAtAgeDays: archiveAt, minimumDays: 180, pricePerGBMonth: Money(usd: Decimal(string: "0.00099")!)),
            ],
            retentionDays: retention)
    }

    @Test("a constant rate reaches the closed-form steady state and stays there")
    func steadyState() throws {
        let l = lifecycle()
        try l.validate()
        let months = StorageGrowth.project(l)
        let steadyMonth = try #require(StorageGrowth.steadyStateMonth(months))
        #expect(steadyMonth * 30 >= l.retentionDays)
        let daily = 4.32e12 / 4 * 2
        let expected = [30.0, 60, 275].map { $0 * daily }
        for m in months where m.month >= steadyMonth {
            for (got, want) in zip(m.endBytes, expected) {
                #expect(abs(got.bytes - want) <= 1e-6 * want, "month \(m.month)")
            }
        }
        #expect(zip(l.steadyStateBytes, expected).allSatisfy { abs($0.bytes - $1) <= 1e-6 * $1 })
        // Before retention is reached nothing is in the archive for the first three months.
        #expect(months[0].endBytes[2].bytes == 0 && months[0].endBytes[1].bytes == 0)
        #expect(months.allSatisfy { $0.earlyDeletionCost == .zero }, "every stay meets its minimum")
    }

    @Test("moving data out of a tier before its minimum duration is charged")
    func earlyDeletion() throws {
        // Infrequent from day 30, archive from day 45: 15 days in a tier with a 30-day minimum.
        let l = lifecycle(infrequentAt: 30, archiveAt: 45)
        let months = StorageGrowth.project(l, months: 14)
        #expect(months[0].earlyDeletionCost == .zero)
        let second = months[1]   // days 30..59: cohorts leave infrequent from day 45 on (15 of them)
        let perDayGB = 4.32e12 / 4 * 2 / 1e9
        #expect(abs(second.earlyDeletionGBMonths[1] - 15 * 15 * perDayGB / 30) < 1e-6)
        #expect(second.earlyDeletionCost > .zero)
        // Archive (180-day minimum) with deletion at 365 days: 320 days stay, no charge there.
        #expect(months.allSatisfy { $0.earlyDeletionGBMonths[2] == 0 })
        // Retention shorter than the archive minimum: deleted after 100 − 45 = 55 days, billed 125 more.
        let short = lifecycle(infrequentAt: 30, archiveAt: 45, retention: 100)
        let shortMonths = StorageGrowth.project(short, months: 6)
        #expect(abs(shortMonths[5].earlyDeletionGBMonths[2] - 30 * 125 * perDayGB / 30) < 1e-6)
    }

    @Test("steady-state monthly cost is the closed-form GB × price")
    func steadyCost() throws {
        let l = lifecycle()
        let months = StorageGrowth.project(l)
        let last = try #require(months.last)
        var expected = 0.0
        for (bytes, price) in zip(l.steadyStateBytes, [0.023, 0.0125, 0.00099]) { expected += bytes.bytes / 1e9 * price }
        #expect(abs(last.storageCost.doubleValue - expected) < 0.01)
    }

    @Test("invalid lifecycles name the field")
    func validation() {
        var l = lifecycle()
        l.retentionDays = 0
        #expect(throws: PlanningError.self) { try l.validate() }
        l = lifecycle(infrequentAt: 90, archiveAt: 30)
        #expect(throws: PlanningError.self) { try l.validate() }
    }
}
