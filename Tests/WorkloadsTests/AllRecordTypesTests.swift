import Foundation
import Testing
import Variates
@testable import Workloads

/// Every record type writes well-formed CSV (its header, one field per
/// column, RFC 4180 quotes) and NDJSON (objects with exactly its columns).
@Suite struct AllRecordTypesTests {
    static func workload() -> Workload {
        let players = KeyPopularity(count: 300, exponent: 1)
        let streams = RecordKind.allCases.map { kind -> StreamSpec in
            let keys = kind == .results ? KeyPopularity(count: 40, exponent: 1)
                : kind == .cardTransactions ? KeyPopularity(count: 100, exponent: 0.5) : players
            return StreamSpec(name: kind.rawValue, kind: kind, rate: RateCurve(base: 0.5), keys: keys,
                              duplicates: kind == .transactions ? DuplicateSpec(fraction: 0.1, delay: try! .parse("exp(mean=1s)"), statusChange: 0.5) : nil,
                              sessions: kind == .pageViews ? SessionSpec() : nil,
                              fraud: kind == .cardTransactions ? FraudSpec(cardTestingPerHour: 2, accountTakeoverPerHour: 2, highVelocityPerHour: 2) : nil)
        }
        return Workload(seed: 9, blockLength: 10 * Timestamp.minute, players: 300, games: 40, merchants: 30, cards: 100, streams: streams)
    }

    /// Splits one CSV line into fields (RFC 4180).
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], field = "", quoted = false, chars = Array(line), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" { if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { out.append(field); field = "" }
            else { field.append(c) }
            i += 1
        }
        out.append(field)
        return out
    }

    @Test func csvAndNDJSONAreWellFormedForEveryRecordType() throws {
        let from = Timestamp.parse("2026-06-05 20:00")!
        for format in OutputFormat.allCases {
            let generator = WorkloadGenerator(workload: AllRecordTypesTests.workload(), seed: 9, from: from, to: from + 3 * Timestamp.hour)
            var encoders = generator.makeEncoders(format: format)
            for k in 0..<generator.plan.count { generator.emit(block: k, into: &encoders) }
            #expect(generator.outputs.map(\.name) == ["bets", "results", "logins", "page_views", "transactions", "card_transactions",
                                                      "truth_fraud_card_transactions", "payments", "account_changes", "players", "games", "merchants"])
            for (output, encoder) in zip(generator.outputs, encoders) {
                let text = String(decoding: encoder.buffer.bytes, as: UTF8.self)
                let lines = text.split(separator: "\n")
                #expect(lines.count > 3, "\(output.name) has rows")
                for line in lines {
                    if format == .csv {
                        #expect(AllRecordTypesTests.fields(line).count == output.columns.count, "\(output.name): \(line)")
                    } else {
                        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                        #expect(object.map { Set($0.keys) } == Set(output.columns), "\(output.name): \(line)")
                    }
                }
            }
        }
    }

    @Test func cdcImagesAndLSNsAreConsistent() {
        let from = Timestamp.parse("2026-06-05 20:00")!
        let generator = WorkloadGenerator(workload: AllRecordTypesTests.workload(), seed: 9, from: from, to: from + 3 * Timestamp.hour)
        let index = RecordKind.allCases.firstIndex(of: .accountChanges)!
        let emitter = generator.emitters[index] as! StreamEmitter<AccountChangeSource>
        var changes: [AccountChange] = []
        for k in 0..<generator.plan.count { changes += emitter.records(k) }
        #expect(changes.count > 1000)
        // No disorder on this stream: LSNs rise with commit time and file order.
        #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.lsn < $1.lsn && $0.commitTS <= $1.commitTS })
        for c in changes where c.op == 1 {
            #expect(c.balanceBefore != c.balanceAfter || c.statusBefore != c.statusAfter || c.vipBefore != c.vipAfter || c.balanceBefore == 0)
        }
        #expect(Set(changes.map(\.op)) == [0, 1, 2])
    }
}
