import Testing
import Variates
@testable import Analytics

/// Window counts and sums at their bucket boundaries, expiry, z-score,
/// distinct keys and gaps on hand-built sequences; then the bucketed store
/// against a brute-force implementation on random sequences.
@Suite struct FeatureWindowTests {
    @Test func oneMinuteWindowIsSixtyOneSecondBuckets() {
        let f = features([
            compact(at: 0, cents: 100), compact(at: 59.5, cents: 200),
            compact(at: 60, cents: 400), compact(at: 119.999, cents: 800),
        ])
        #expect(f.map(\.count1m) == [1, 2, 2, 2])
        #expect(f.map(\.sum1mCents) == [100, 300, 600, 1_200])
    }

    @Test func oneHourWindowIsSixtyOneMinuteBuckets() {
        let f = features([
            compact(at: 30, cents: 100), compact(at: 59 * 60 + 59.9, cents: 200),
            compact(at: 3_600, cents: 400), compact(at: 3_600 + 59 * 60, cents: 800),
        ])
        #expect(f.map(\.count1h) == [1, 2, 2, 2], "minute 119 sees minutes 60...119")
        #expect(f.map(\.sum1hCents) == [100, 300, 600, 1_200])
        #expect(f.map(\.count24h) == [1, 2, 3, 4])
    }

    @Test func twentyFourHourWindowBoundary() {
        let f = features([compact(at: 10, cents: 100), compact(at: 86_399, cents: 200), compact(at: 86_400, cents: 400)])
        #expect(f.map(\.count24h) == [1, 2, 2])
        #expect(f.map(\.sum24hCents) == [100, 300, 600])
    }

    @Test func stateExpiresAfterTwentyFourHoursOfSilence() {
        let store = FraudFeatureStore()
        _ = store.update(compact(card: 0, at: 0))
        _ = store.update(compact(card: 1, at: 10))
        #expect(store.activeCards == 2)
        let almost = store.update(compact(card: 1, at: 86_399.999))
        #expect(store.expiredCards == 0, "card 0 was silent for 86,399.999 s only")
        #expect(almost.count24h == 2)
        let back = store.update(compact(card: 0, at: 86_400))
        #expect(store.expiredCards == 1)
        #expect(back.count24h == 1)
        #expect(back.secondsSincePrevious == 86_400)
        #expect(store.activeCards == 2)
        _ = store.update(compact(card: 2, at: 200_000))
        #expect(store.expiredCards == 3)
        #expect(store.activeCards == 1)
    }

    @Test func zScoreAgainstPrevious24Hours() {
        let f = features([
            compact(at: 0, cents: 100_000), compact(at: 1, cents: 200_000),
            compact(at: 2, cents: 300_000), compact(at: 3, cents: 400_000),
        ])
        #expect(f[0].amountZ24h == 0 && f[1].amountZ24h == 0, "fewer than two previous amounts")
        // previous 1,000.00 and 2,000.00: mean 1,500.00, population sd 500.00.
        #expect(abs(f[2].amountZ24h - 3.0) < 1e-12)
        // previous 1,000.00, 2,000.00, 3,000.00: mean 2,000.00, sd sqrt(2/3) · 1,000.00.
        #expect(abs(f[3].amountZ24h - 2_000 / (2.0 / 3).squareRoot() / 1_000) < 1e-12)
    }

    @Test func zScoreFloorsTheStandardDeviationAndIsCapped() {
        let f = features([
            compact(at: 0, cents: 10_000), compact(at: 1, cents: 10_000),
            compact(at: 2, cents: 10_500), compact(at: 3, cents: 10_000_000),
        ])
        #expect(f[2].amountZ24h == 5, "sd 0 is floored at one currency unit")
        #expect(f[3].amountZ24h == 50)
    }

    @Test func distinctMerchantsAndCountriesInTheLastHour() {
        let f = features([
            compact(at: 0, merchant: 1, country: 1), compact(at: 10, merchant: 2, country: 1),
            compact(at: 20, merchant: 1, country: 2), compact(at: 3_600, merchant: 3, country: 2),
            compact(at: 3_610.5, merchant: 3, country: 2),
        ])
        #expect(f.map(\.distinctMerchants1h) == [1, 2, 2, 3, 2])
        #expect(f.map(\.distinctCountries1h) == [1, 1, 2, 2, 1])
    }

    @Test func distinctCountsSaturateAtTheCap() {
        let txns = (0..<12).map { compact(at: Double($0), merchant: Int32($0)) }
        #expect(features(txns).map(\.distinctMerchants1h) == [1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8])
    }

    @Test func secondsSincePreviousAndCountryMismatch() {
        let f = features([
            compact(at: 100, country: 3, cardCountry: 3), compact(at: 112.25, country: 4, cardCountry: 3),
        ])
        #expect(f.map(\.secondsSincePrevious) == [86_400, 12.25])
        #expect(f.map(\.countryMismatch) == [false, true])
    }

    @Test func aTransactionOlderThanThePreviousIsTakenAtThePreviousTime() {
        let f = features([compact(at: 1_000, cents: 100), compact(at: 900, cents: 200)])
        #expect(f[1].secondsSincePrevious == 0)
        #expect(f[1].count1m == 2)
    }

    @Test func cardsDoNotShareState() {
        let f = features([compact(card: 0, at: 0), compact(card: 1, at: 1), compact(card: 0, at: 2)])
        #expect(f.map(\.count1m) == [1, 1, 2])
    }

    /// Seeds 1...20: 3,000 random transactions over 5 days for 12 cards,
    /// bursts and gaps of more than a day included.
    @Test(arguments: 1...20)
    func bucketedStoreMatchesBruteForce(seed: UInt64) {
        let stream = RandomStream(seed: seed, name: "fraud.features.brute")
        var time = 0.0
        var txns: [CompactTransaction] = []
        for _ in 0..<3_000 {
            let r = stream.uniform()
            time += r < 0.6 ? stream.exponential(mean: 2) : r < 0.97 ? stream.exponential(mean: 120) : 30_000
            txns.append(compact(
                card: Int32(stream.uniformInt(below: 12)), at: (time * 1e3).rounded() / 1e3,
                cents: Int64(stream.uniformInt(below: 50_000)), merchant: Int32(stream.uniformInt(below: 15)),
                country: Int32(stream.uniformInt(below: 11)), cardCountry: 0
            ))
        }
        let fast = features(txns)
        let slow = bruteForceFeatures(txns)
        for i in txns.indices {
            var a = fast[i], b = slow[i]
            #expect(abs(a.amountZ24h - b.amountZ24h) <= 1e-6 * max(1, abs(b.amountZ24h)), "seed \(seed), txn \(i)")
            a.amountZ24h = 0
            b.amountZ24h = 0
            #expect(a == b, "seed \(seed), txn \(i)")
            if a != b { break }
        }
    }
}
