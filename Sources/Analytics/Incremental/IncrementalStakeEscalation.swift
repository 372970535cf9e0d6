/// Stake-escalation streaks computed incrementally — the rules of
/// `analyze stake-escalation` (``StakeEscalation``) with state bounded by
/// the players and a few days each, not by the run.
///
/// Daily totals per player accumulate while their day is open. The
/// watermark is the latest placed_at seen minus the allowed lateness; a day
/// is final once the watermark reaches the next day's 00:00 UTC. Final days
/// are applied per player in calendar order to a small state machine: the
/// last final day with bets and its total (yesterday's total for the flag),
/// the totals of the last three final days with bets (avg_before), and the
/// open run (start, last day, sum). A day with no bets is 0: it is never
/// flagged and ends a run. A run is emitted as a streak when it closes with
/// length ≥ min-days. A bet whose day is already final is counted in
/// ``lateBets`` and ignored (the batch would count it).
///
/// It equals ``StakeEscalation/streaks()`` on the same bets whenever no bet
/// is later than the allowed lateness (tested over random inputs with
/// disorder inside it).
///
/// State: per player, up to (lateness in days + 2) open day totals, three
/// final days and one run; plus the streaks found.

/// Incremental `analyze stake-escalation`; `Player` prints as the player_id column.
public struct IncrementalStakeEscalation<Player: Hashable & CustomStringConvertible> {
    /// Growth that flags a day.
    public let threshold: FixedDecimal
    /// Shortest streak reported.
    public let minimumDays: Int
    /// How late a bet may arrive behind the latest placed_at, µs.
    public let allowedLatenessMicros: Int64
    /// Non-void bets counted.
    public private(set) var betsCounted = 0
    /// Void bets ignored.
    public private(set) var voidBets = 0
    /// Bets whose day was already final.
    public private(set) var lateBets = 0

    struct Run { var start: Int64; var last: Int64; var during: Int64; var before: Int64 }

    struct PlayerState {
        var open: [(day: Int64, total: Int64)] = []     // days not yet final, in day order
        var recent: [(day: Int64, total: Int64)] = []   // last three final days with bets
        var run: Run? = nil

        /// Adds `units` to the open total of `day`.
        mutating func add(day: Int64, units: Int64) {
            let i = open.firstIndex { $0.day >= day } ?? open.count
            if i < open.count && open[i].day == day {
                let (sum, overflow) = open[i].total.addingReportingOverflow(units)
                precondition(!overflow, "daily stake of one player exceeds 922 trillion")
                open[i].total = sum
            } else {
                open.insert((day, units), at: i)
            }
        }
    }

    private var players: [Player: PlayerState] = [:]
    private var found: [EscalationStreak] = []
    private var latest = Int64.min
    /// Days before this one are final.
    private var finalBefore = Int64.min

    /// A check with `threshold` ≥ 0, `minimumDays` ≥ 1 and `allowedLatenessMicros` ≥ 0.
    public init(threshold: FixedDecimal, minimumDays: Int, allowedLatenessMicros: Int64) {
        precondition(threshold >= .zero && minimumDays >= 1 && allowedLatenessMicros >= 0,
                     "IncrementalStakeEscalation: threshold must be ≥ 0, min-days ≥ 1, lateness ≥ 0")
        self.threshold = threshold
        self.minimumDays = minimumDays
        self.allowedLatenessMicros = allowedLatenessMicros
    }

    /// Players with state.
    public var playerCount: Int { players.count }

    /// Offers one bet in arrival order.
    /// - Complexity: O(1) amortized; O(players with open days) when a day becomes final.
    public mutating func add(player: Player, placedAt: UTCTimestamp, stake: FixedDecimal, isVoid: Bool) {
        guard !isVoid else { voidBets += 1; return }
        let day = placedAt.date.daysSinceEpoch
        guard day >= finalBefore else { lateBets += 1; return }
        players[player, default: PlayerState()].add(day: day, units: stake.units)
        betsCounted += 1
        if placedAt.microseconds > latest {
            latest = placedAt.microseconds
            let watermarkDay = UTCTimestamp(microseconds: latest - allowedLatenessMicros).date.daysSinceEpoch
            if watermarkDay > finalBefore { finalize(before: watermarkDay) }
        }
    }

    /// Makes every day before `day` final for every player.
    private mutating func finalize(before day: Int64) {
        finalBefore = day
        for (p, var s) in players where !(s.open.isEmpty && s.run == nil) {
            apply(&s, player: p, before: day)
            players[p] = s
        }
    }

    private mutating func apply(_ s: inout PlayerState, player: Player, before day: Int64) {
        while let d = s.open.first, d.day < day {
            s.open.removeFirst()
            let yesterday = s.recent.last.flatMap { $0.day == d.day - 1 ? $0.total : nil } ?? 0
            if let r = s.run, r.last < d.day - 1 { close(r, player); s.run = nil }
            if isFlagged(today: d.total, yesterday: yesterday) {
                if var r = s.run {
                    r.last = d.day
                    r.during += d.total
                    s.run = r
                } else {
                    let before = s.recent.filter { $0.day >= d.day - 3 }.reduce(Int64(0)) { $0 + $1.total }
                    s.run = Run(start: d.day, last: d.day, during: d.total, before: before)
                }
            } else if let r = s.run {
                close(r, player)
                s.run = nil
            }
            s.recent.append(d)
            if s.recent.count > 3 { s.recent.removeFirst() }
        }
        // A day before `day` without bets after the run's last day ends it.
        if let r = s.run, r.last < day - 1 { close(r, player); s.run = nil }
    }

    private mutating func close(_ r: Run, _ player: Player) {
        let length = r.last - r.start + 1
        guard length >= Int64(minimumDays) else { return }
        let (a, o1) = r.during.multipliedReportingOverflow(by: 3)
        let (b, o2) = length.multipliedReportingOverflow(by: r.before)
        let (n, o3) = a.subtractingReportingOverflow(b)
        precondition(!o1 && !o2 && !o3, "stake-escalation averages out of range")
        found.append(EscalationStreak(
            player: player.description, start: CivilDate(daysSinceEpoch: r.start), end: CivilDate(daysSinceEpoch: r.last),
            length: Int(length),
            averageBefore: ExactRatio(numerator: r.before, denominator: 3 * FixedDecimal.unitsPerOne),
            averageDuring: ExactRatio(numerator: r.during, denominator: length * FixedDecimal.unitsPerOne),
            increase: ExactRatio(numerator: n, denominator: b)))
    }

    /// The batch rule (``StakeEscalation``), exactly.
    @inline(__always)
    func isFlagged(today: Int64, yesterday: Int64) -> Bool {
        StakeEscalation.isFlagged(today: today, yesterday: yesterday, threshold: threshold)
    }

    /// The streaks as if every day were final now, sorted as the batch sorts them.
    /// - Complexity: O(players with state + s log s) for s streaks.
    public func streaks() -> [EscalationStreak] {
        var copy = self
        copy.finalBefore = .max
        for (p, var s) in copy.players where !(s.open.isEmpty && s.run == nil) {
            copy.apply(&s, player: p, before: .max)
            if let r = s.run { copy.close(r, p) }
        }
        return copy.found.sorted { a, b in
            if a.increase != b.increase { return a.increase > b.increase }
            if a.length != b.length { return a.length > b.length }
            if a.player != b.player { return a.player.precedesInBytes(b.player) }
            return a.start < b.start
        }
    }
}
