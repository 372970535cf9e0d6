/// A card transaction of the fraud-detection seed: `txn_id, card_token,
/// merchant_id, mcc, amount, currency, country, card_country, ts,
/// is_fraud, pattern`. `country` is where the merchant is, `card_country`
/// where the card was issued; `pattern` names the planted fraud pattern
/// (`none` for genuine traffic).

import Variates

/// The fraud patterns planted in card traffic.
public enum FraudPattern: UInt8, Sendable, CaseIterable {
    case none
    /// Bursts of small amounts across many merchants (testing stolen cards).
    case cardTesting
    /// A new country and large amounts (an account taken over).
    case accountTakeover
    /// Many ordinary amounts within minutes.
    case highVelocity

    /// The column value.
    public var word: StaticString {
        switch self {
        case .none: "none"
        case .cardTesting: "card_testing"
        case .accountTakeover: "account_takeover"
        case .highVelocity: "high_velocity"
        }
    }
}

/// One card transaction.
public struct CardTransaction: WorkloadRecord, Equatable {
    public static let columns = ["txn_id", "card_token", "merchant_id", "mcc", "amount", "currency", "country",
                                 "card_country", "ts", "is_fraud", "pattern"]
    /// Unique transaction id.
    public var txnID: Int64
    /// The card (key of the card popularity).
    public var cardToken: Int64
    /// The merchant.
    public var merchantID: Int64
    /// Merchant category code.
    public var mcc: Int64
    /// Amount in minor units, in the merchant country's currency.
    public var amountCents: Int64
    /// Merchant country index.
    public var countryIndex: UInt8
    /// Issuing country index.
    public var cardCountryIndex: UInt8
    /// When, µs.
    public var ts: Int64
    /// The planted pattern, `.none` for genuine traffic.
    public var pattern: FraudPattern
    public var arrival: Int64

    public var eventTime: Int64 { ts }
    /// The label.
    public var isFraud: Bool { pattern != .none }

    public func encode(_ e: inout RecordEncoder) {
        e.int(txnID)
        e.int(cardToken)
        e.int(merchantID)
        e.int(mcc)
        e.cents(amountCents)
        e.word(Vocabulary.currencies[Int(countryIndex)])
        e.word(Vocabulary.countries[Int(countryIndex)])
        e.word(Vocabulary.countries[Int(cardCountryIndex)])
        e.timestamp(ts)
        e.bool(isFraud)
        e.word(pattern.word)
    }
}

/// Generates genuine card traffic: a card by popularity; a merchant in the
/// card's country 90% of the time (uniform among them), otherwise any
/// merchant by Zipf popularity (s = 1).
public struct CardTransactionSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// Card popularity.
    public let cards: KeyPopularity
    /// The dimension tables.
    public let dimensions: Dimensions
    /// Amount, major units.
    public let amount: Distribution
    let merchants: ZipfKeys
    /// Merchant ids (1-based) per country index.
    let merchantsByCountry: [[Int64]]

    /// A source; `amount` defaults to a lognormal with median 25 and p99 600.
    public init(arrivals: ArrivalProcess, cards: KeyPopularity, dimensions: Dimensions, amount: Distribution?) {
        self.arrivals = arrivals
        self.cards = cards
        self.dimensions = dimensions
        self.amount = amount ?? (try! Distribution.parse("lognormal(p50=25, p99=600)"))
        self.merchants = try! ZipfKeys(keys: dimensions.merchantMCC.count, exponent: 1)
        var byCountry = [[Int64]](repeating: [], count: Vocabulary.countries.count)
        for (i, c) in dimensions.merchantCountry.enumerated() { byCountry[Int(c)].append(Int64(i + 1)) }
        self.merchantsByCountry = byCountry
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [CardTransaction]) {
        // Times, then cards in a tight loop (overlapping the cache misses of
        // a large card table), then the transactions.
        var times: [Int64] = []
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { times.append($0) }
        var chosen = [Int64](repeating: 0, count: times.count)
        for i in times.indices { chosen[i] = cards.sample(stream) }
        var id = block.idBase + Int64(records.count)
        for (t, card) in zip(times, chosen) {
            let home = dimensions.cardCountry[Int(card - 1)]
            let local = merchantsByCountry[Int(home)]
            let merchant = !local.isEmpty && stream.uniform() < 0.9
                ? local[Int(stream.uniformInt(below: UInt64(local.count)))]
                : Int64(merchants.sample(stream) + 1)
            records.append(transaction(id: id, card: card, merchant: merchant, at: t,
                                       cents: max(1, Int64((amount.sample(stream) * 100).rounded())), pattern: .none))
            id += 1
        }
    }

    /// A transaction at `merchant` with the dimension attributes filled in.
    func transaction(id: Int64, card: Int64, merchant: Int64, at t: Int64, cents: Int64, pattern: FraudPattern,
                     country: UInt8? = nil) -> CardTransaction {
        CardTransaction(txnID: id, cardToken: card, merchantID: merchant, mcc: dimensions.merchantMCC[Int(merchant - 1)],
                        amountCents: cents, countryIndex: country ?? dimensions.merchantCountry[Int(merchant - 1)],
                        cardCountryIndex: dimensions.cardCountry[Int(card - 1)], ts: t, pattern: pattern, arrival: t)
    }
}
