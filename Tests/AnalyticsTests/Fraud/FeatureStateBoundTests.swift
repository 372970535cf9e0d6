import Testing
import Variates
@testable import Analytics

/// The feature state is bounded by active cards and by bucket counts, and
/// eviction when full is deterministic (least recently used first).
@Suite struct FeatureStateBoundTests {
    @Test func capacityEvictsTheLeastRecentlyUsedCard() {
        let store = FraudFeatureStore(capacity: 3)
        for card in 0..<3 { _ = store.update(compact(card: Int32(card), at: Double(card))) }
        _ = store.update(compact(card: 0, at: 3))
        _ = store.update(compact(card: 3, at: 4))
        #expect(store.activeCards == 3)
        #expect(store.evictedCards == 1)
        // card 1 was least recently used: it starts afresh, card 0 does not.
        #expect(store.update(compact(card: 0, at: 5)).count1m == 3)
        #expect(store.update(compact(card: 1, at: 6)).count1m == 1)
    }

    @Test func aHotCardHoldsAtMostOneDayOfBuckets() {
        let store = FraudFeatureStore()
        for s in stride(from: 0.0, to: 2 * 86_400, by: 7) { _ = store.update(compact(at: s)) }
        #expect(store.activeCards == 1)
        #expect(store.bucketCount <= 60 + 1_440)
        #expect(store.bucketCount >= 1_440)
    }

    /// A minute bucket counts at most 65,535 transactions (16 bits): the
    /// 70,000 of one card in one minute take two buckets of that minute, and
    /// every window total stays exact as they enter and leave together.
    @Test func aMinuteWithMoreThan65535TransactionsSpillsIntoASecondBucket() {
        let store = FraudFeatureStore()
        var last = store.update(compact(at: 10, cents: 100))
        for _ in 1..<70_000 { last = store.update(compact(at: 10, cents: 100)) }
        #expect(last.count1h == 70_000 && last.sum1hCents == 7_000_000)
        #expect(last.count24h == 70_000 && last.sum24hCents == 7_000_000)
        #expect(store.bucketCount == 1 + 2, "one second bucket, two buckets of minute 0")
        let minute59 = store.update(compact(at: 3_599, cents: 100))
        #expect(minute59.count1h == 70_001 && minute59.count24h == 70_001)
        let minute60 = store.update(compact(at: 3_600, cents: 300))
        #expect(minute60.count1h == 2 && minute60.sum1hCents == 400, "both buckets of minute 0 left the hour")
        #expect(minute60.count24h == 70_002 && minute60.sum24hCents == 7_000_400)
        let minute1440 = store.update(compact(at: 86_400 + 10, cents: 100))
        #expect(minute1440.count24h == 3 && minute1440.sum24hCents == 500, "both buckets of minute 0 left the day")
        #expect(minute1440.count1h == 1)
    }

    /// A minute bucket's sum is 48 bits (below 2^47 units): 20 amounts of
    /// 10^9 currency units (10^13 units each) in one minute take two buckets
    /// of that minute (14 fit the first), and the totals stay exact.
    @Test func aMinuteWhoseSumPasses2To47SpillsIntoASecondBucket() {
        let store = FraudFeatureStore()
        var last = store.update(compact(at: 10, cents: 100_000_000_000))
        for _ in 1..<20 { last = store.update(compact(at: 10, cents: 100_000_000_000)) }
        #expect(last.count1h == 20 && last.sum1hUnits == 200_000_000_000_000)
        #expect(last.count24h == 20 && last.sum24hUnits == 200_000_000_000_000)
        #expect(store.bucketCount == 1 + 2, "one second bucket, two buckets of minute 0")
        let later = store.update(compact(at: 3_600, cents: 100))
        #expect(later.count1h == 1 && later.sum1hCents == 100, "both buckets of minute 0 left the hour")
        #expect(later.count24h == 21 && later.sum24hUnits == 200_000_000_010_000)
    }

    /// Seed 7: 200,000 transactions from 100,000 cards over 10 days; at any
    /// time the store holds only cards seen in the last 24 h.
    @Test func activeCardsAreThoseSeenInTheLastDay() {
        let stream = RandomStream(seed: 7, name: "fraud.state.bound")
        let store = FraudFeatureStore()
        var lastSeen: [Int32: Double] = [:]
        var maxActive = 0
        for i in 0..<200_000 {
            let time = Double(i) * 4.32
            let card = Int32(stream.uniformInt(below: 100_000))
            _ = store.update(compact(card: card, at: time))
            lastSeen[card] = time
            if i % 20_000 == 19_999 {
                let recent = lastSeen.values.filter { time - $0 < 86_400 }.count
                #expect(store.activeCards == recent, "at txn \(i)")
            }
            maxActive = max(maxActive, store.activeCards)
        }
        #expect(maxActive <= 20_000, "a day holds 20,000 transactions")
        #expect(store.expiredCards > 50_000)
    }
}
