import Testing
import Analytics
@testable import Platform
import Variates
import Workloads

/// The fraud-score operator runs the real Analytics scorer on every record.
@Suite struct FraudPathTests {
    /// A model trained on 5 minutes at 500/s over 5,000 cards with fraud
    /// planted 120× more often, then a run of 1 minute of the same traffic
    /// (another seed, a later span): every delivered record has a decision,
    /// and the decisions match the Analytics scorer run offline over the same
    /// records in arrival order (the independent path): the streaming order
    /// differs only across partitions, so the counts agree closely.
    @Test func everyRecordIsScoredAndPlantedFraudIsFound() throws {
        let model = try StreamingPresets.trainedFraudModel(rate: 500, minutes: 5, cards: 5_000, seed: 29,
                                                           beforeMicros: StreamingTestSupport.origin)
        var c = StreamingPresets.fraudDetection(rate: 500, parallelism: 4)
        c.fraudModel = .model(model)
        #expect(c.problems().isEmpty)
        let w = StreamingPresets.fraudWorkload(rate: 500, cards: 5_000, fraudScale: 120)
        let r = StreamingTestSupport.run(c, workload: w, seconds: 60, seed: 31, model: model)
        #expect(r.conservation.balanced)
        #expect(r.decisions.total == r.conservation.delivered)
        let fraud = r.decisions.approveFraud + r.decisions.reviewFraud + r.decisions.blockFraud
        #expect(fraud > 30)
        // Offline: the same records through a fresh scorer, in arrival order.
        let span = Int64(60e6)
        let generator = WorkloadGenerator(workload: w, seed: 31, from: StreamingTestSupport.origin, to: StreamingTestSupport.origin + span)
        let input = CardTransactionInput(generator: generator, stream: "card_transactions", originMicros: StreamingTestSupport.origin)!
        let scorer = FraudScorer(model: model, capacity: 1 << 16)
        var flaggedFraud = 0, flaggedLegit = 0, frauds = 0
        while let block = input.nextBlock() {
            for rec in block where rec.arrivalNanos < span * 1_000 {
                let txn = CompactTransaction(card: Int32(rec.key), merchant: rec.merchant, country: Int32(rec.country),
                                             cardCountry: Int32(rec.cardCountry), mcc: rec.mcc, amountUnits: rec.amountUnits,
                                             timestampMicros: rec.eventMicros)
                let flagged = scorer.assess(txn).decision != .allow
                if rec.isFraud { frauds += 1; if flagged { flaggedFraud += 1 } } else if flagged { flaggedLegit += 1 }
            }
        }
        let offlineRecall = Double(flaggedFraud) / Double(frauds)
        let streamingRecall = r.decisions.recall!
        #expect(abs(streamingRecall - offlineRecall) < 0.05, "streaming recall \(streamingRecall), offline \(offlineRecall)")
        let streamingLegit = Double(r.decisions.reviewLegit + r.decisions.blockLegit)
        #expect(abs(streamingLegit - Double(flaggedLegit)) <= 0.1 * Double(flaggedLegit) + 5)
        #expect(r.review.cases == r.decisions.reviewFraud + r.decisions.reviewLegit)
    }

    /// The dedup window against a Set and an array of the last N ids (an independent implementation).
    @Test func theDedupWindowMatchesANaiveWindow() {
        let stream = RandomStream(seed: 37)
        var checked = DedupWindow(capacity: 64)
        var naive: [Int64] = []
        for _ in 0..<20_000 {
            let id = Int64(stream.uniformInt(below: 300))
            let expected = naive.contains(id)
            if !expected {
                naive.append(id)
                if naive.count > 64 { naive.removeFirst() }
            }
            #expect(checked.seen(id) == expected)
        }
    }
}
