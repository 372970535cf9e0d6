import Testing
import Variates
@testable import Workloads

/// Visits spread events at the stream's event rate, with in-session gaps
/// from the gap distribution and pauses around the 30-minute timeout.
@Suite struct SessionShapeTests {
    @Test func visitsKeepTheEventRateAndPlacePausesAroundTheTimeout() {
        let sessions = SessionSpec(meanEvents: 8, gap: try! .parse("lognormal(p50=20s, p99=5m)"), pauseProbability: 0.05)
        let source = PageViewSource(rate: .constant(50), meanBatchSize: 1, users: KeyPopularity(count: 1_000_000, exponent: 0), sessions: sessions)
        let plan = BlockPlan(from: 0, to: 4 * Timestamp.hour, length: Timestamp.hour)
        var events: [PageView] = []
        for k in 0..<plan.count {
            source.generate(plan.block(k), stream: SeedTree(root: 8).stream("views/block-\(k)"), into: &events)
        }
        let expected = 50.0 * 4 * 3600
        // Visits arrive at 50/8 per second; a total of N ~ sum of geometric(8) sizes.
        let visits = expected / 8
        let sd = (visits * (8 * 8 + 8 * 7)).squareRoot()   // Var = λ·E[N²], E[N²] = 2m² − m
        #expect(abs(Double(events.count) - expected) < 4.5 * sd, "events \(events.count), expected \(expected) (seed 8)")
        // Gaps within a user's visit (users are unique with 1M keys, almost surely).
        var byUser: [Int64: [Int64]] = [:]
        for e in events { byUser[e.userID, default: []].append(e.eventTS) }
        var gaps = 0, pauses = 0
        for (_, times) in byUser where times.count > 1 {
            let sorted = times.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                let gap = b - a
                gaps += 1
                if gap >= 25 * Timestamp.minute && gap <= 35 * Timestamp.minute { pauses += 1 }
            }
        }
        let share = Double(pauses) / Double(gaps)
        #expect(share > 0.04 && share < 0.065, "pause share \(share) of \(gaps) gaps (seed 8)")
    }
}
