import Testing
import Variates
@testable import Workloads

/// Delayed and duplicated fractions match; arrival order is sorted and
/// differs from event order exactly where delays were drawn.
@Suite struct DeliveryTests {
    @Test func delayedAndDuplicatedFractionsMatch() throws {
        let n = 200_000
        var state = DeliveryState<PageView>()
        for i in 0..<n {
            let t = Int64(i) * 1000
            state.records.append(PageView(userID: Int64(i), eventTS: t, pageIndex: 0, eventTypeIndex: 0, arrival: t))
        }
        let delivery = Delivery(disorder: DisorderSpec(fraction: 0.05, delay: try .parse("lognormal(p50=2s, p99=2m)")),
                                duplicates: DuplicateSpec(fraction: 0.01, delay: try .parse("exp(mean=5s)")))
        let source = PageViewSource(rate: .constant(1), meanBatchSize: 1, users: KeyPopularity(count: 1, exponent: 0), sessions: nil)
        source.deliver(delivery, &state, end: .max, stream: SeedTree(root: 17).stream("delivery"))
        let out = state.records
        #expect(zip(out, out.dropFirst()).allSatisfy { $0.arrival <= $1.arrival })
        let copies = out.count - n
        let delayedOriginals = Set(out.filter { $0.arrival > $0.eventTS }.map(\.userID))
        var seen = Set<Int64>()
        var duplicates = 0
        for r in out { if !seen.insert(r.userID).inserted { duplicates += 1 } }
        #expect(duplicates == copies)
        func within(_ count: Int, _ p: Double) -> Bool {
            abs(Double(count) - Double(n) * p) < 4.5 * (Double(n) * p * (1 - p)).squareRoot()
        }
        #expect(within(copies, 0.01), "duplicates \(copies) of \(n) (seed 17)")
        // Every copy arrives later than its event; originals delayed at 5%.
        let firstArrivals = Dictionary(out.map { ($0.userID, $0.arrival) }, uniquingKeysWith: min)
        let delayed = firstArrivals.filter { $0.value > $0.key * 1000 }.count
        #expect(within(delayed, 0.05), "delayed \(delayed) of \(n) (seed 17)")
        #expect(delayedOriginals.count >= delayed)
        // Arrival order differs from event order.
        #expect(zip(out, out.dropFirst()).contains { $0.eventTS > $1.eventTS })
    }
}
