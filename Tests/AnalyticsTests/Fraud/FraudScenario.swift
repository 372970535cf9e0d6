import Analytics
import Foundation
import Variates

/// Labelled synthetic card transactions with planted fraud patterns, drawn
/// from named Variates streams (seeded):
///
/// - legitimate spending: each card has a home country, a typical amount
///   (log-normal around a per-card median) and a few favourite merchants;
///   it transacts about every 4 hours; 3% of its transactions are abroad
///   (travel) and 1% are ten times larger than usual;
/// - card testing: a burst of 5–12 small amounts (0.50–3.00) at different
///   online merchants, 2–10 s apart;
/// - account takeover: 2–4 large amounts (5–20× the card's median) in a
///   country that is not the card's, 1–10 minutes apart, electronics and
///   jewellery;
/// - high velocity: 6–15 ordinary amounts at different domestic merchants,
///   30–240 s apart.
struct FraudScenario {
    var cards = 1_500
    var days = 5.0
    var episodes = 240

    /// Transactions in time order (ties in generation order) with labels.
    func generate(seed: UInt64) -> [CardTransaction] {
        let tree = SeedTree(root: seed)
        let s = tree.stream("fraud.scenario.legit")
        let f = tree.stream("fraud.scenario.fraud")
        let normal = try! Distribution.parse("normal(mean=0, sd=1)")
        let everyday = [5411, 5812, 5541, 5311, 5999, 4121, 5814]
        let start: Int64 = 1_780_000_000_000_000
        let span = days * 86_400
        var rows: [(t: Double, seq: Int, txn: CardTransaction)] = []
        func add(_ card: Int, _ t: Double, _ cents: Int64, merchant: String, mcc: Int, country: Int, home: Int, fraud: Bool) {
            guard t < span else { return }
            let txn = CardTransaction(
                txnID: "t\(rows.count)", cardToken: "card-\(card)", merchantID: merchant, mcc: mcc,
                amountUnits: max(cents, 1) * 100, currency: "EUR", country: "C\(country)", cardCountry: "C\(home)",
                timestampMicros: start + Int64(t * 1e6), isFraud: fraud
            )
            rows.append((t, rows.count, txn))
        }
        var home: [Int] = [], medianCents: [Double] = []
        for card in 0..<cards {
            let country = Int(s.uniformInt(below: 20))
            let median = 1_000 + s.uniform() * 7_000
            home.append(country)
            medianCents.append(median)
            let favourites = (0..<4).map { _ in Int(s.uniformInt(below: 600)) }
            var t = s.exponential(mean: 14_400)
            while t < span {
                var cents = median * exp(0.8 * normal.sample(s))
                if s.bernoulli(0.01) { cents *= 10 }
                let abroad = s.bernoulli(0.03)
                let country = abroad ? (home[card] + 1 + Int(s.uniformInt(below: 19))) % 20 : home[card]
                let merchant = s.bernoulli(0.7) ? favourites[Int(s.uniformInt(below: 4))] : Int(s.uniformInt(below: 600))
                add(card, t, Int64(cents), merchant: "m\(merchant)", mcc: everyday[merchant % everyday.count],
                    country: country, home: home[card], fraud: false)
                t += s.exponential(mean: 14_400)
            }
        }
        for _ in 0..<episodes {
            let card = Int(f.uniformInt(below: UInt64(cards)))
            var t = f.uniform() * span
            switch f.uniformInt(below: 3) {
            case 0:
                for _ in 0..<(5 + Int(f.uniformInt(below: 8))) {
                    add(card, t, 50 + Int64(f.uniformInt(below: 251)), merchant: "web\(f.uniformInt(below: 300))",
                        mcc: f.bernoulli(0.5) ? 5816 : 5967, country: home[card], home: home[card], fraud: true)
                    t += 2 + f.uniform() * 8
                }
            case 1:
                let country = (home[card] + 1 + Int(f.uniformInt(below: 19))) % 20
                for _ in 0..<(2 + Int(f.uniformInt(below: 3))) {
                    add(card, t, Int64(medianCents[card] * (5 + f.uniform() * 15)), merchant: "m\(f.uniformInt(below: 600))",
                        mcc: f.bernoulli(0.5) ? 5732 : 5944, country: country, home: home[card], fraud: true)
                    t += 60 + f.uniform() * 540
                }
            default:
                for _ in 0..<(6 + Int(f.uniformInt(below: 10))) {
                    let merchant = Int(f.uniformInt(below: 600))
                    add(card, t, Int64(medianCents[card] * (1 + f.uniform() * 2)), merchant: "m\(merchant)",
                        mcc: everyday[merchant % everyday.count], country: home[card], home: home[card], fraud: true)
                    t += 30 + f.uniform() * 210
                }
            }
        }
        rows.sort { ($0.t, $0.seq) < ($1.t, $1.seq) }
        return rows.map(\.txn)
    }
}

/// Interned transactions and labels of a scenario, ready to train or score.
struct LabelledSet {
    var txns: [CompactTransaction]
    var labels: [Bool]

    init(_ records: [CardTransaction]) {
        let interner = TransactionInterner()
        txns = records.map { interner.compact($0) }
        labels = records.map { $0.isFraud! }
    }
}

/// The CSV text of `records` in the input format of `analyze fraud` and
/// `train`; columns deliberately not in the documented order.
func transactionsCSV(_ records: [CardTransaction], labels: Bool = true) -> String {
    var text = "ts,txn_id,card_token,merchant_id,mcc,amount,currency,country,card_country" + (labels ? ",is_fraud" : "") + "\n"
    for r in records {
        let whole = r.amountUnits / 10_000, fraction = r.amountUnits % 10_000
        let amount = "\(whole)." + String(String(fraction + 10_000).dropFirst())
        let ts = UTCTimestamp(microseconds: r.timestampMicros).description.replacingOccurrences(of: " ", with: "T") + "Z"
        text += "\(ts),\(r.txnID),\(r.cardToken),\(r.merchantID),\(String(format: "%04d", r.mcc)),\(amount),\(r.currency),\(r.country),\(r.cardCountry)"
        text += labels ? (r.isFraud! ? ",1\n" : ",0\n") : "\n"
    }
    return text
}
