import Testing
@testable import Metrics

/// Time-weighted averages of step functions worked out by hand.
@Suite struct TimeWeightedTests {
    @Test func meanOfKnownStepFunction() throws {
        // Queue length: 0 on [0,2) s, 3 on [2,5) s, 1 on [5,10) s.
        // ∫ = 0·2 + 3·3 + 1·5 = 14 queue·s over 10 s → mean 1.4.
        let s: Int64 = 1_000_000_000
        var q = TimeWeighted(value: 0, at: 0)
        q.update(to: 3, at: 2 * s)
        q.update(to: 1, at: 5 * s)
        #expect(try #require(q.mean(at: 10 * s)) == 1.4)
        #expect(q.integral(at: 10 * s) == 14 * Double(s))
        #expect(q.max == 3)
        #expect(q.min == 0)
        // Asked earlier: over [0, 4 s] the area is 3·2 = 6 → mean 1.5.
        var early = TimeWeighted(value: 0, at: 0)
        early.update(to: 3, at: 2 * s)
        #expect(try #require(early.mean(at: 4 * s)) == 1.5)
    }

    @Test func resetStartsAfterWarmUpKeepingCurrentValue() throws {
        // Warm-up to t = 100 ns with a high value; afterwards 2 on [100,150), 4 on [150,200).
        var q = TimeWeighted(value: 50, at: 0)
        q.update(to: 2, at: 60)
        q.reset(at: 100)
        #expect(q.max == 2)
        q.update(to: 4, at: 150)
        // (2·50 + 4·50) / 100 = 3
        #expect(try #require(q.mean(at: 200)) == 3)
        #expect(q.max == 4)
        #expect(q.startNanos == 100)
    }

    @Test func zeroLengthWindowIsNil() {
        let q = TimeWeighted(value: 7, at: 42)
        #expect(q.mean(at: 42) == nil)
        #expect(q.integral(at: 42) == 0)
        // Several updates at the same instant contribute no area.
        var r = TimeWeighted(value: 0, at: 0)
        r.update(to: 9, at: 0)
        r.update(to: 1, at: 0)
        #expect(r.mean(at: 10) == 1)
        #expect(r.max == 9)
    }

    @Test func levelTimeProbabilities() throws {
        // Level: 0 on [0,4), 1 on [4,7), 2 on [7,8), 5 on [8,9), 1 on [9,10); slots up to level 2.
        var n = try LevelTimes(maxLevel: 2)
        n.update(to: 1, at: 4)
        n.update(to: 2, at: 7)
        n.update(to: 5, at: 8)
        n.update(to: 1, at: 9)
        let p = try #require(n.probabilities(at: 10))
        #expect(p == [0.4, 0.4, 0.1, 0.1])
        #expect(n.probability(ofLevel: 1, at: 10) == 0.4)
        #expect(n.probability(ofLevel: 7, at: 10) == 0.1)  // P(N > 2)
        #expect(n.timeNanos(atLevel: 1, at: 10) == 4)
        // Exact mean despite the capped slots: (0·4 + 1·3 + 2·1 + 5·1 + 1·1) / 10 = 1.1.
        #expect(try #require(n.mean(at: 10)) == 1.1)
        #expect(n.signal.max == 5)
        #expect(n.current == 1)
        // After a reset only the new window counts.
        n.reset(at: 10)
        n.update(to: 0, at: 12)
        #expect(try #require(n.probabilities(at: 20)) == [0.8, 0.2, 0, 0])
        #expect(n.probabilities(at: 10) == nil)
    }

    @Test func levelTimesRejectsBadConfiguration() {
        #expect(throws: MetricsError(field: "maxLevel", "must be between 0 and 10,000,000, got -1")) {
            try LevelTimes(maxLevel: -1)
        }
        #expect(throws: MetricsError.self) { try LevelTimes(maxLevel: 3, level: -2) }
    }
}
