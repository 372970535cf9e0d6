import Foundation
import Testing
import Variates
@testable import Workloads

/// Fraud labels are exactly where the episodes were planted, and each
/// episode has its pattern's signature.
@Suite struct PlantedFraudTests {
    @Test func labelsMatchTheTruthFileAndThePatterns() throws {
        let cards = StreamSpec(name: "cards", kind: .cardTransactions, rate: RateCurve(base: 5),
                               keys: KeyPopularity(count: 2000, exponent: 0.7),
                               fraud: FraudSpec(cardTestingPerHour: 3, accountTakeoverPerHour: 3, highVelocityPerHour: 3))
        let workload = Workload(seed: 31, blockLength: 10 * Timestamp.minute, merchants: 300, cards: 2000, streams: [cards])
        let from = Timestamp.parse("2026-06-01")!
        let generator = WorkloadGenerator(workload: workload, seed: 31, from: from, to: from + 6 * Timestamp.hour)
        var encoders = generator.makeEncoders(format: .csv)
        var txns: [CardTransaction] = []
        let emitter = WorkloadGenerator(workload: workload, seed: 31, from: from, to: from + 6 * Timestamp.hour)
            .emitters[0] as! StreamEmitter<CardTransactionSource>
        for k in 0..<generator.plan.count {
            txns += emitter.records(k)
            generator.emit(block: k, into: &encoders)
        }
        let truthRows = String(decoding: encoders[1].buffer.bytes, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",") }
        #expect(truthRows.count > 20, "expected about 54 episodes in 6 hours (seed 31)")
        let fraud = txns.filter(\.isFraud)
        var claimed = 0
        for row in truthRows {
            let pattern = String(row[1]), card = Int64(row[2])!, count = Int(row[5])!
            let start = Timestamp.parse(String(row[3]))!, end = Timestamp.parse(String(row[4]))!
            let members = fraud.filter { $0.cardToken == card && $0.ts >= start && $0.ts <= end && "\($0.pattern.word)" == pattern }
            #expect(members.count >= count, "episode \(row[0]) has \(members.count) labelled transactions, truth says \(count)")
            claimed += count
            switch pattern {
            case "card_testing":
                #expect(members.allSatisfy { $0.amountCents < 300 })
                #expect(Set(members.map(\.merchantID)).count >= count - 2, "card testing spreads over merchants")
                #expect(end - start <= 10 * Timestamp.minute)
            case "account_takeover":
                #expect(members.allSatisfy { $0.countryIndex != $0.cardCountryIndex && $0.amountCents >= 50_000 })
            default:
                #expect(pattern == "high_velocity")
                #expect(count >= 15 && end - start <= 15 * Timestamp.minute)
            }
        }
        // Every labelled transaction belongs to a planted episode: no label elsewhere.
        #expect(fraud.count == claimed)
        #expect(txns.filter { !$0.isFraud }.allSatisfy { $0.pattern == .none })
    }

    @Test func transactionRetriesKeepTheIdAndMayChangeStatusLater() throws {
        let spec = StreamSpec(name: "transactions", kind: .transactions, rate: RateCurve(base: 50),
                              keys: KeyPopularity(count: 10_000, exponent: 0.5),
                              duplicates: DuplicateSpec(fraction: 0.05, delay: try .parse("exp(mean=2s)"), statusChange: 0.5))
        let workload = Workload(seed: 4, streams: [spec])
        let generator = WorkloadGenerator(workload: workload, seed: 4, from: 0, to: Timestamp.hour)
        let emitter = try #require(generator.emitter(named: "transactions", source: TransactionSource.self))
        #expect(generator.emitter(named: "transactions", source: BetSource.self) == nil)
        var all: [Transaction] = []
        for k in 0..<generator.plan.count { all += emitter.records(k) }
        let byID = Dictionary(grouping: all, by: \.transactionID)
        let pairs = byID.values.filter { $0.count == 2 }
        #expect(byID.values.allSatisfy { $0.count <= 2 })
        let changed = pairs.filter { $0[0].success != $0[1].success }
        for pair in pairs {
            let (first, retry) = (pair[0], pair[1])
            #expect(retry.arrival > first.arrival, "the retry arrives later")
            if first.success != retry.success { #expect(retry.transactionTS > first.transactionTS) }
            else { #expect(retry.transactionTS == first.transactionTS && retry.amountCents == first.amountCents) }
        }
        let n = Double(pairs.count)
        #expect(abs(Double(changed.count) - n / 2) < 4.5 * (n / 4).squareRoot(), "\(changed.count) of \(pairs.count) retries changed status (seed 4)")
    }
}
