import Testing

@Suite("analyze stake-escalation rules")
struct StakeEscalationTests {
    /// Bets of `player`, one per (day of March 2024, stake).
    func daily(_ player: String, _ days: [(Int, String)]) -> [TextBet] {
        days.map { TextBet(player: player, placedAt: String(format: "2024-03-%02d 12:00:00", $0.0), stake: $0.1) }
    }

    func streaks(_ bets: [TextBet], _ extra: [String] = []) -> [String] {
        let r = analyzeBets(bets, ["analyze", "stake-escalation"] + extra)
        #expect(r.outcome.exitCode == 0, "\(r.outcome.message)")
        return r.lines
    }

    @Test("a streak of exactly min-days is reported; one day shorter is not")
    func streakOfExactlyMinDays() {
        // 10 → 15 → 22.5 → 33.75: days 2, 3, 4 flagged (×1.5 each), a streak of 3.
        let bets = daily("p", [(1, "10"), (2, "15"), (3, "22.5"), (4, "33.75")])
        #expect(streaks(bets) == ["p,2024-03-02,2024-03-04,3,3.33,23.75,6.1250"])
        #expect(streaks(bets, ["--min-days", "4"]) == [])
    }

    @Test("a streak broken by a day without bets is two runs (the previous calendar day, not the previous betting day)")
    func streakBrokenByDayWithoutBets() {
        // Days 1-3 grow, day 4 has no bets, days 5-7 grow again. The seed's LAG over betting days would compare
        // day 5 with day 3 and see one streak of 6 days.
        let bets = daily("p", [(1, "10"), (2, "20"), (3, "40"), (5, "80"), (6, "160"), (7, "320")])
        // Day 5 is not flagged (day 4 has total 0); the second run is days 6-7, whose 3 days before are 80, 0, 40.
        #expect(streaks(bets, ["--min-days", "2"]) == [
            "p,2024-03-02,2024-03-03,2,3.33,30.00,8.0000",
            "p,2024-03-06,2024-03-07,2,40.00,240.00,5.0000",
        ])
        #expect(streaks(bets, ["--min-days", "3"]) == [])
    }

    @Test("growth of exactly the threshold flags the day (≥), one unit less does not")
    func thresholdBoundary() {
        #expect(streaks(daily("p", [(1, "100"), (2, "150"), (3, "225"), (4, "337.5")])).count == 1)
        #expect(streaks(daily("p", [(1, "100"), (2, "150"), (3, "224.9999"), (4, "337.5")])).isEmpty)
    }

    @Test("void bets are ignored; stakes of one day add up exactly")
    func voidAndSums() {
        var bets = daily("p", [(1, "10"), (2, "15"), (3, "22.5"), (4, "33.75")])
        bets.append(TextBet(player: "p", placedAt: "2024-03-03 13:00:00", stake: "1000", status: "void"))
        bets.append(TextBet(player: "p", placedAt: "2024-03-01 13:00:00", stake: "0.1"))
        bets.append(TextBet(player: "p", placedAt: "2024-03-01 14:00:00", stake: "0.2"))
        // Day 1 = 10.3: day 2 (15) < 15.45, so only days 3 and 4 are flagged. before = (15 + 10.3 + 0) / 3,
        // during = (22.5 + 33.75) / 2, pct = (3·56.25 − 2·25.3) / (2·25.3) = 2.33498… → 2.3350.
        #expect(streaks(bets, ["--min-days", "2"]) == ["p,2024-03-03,2024-03-04,2,8.43,28.13,2.3350"])
    }

    @Test("sorted by exact pct_increase_overall desc, then streak_len desc, player_id, streak_start")
    func ordering() {
        var bets = daily("b", [(1, "10"), (2, "20"), (3, "40"), (4, "80")])          // pct 11.0
        bets += daily("a", [(1, "10"), (2, "20"), (3, "40"), (4, "80")])             // same: a before b
        bets += daily("c", [(10, "10"), (11, "15"), (12, "22.5"), (13, "33.75")])    // 6.125
        let lines = streaks(bets)
        #expect(lines.map { String($0.prefix(1)) } == ["a", "b", "c"])
        #expect(lines[0] == "a,2024-03-02,2024-03-04,3,3.33,46.67,13.0000")
    }
}

import Foundation
