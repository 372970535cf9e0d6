/// Fraud scoring throughput on one core: feature update + score + decision
/// per transaction, in memory, on synthetic compact transactions (target:
/// at least 2,000,000 transactions per second, issue 4).
///
/// Run: `swift run -c release fraud-bench`. The wall clock is read here
/// only, to time the loops. Data (seed 1): a population of cards, each
/// transaction from a uniformly drawn card, times increasing so that the
/// stream covers two days (so windows fill, roll and expire), amounts
/// log-normal, 3% abroad. The model's coefficients are fixed here (the
/// cost of scoring does not depend on their values). Each configuration is
/// run three times on fresh state and the best run is reported, with a
/// checksum so that the optimizer cannot delete the work.

import Analytics
import Foundation
import Variates

func transactions(count: Int, cards: Int, seconds: Double, seed: UInt64) -> [CompactTransaction] {
    let s = SeedTree(root: seed).stream("fraud.bench.transactions")
    let normal = try! Distribution.parse("normal(mean=0, sd=1)")
    let mccs: [Int16] = [5411, 5812, 5541, 5311, 5999, 4121, 5814, 5732, 5944, 5816]
    let step = seconds * 1e6 / Double(count)
    var out: [CompactTransaction] = []
    out.reserveCapacity(count)
    for i in 0..<count {
        let card = Int32(s.uniformInt(below: UInt64(cards)))
        let home = card % 40
        let country = s.bernoulli(0.03) ? Int32(s.uniformInt(below: 40)) : home
        out.append(CompactTransaction(
            card: card, merchant: Int32(s.uniformInt(below: 50_000)), country: country, cardCountry: home,
            mcc: mccs[Int(s.uniformInt(below: UInt64(mccs.count)))],
            amountUnits: Int64(300_000 * exp(0.9 * normal.sample(s))) + 100,
            timestampMicros: 1_780_000_000_000_000 + Int64(Double(i) * step)
        ))
    }
    return out
}

let model = FraudModel(
    coefficients: [0.9, -0.6, 0.03, -0.7, 0.65, 0.33, -0.95, -0.39, 1.68, -0.46, -1.4, -0.12, 2.2],
    intercept: -5, means: [3, 1.2, 3.5, 1.5, 3.8, 3, 4.5, 0, 1.3, 1, 9, 0.03, -3.7],
    sds: [1, 0.8, 1.1, 1, 1.2, 2, 1.3, 1, 0.6, 0.2, 2, 0.17, 0.5],
    mccRisk: MCCRiskTable(priorRate: 0.02, smoothing: 50, rates: [5816: 0.2, 5967: 0.25, 5732: 0.05]),
    policy: FraudPolicy(review: 0.1, block: 0.5),
    training: FraudTrainingSummary(rows: 0, frauds: 0, l2: 1, iterations: 0, targetFPRBlock: 0.001, targetFPRReview: 0.01)
)

let clock = ContinuousClock()
func measure(_ name: String, _ txns: [CompactTransaction]) {
    var best = Double.infinity
    var checksum = 0.0
    var decisions = [0, 0, 0]
    var peakCards = 0
    for _ in 0..<3 {
        let scorer = FraudScorer(model: model)
        decisions = [0, 0, 0]
        checksum = 0
        let start = clock.now
        for txn in txns {
            let a = scorer.assess(txn)
            checksum += a.score
            decisions[a.decision.severity] += 1
        }
        let (s, atto) = (clock.now - start).components
        best = min(best, Double(s) + Double(atto) * 1e-18)
        peakCards = scorer.store.activeCards
    }
    let rate = Double(txns.count) / best
    print("\(name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(String(format: "%11.0f", rate)) txn/s  \(String(format: "%6.1f", best * 1e9 / Double(txns.count))) ns/txn  (allow/review/block \(decisions[0])/\(decisions[1])/\(decisions[2]), cards with state at end \(peakCards), checksum \(String(format: "%.6f", checksum)))")
}

print("Fraud scoring in memory, one core (release build): feature update + score + decision")
measure("5M txns, 1M cards, 2 days", transactions(count: 5_000_000, cards: 1_000_000, seconds: 172_800, seed: 1))
measure("5M txns, 10k cards, 2 days (busy cards)", transactions(count: 5_000_000, cards: 10_000, seconds: 172_800, seed: 2))
measure("5M txns, 100k cards, 100 s at 50k TPS", transactions(count: 5_000_000, cards: 100_000, seconds: 100, seed: 3))
print("target: >= 2,000,000 txn/s")
