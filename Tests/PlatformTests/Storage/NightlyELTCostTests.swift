import Foundation
import Testing
@testable import Platform

/// The ELT job's scan, duration and cost arithmetic, worked by hand.
@Suite("Nightly ELT scan, duration and cost")
struct NightlyELTCostTests {
    static func volume(_ name: String, silverBytesPerDay: Double) -> DatasetStorageResult {
        DatasetStorageResult(dataset: name, recordsPerDay: 0, rawBytesPerDay: 0, compressionRatio: 1, compressionMeasured: false,
                             layers: [LayerVolume(layer: .bronze, storedBytesPerDay: 2 * silverBytesPerDay, bytesPerDayByTier: []),
                                      LayerVolume(layer: .silver, storedBytesPerDay: silverBytesPerDay, bytesPerDayByTier: [])],
                             bronzeFiles: BronzeFileStats(files: 0, bytes: 0, closedBySize: 0, closedByTime: 0, observedSeconds: 0),
                             retainedByMonth: [])
    }

    @Test("on-demand: 7 days × 1 TiB of Silver a day at $6.25/TiB; 500 MB/s takes 15,393.162 s + 60 s")
    func onDemand() {
        let tib = 1_099_511_627_776.0
        let job = ELTConfiguration(inputs: ["bets"], scanDays: 7, scanBytesPerSecond: 500_000_000, startupNanos: 60_000_000_000,
                                   priceBasis: .perTiBScanned(["gcp": 6.25, "aws": 5]))
        #expect(job.validationErrors(path: "elt").isEmpty)
        let r = NightlyELT.run(job, volumes: [Self.volume("bets", silverBytesPerDay: tib), Self.volume("other", silverBytesPerDay: 1e15)],
                               analytics: BatchAnalyticsResult(), clouds: ["gcp", "aws", "azure"])
        #expect(r.bytesScannedPerRun == 7 * tib)
        #expect(r.durationNanos == 60_000_000_000 + Int64((7 * tib / 500_000_000 * 1e9).rounded(.up)))
        #expect(r.finishOfDayNanos == 7_200_000_000_000 + r.durationNanos)
        #expect(r.costPerRun.map(\.usd) == [Decimal(string: "43.75")!, 35, 0], "azure has no price in this basis")
        #expect(r.costPerMonth[0].usd == Decimal(string: "1312.5")!)
    }

    @Test("provisioned: 8 compute units × 1.5 h at $2 per unit-hour")
    func provisioned() {
        // 2.7 TB at 1 GB/s = 2,700 s, + 2,700 s start-up = 1.5 h.
        let job = ELTConfiguration(inputs: ["bets"], scanDays: 1, scanBytesPerSecond: 1e9, startupNanos: 2_700_000_000_000,
                                   priceBasis: .perComputeHour(["aws": 2], units: 8))
        let r = NightlyELT.run(job, volumes: [Self.volume("bets", silverBytesPerDay: 2.7e12)], analytics: BatchAnalyticsResult(), clouds: ["aws"])
        #expect(r.durationNanos == 5_400_000_000_000)
        #expect(r.costPerRun == [CloudAmount(cloud: "aws", usd: 24)])
    }
}
