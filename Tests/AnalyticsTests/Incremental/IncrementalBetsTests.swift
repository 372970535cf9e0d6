@testable import Analytics
import Testing
import Variates

/// Incremental top players and stake escalation equal the batch outputs
/// exactly on the same bets, fed in arrival order.
@Suite("Incremental top players and stake escalation")
struct IncrementalBetsTests {
    struct Bet { var player: String; var type: String; var time: Int64; var stake: Int64; var status: String; var arrival: Int64 }

    static let hour: Int64 = 3_600_000_000
    static let first = CivilDate(year: 2024, month: 3, day: 1)
    static let types = ["sports", "casino", "Poker", "ü-games"]
    static let statuses = ["won", "lost", "void", "VOID", "Void", "void "]

    /// 40 days of bets by 120 players with stakes from a small set (ties at the cut-off), void in any case,
    /// escalating players (×1.4–2.2 a day for 3–6 days), and arrival up to `disorderHours` late.
    static func bets(seed: UInt64, disorderHours: Int64 = 2) -> [Bet] {
        let s = RandomStream(seed: seed, name: "incremental-bets")
        var bets: [Bet] = []
        func add(_ player: String, day: Int64, stake: Int64) {
            let t = first.adding(days: day).start.microseconds + Int64(s.uniformInt(below: UInt64(24 * hour)))
            let status = s.uniform() < 0.1 ? statuses[2 + Int(s.uniformInt(below: 4))] : statuses[Int(s.uniformInt(below: 2))]
            bets.append(Bet(player: player, type: types[Int(s.uniformInt(below: 4))], time: t, stake: stake, status: status,
                            arrival: t + Int64(s.uniformInt(below: UInt64(disorderHours * hour + 1)))))
        }
        for p in 0..<120 {
            let player = p % 7 == 0 ? "P\(p)" : "p\(p)"
            var day: Int64 = Int64(s.uniformInt(below: 5))
            var stake: Int64 = 10_000 * Int64(1 + s.uniformInt(below: 20))
            while day < 40 {
                if s.uniform() < 0.15 {           // an escalating run
                    for _ in 0..<(3 + s.uniformInt(below: 4)) {
                        stake = stake * Int64(14 + s.uniformInt(below: 9)) / 10
                        add(player, day: day, stake: stake)
                        day += 1
                    }
                } else {
                    for _ in 0..<(1 + s.uniformInt(below: 3)) { add(player, day: day, stake: 10_000 * Int64(1 + s.uniformInt(below: 8))) }
                    day += 1 + Int64(s.uniformInt(below: 3))
                }
            }
        }
        return bets.enumerated().sorted { ($0.element.arrival, $0.offset) < ($1.element.arrival, $1.offset) }.map(\.element)
    }

    /// Calls `body` with the batch code's row view of `b`.
    static func withRow(_ b: Bet, _ body: (BetRow) -> Void) {
        var (p, t, st) = (b.player, b.type, b.status)
        p.withUTF8 { pb in t.withUTF8 { tb in st.withUTF8 { sb in
            body(BetRow(player: pb, gameID: UnsafeBufferPointer(start: nil, count: 0), gameType: tb,
                        placedAt: UTCTimestamp(microseconds: b.time), stake: FixedDecimal(units: b.stake), isVoid: BetFile.isVoid(sb)))
        } } }
    }

    @Test("top players per game type equal the batch rows (30-day window, several as-of dates)", arguments: 0..<20)
    func topPlayersEqualBatch(seed: UInt64) {
        let bets = Self.bets(seed: seed)
        var inc = IncrementalTopPlayers<String>(days: 30, top: 5, retainedDays: 45)
        var last = IncrementalTopPlayers<String>(days: 30, top: 5)
        for b in bets {
            Self.withRow(b) { row in
                inc.add(player: b.player, gameType: b.type, placedAt: row.placedAt, stake: row.stake, isVoid: row.isVoid)
                last.add(player: b.player, gameType: b.type, placedAt: row.placedAt, stake: row.stake, isVoid: row.isVoid)
            }
        }
        let lastDay = UTCTimestamp(microseconds: bets.map(\.time).max()!).date
        for asOf in [Self.first.adding(days: 10), Self.first.adding(days: 25), lastDay] {
            var batch = TopPlayers(asOf: asOf, days: 30, top: 5)
            for b in bets { Self.withRow(b) { batch.add($0, catalog: nil) } }
            #expect(inc.rows(asOf: asOf) == batch.rows(), "seed \(seed) as-of \(asOf)")
            if asOf == lastDay {
                // Default retention (days + 2) still holds the window ending on the latest day.
                #expect(last.rows(asOf: asOf) == batch.rows(), "seed \(seed)")
                #expect(last.dayCount <= 32)
            }
        }
    }

    @Test("stake-escalation streaks equal the batch streaks (disorder within the allowed lateness)", arguments: 0..<20)
    func escalationEqualsBatch(seed: UInt64) {
        let bets = Self.bets(seed: seed)
        var inc = IncrementalStakeEscalation<String>(threshold: FixedDecimal(units: 5_000), minimumDays: 3, allowedLatenessMicros: 3 * Self.hour)
        var batch = StakeEscalation(threshold: FixedDecimal(units: 5_000), minimumDays: 3)
        for b in bets {
            Self.withRow(b) { row in
                inc.add(player: b.player, placedAt: row.placedAt, stake: row.stake, isVoid: row.isVoid)
                batch.add(row)
            }
        }
        let want = batch.streaks()
        #expect(!want.isEmpty, "seed \(seed) plants escalating runs")
        #expect(inc.lateBets == 0)
        #expect(inc.streaks() == want, "seed \(seed)")
        #expect(inc.betsCounted == batch.betsCounted && inc.voidBets == batch.voidBets)
    }

    @Test("a bet later than the allowed lateness is counted late and left out")
    func lateBet() {
        var inc = IncrementalStakeEscalation<String>(threshold: FixedDecimal(units: 5_000), minimumDays: 1, allowedLatenessMicros: Self.hour)
        let d0 = Self.first.start.microseconds
        inc.add(player: "p", placedAt: UTCTimestamp(microseconds: d0 + 12 * Self.hour), stake: FixedDecimal(units: 100_000), isVoid: false)
        inc.add(player: "p", placedAt: UTCTimestamp(microseconds: d0 + 36 * Self.hour), stake: FixedDecimal(units: 200_000), isVoid: false)
        // Watermark 2024-03-02 11:00 → 2024-03-01 is final; a bet on it now is late.
        inc.add(player: "p", placedAt: UTCTimestamp(microseconds: d0 + 13 * Self.hour), stake: FixedDecimal(units: 900_000), isVoid: false)
        #expect(inc.lateBets == 1)
        let s = inc.streaks()
        #expect(s.count == 1 && s[0].start == Self.first.adding(days: 1) && s[0].length == 1)
        #expect(s[0].averageBefore == ExactRatio(numerator: 100_000, denominator: 30_000))
    }
}
