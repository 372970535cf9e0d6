/// `analyze stake-escalation`: the responsible-gambling check for players
/// whose daily stake keeps growing day after day.
///
/// Rules: the daily total of a player is the exact sum of stake over the
/// player's non-void bets placed on that UTC calendar day (0 on a day without
/// bets). Day d is flagged when total(d − 1) > 0 and
/// total(d) ≥ (1 + threshold) × total(d − 1), with d − 1 the previous
/// *calendar* day. A streak is a maximal run of consecutive flagged calendar
/// days of length ≥ min-days. avg_during is the mean daily total over the
/// streak's days, avg_before the mean over the 3 calendar days before
/// streak_start (days without bets count as 0), and
/// pct_increase_overall = (avg_during − avg_before) / avg_before, all exact.
/// Sorted by exact pct_increase_overall descending, then streak_len
/// descending, player_id ascending (bytes), streak_start ascending.

/// One streak.
public struct EscalationStreak: Hashable, Sendable {
    /// The player.
    public var player: String
    /// First flagged day.
    public var start: CivilDate
    /// Last flagged day.
    public var end: CivilDate
    /// Number of days, end − start + 1.
    public var length: Int
    /// Exact mean daily total over the 3 days before `start`.
    public var averageBefore: ExactRatio
    /// Exact mean daily total over the streak.
    public var averageDuring: ExactRatio
    /// Exact (averageDuring − averageBefore) / averageBefore.
    public var increase: ExactRatio
}

/// Aggregation behind `analyze stake-escalation`.
public struct StakeEscalation {
    /// The output header.
    public static let header = ["player_id", "streak_start", "streak_end", "streak_len",
                                "avg_before", "avg_during", "pct_increase_overall"]

    /// Growth that flags a day: total(d) ≥ (1 + threshold) × total(d − 1).
    public let threshold: FixedDecimal
    /// Shortest streak reported.
    public let minimumDays: Int
    /// Non-void bets counted.
    public private(set) var betsCounted = 0
    /// Void bets ignored.
    public private(set) var voidBets = 0

    private var players = KeyInterner(capacity: 4096)
    private var dailyTotals: [Int64: Int64] = [:]   // (player << 32 | day + 2^31) → total units

    /// A check with `threshold` (≥ 0) and `minimumDays` (≥ 1).
    public init(threshold: FixedDecimal, minimumDays: Int) {
        precondition(threshold >= .zero && minimumDays >= 1, "StakeEscalation: threshold must be ≥ 0 and min-days ≥ 1")
        self.threshold = threshold
        self.minimumDays = minimumDays
    }

    /// Adds one bet.
    public mutating func add(_ bet: BetRow) {
        guard !bet.isVoid else { voidBets += 1; return }
        let player = Int64(players.intern(bet.player))
        let day = bet.placedAt.date.daysSinceEpoch
        precondition(abs(day) < 1 << 30, "StakeEscalation: date out of range")
        let key = player << 32 | (day + (1 << 31))
        let (s, overflow) = (dailyTotals[key] ?? 0).addingReportingOverflow(bet.stake.units)
        precondition(!overflow, "daily stake of one player exceeds 922 trillion")
        dailyTotals[key] = s
        betsCounted += 1
    }

    /// Whether `today` ≥ (1 + threshold) × `yesterday`, with `yesterday` > 0, exactly.
    @inline(__always)
    func isFlagged(today: Int64, yesterday: Int64) -> Bool {
        StakeEscalation.isFlagged(today: today, yesterday: yesterday, threshold: threshold)
    }

    /// The flag rule, shared with the incremental form: `today` ≥ (1 +
    /// `threshold`) × `yesterday` with `yesterday` > 0, exactly, in 128 bits
    /// (today × 10^4 ≥ (10^4 + threshold units) × yesterday). Amounts in
    /// ``FixedDecimal`` units.
    @inline(__always)
    static func isFlagged(today: Int64, yesterday: Int64, threshold: FixedDecimal) -> Bool {
        guard yesterday > 0 else { return false }
        let l = today.multipliedFullWidth(by: FixedDecimal.unitsPerOne)
        let r = yesterday.multipliedFullWidth(by: FixedDecimal.unitsPerOne + threshold.units)
        return l.high != r.high ? l.high > r.high : l.low >= r.low
    }

    /// The streaks, sorted by the rule above.
    /// - Complexity: O(p log p) for p player-days.
    public func streaks() -> [EscalationStreak] {
        var perPlayer: [Int64: [(day: Int64, total: Int64)]] = [:]
        for (key, total) in dailyTotals {
            perPlayer[key >> 32, default: []].append(((key & 0xFFFF_FFFF) - (1 << 31), total))
        }
        var out: [(streak: EscalationStreak, rank: Int32)] = []
        let ranks = players.byteOrderRanks()
        for (player, unsortedDays) in perPlayer {
            let days = unsortedDays.sorted { $0.day < $1.day }
            var totalOn: [Int64: Int64] = [:]
            for d in days { totalOn[d.day] = d.total }
            func total(_ day: Int64) -> Int64 { totalOn[day] ?? 0 }
            var runStart: Int64? = nil
            var runLast: Int64 = 0
            func close() {
                guard let s = runStart else { return }
                let length = Int(runLast - s + 1)
                if length >= minimumDays {
                    out.append((makeStreak(player: Int32(player), start: s, end: runLast, total: total), ranks[Int(player)]))
                }
                runStart = nil
            }
            // Only days with bets can be flagged (total(d − 1) > 0 and total(d) ≥ it > 0 when threshold ≥ 0).
            for d in days where isFlagged(today: d.total, yesterday: total(d.day - 1)) {
                if runStart != nil && d.day == runLast + 1 {
                    runLast = d.day
                } else {
                    close()
                    runStart = d.day
                    runLast = d.day
                }
            }
            close()
        }
        out.sort { a, b in
            if a.streak.increase != b.streak.increase { return a.streak.increase > b.streak.increase }
            if a.streak.length != b.streak.length { return a.streak.length > b.streak.length }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.streak.start < b.streak.start
        }
        return out.map(\.streak)
    }

    private func makeStreak(player: Int32, start: Int64, end: Int64, total: (Int64) -> Int64) -> EscalationStreak {
        var during: Int64 = 0
        for d in start...end { during += total(d) }
        let before = total(start - 1) + total(start - 2) + total(start - 3)
        let length = end - start + 1
        // (during/L − before/3) / (before/3) = (3·during − L·before) / (L·before); before > 0 since total(start − 1) > 0.
        let (a, o1) = during.multipliedReportingOverflow(by: 3)
        let (b, o2) = length.multipliedReportingOverflow(by: before)
        let (n, o3) = a.subtractingReportingOverflow(b)
        precondition(!o1 && !o2 && !o3, "stake-escalation averages out of range")
        return EscalationStreak(
            player: players.string(player),
            start: CivilDate(daysSinceEpoch: start), end: CivilDate(daysSinceEpoch: end), length: Int(length),
            averageBefore: ExactRatio(numerator: before, denominator: 3 * FixedDecimal.unitsPerOne),
            averageDuring: ExactRatio(numerator: during, denominator: length * FixedDecimal.unitsPerOne),
            increase: ExactRatio(numerator: n, denominator: b))
    }
}
