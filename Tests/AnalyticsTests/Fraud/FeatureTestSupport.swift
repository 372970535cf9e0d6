import Analytics

/// Hand-built transactions for feature tests: times in seconds (fractions
/// allowed), amounts in cents (stored as 1/10,000 units: cents × 100).
func compact(
    card: Int32 = 0, at seconds: Double, cents: Int64 = 1_000, merchant: Int32 = 0,
    country: Int32 = 0, cardCountry: Int32 = 0, mcc: Int16 = 5411
) -> CompactTransaction {
    CompactTransaction(
        card: card, merchant: merchant, country: country, cardCountry: cardCountry, mcc: mcc,
        amountUnits: cents * 100, timestampMicros: Int64((seconds * 1e6).rounded())
    )
}

/// The features of every transaction of `txns`, fed in order to one store.
func features(_ txns: [CompactTransaction], capacity: Int = 1 << 20) -> [CardFeatures] {
    let store = FraudFeatureStore(capacity: capacity)
    return txns.map { store.update($0) }
}

/// An independent, brute-force implementation of the feature definitions
/// of docs/fraud.md over the full history (input in time order): used to
/// check the bucketed, expiring store on random sequences.
func bruteForceFeatures(_ txns: [CompactTransaction]) -> [CardFeatures] {
    func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    var history: [Int32: [CompactTransaction]] = [:]
    var result: [CardFeatures] = []
    for txn in txns {
        let past = history[txn.card, default: []]
        let all = past + [txn]
        let t = txn.timestampMicros
        let second = floorDiv(t, 1_000_000), minute = floorDiv(t, 60_000_000)
        let in1m = all.filter { floorDiv($0.timestampMicros, 1_000_000) >= second - 59 }
        let in1h = all.filter { floorDiv($0.timestampMicros, 60_000_000) >= minute - 59 }
        let in24h = all.filter { floorDiv($0.timestampMicros, 60_000_000) >= minute - 1_439 }
        let previous24h = past.filter { floorDiv($0.timestampMicros, 60_000_000) >= minute - 1_439 }
        var z = 0.0
        if previous24h.count >= 2 {
            let amounts = previous24h.map { Double($0.amountUnits) }
            let mean = amounts.reduce(0, +) / Double(amounts.count)
            let variance = amounts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(amounts.count)
            let sd = max(variance.squareRoot(), 10_000)
            z = min(max((Double(txn.amountUnits) - mean) / sd, -50), 50)
        }
        let lastHour = all.filter { $0.timestampMicros > t - 3_600_000_000 }
        let gap = past.last.map { min(Double(t - $0.timestampMicros) / 1e6, 86_400) } ?? 86_400
        result.append(CardFeatures(
            amountUnits: txn.amountUnits,
            count1m: Int32(in1m.count), sum1mUnits: in1m.reduce(0) { $0 + $1.amountUnits },
            count1h: Int32(in1h.count), sum1hUnits: in1h.reduce(0) { $0 + $1.amountUnits },
            count24h: Int32(in24h.count), sum24hUnits: in24h.reduce(0) { $0 + $1.amountUnits },
            amountZ24h: z,
            distinctMerchants1h: Int32(min(Set(lastHour.map(\.merchant)).count, 8)),
            distinctCountries1h: Int32(min(Set(lastHour.map(\.country)).count, 8)),
            secondsSincePrevious: gap,
            countryMismatch: txn.country != txn.cardCountry
        ))
        history[txn.card] = all
    }
    return result
}

extension CardFeatures {
    /// Window sums in cents, for hand-built expectations.
    var sum1mCents: Int64 { sum1mUnits / 100 }
    var sum1hCents: Int64 { sum1hUnits / 100 }
    var sum24hCents: Int64 { sum24hUnits / 100 }
}
