/// Top players per game type over a window of days, computed
/// incrementally — the rules of `analyze top-players` (``TopPlayers``) with
/// state bounded by the window, not the run.
///
/// Totals are kept per UTC day and (game type, player). Only the last
/// `retainedDays` days before the latest bet's day are kept; a bet placed on
/// a day already dropped is counted in ``lateBets`` and ignored.
/// ``rows(asOf:)`` sums the days of [as-of − days, as-of] and ranks exactly
/// as the batch: total stake descending, then player_id ascending by
/// bytes, ranks 1…N, sorted by game type (bytes) then rank. It equals
/// ``TopPlayers/rows()`` on the same bets whenever the window's days are
/// retained (tested). Void bets (any letter case) are excluded.
///
/// State: one entry per (day, game type, player) with bets on a retained day.

/// Incremental `analyze top-players`; `Player` prints as the player_id column.
public struct IncrementalTopPlayers<Player: Hashable & CustomStringConvertible> {
    /// Days before as-of in the window (`--days`).
    public let days: Int64
    /// Players per game type (`--top`).
    public let top: Int
    /// Days kept back from the latest bet's day (≥ days + 1).
    public let retainedDays: Int64
    /// Bets counted.
    public private(set) var betsCounted = 0
    /// Void bets ignored.
    public private(set) var voidBets = 0
    /// Bets placed on a day already dropped from the state.
    public private(set) var lateBets = 0

    struct Key: Hashable {
        var type: Int
        var player: Player
    }

    private var typeIDs: [String: Int] = [:]
    private var typeNames: [String] = []
    private var byDay: [Int64: [Key: (stake: Int64, bets: Int)]] = [:]
    private var latestDay = Int64.min

    /// An empty computation for a window of `days` ≥ 0, top `top` ≥ 1, keeping `retainedDays` days
    /// (default days + 2: tonight's run for yesterday, and a day of late bets).
    public init(days: Int64, top: Int, retainedDays: Int64? = nil) {
        precondition(days >= 0 && top >= 1, "IncrementalTopPlayers: days must be ≥ 0 and top ≥ 1")
        self.days = days
        self.top = top
        self.retainedDays = max(retainedDays ?? days + 2, days + 1)
    }

    /// Offers one bet with its (already resolved) game type.
    /// - Complexity: O(1) amortized; O(retained days) when a new day starts.
    public mutating func add(player: Player, gameType: String, placedAt: UTCTimestamp, stake: FixedDecimal, isVoid: Bool) {
        guard !isVoid else { voidBets += 1; return }
        let day = placedAt.date.daysSinceEpoch
        if day > latestDay {
            latestDay = day
            for d in byDay.keys where d <= latestDay - retainedDays { byDay[d] = nil }
        }
        guard day > latestDay - retainedDays else { lateBets += 1; return }
        let type: Int
        if let t = typeIDs[gameType] { type = t } else {
            type = typeNames.count
            typeIDs[gameType] = type
            typeNames.append(gameType)
        }
        let key = Key(type: type, player: player)
        let old = byDay[day]?[key] ?? (0, 0)
        let (s, overflow) = old.stake.addingReportingOverflow(stake.units)
        precondition(!overflow, "total stake of one player exceeds 922 trillion")
        byDay[day, default: [:]][key] = (s, old.bets + 1)
        betsCounted += 1
    }

    /// Days currently held.
    public var dayCount: Int { byDay.count }

    /// The rows for the window ending on `asOf` (its days must be retained to equal the batch).
    /// - Complexity: O(k log k) for k (game type, player) pairs in the window.
    public func rows(asOf: CivilDate) -> [TopPlayerRow] {
        let first = asOf.daysSinceEpoch - days
        var totals: [Key: (stake: Int64, bets: Int)] = [:]
        for (day, entries) in byDay where day >= first && day <= asOf.daysSinceEpoch {
            for (k, v) in entries {
                let old = totals[k] ?? (0, 0)
                totals[k] = (old.stake + v.stake, old.bets + v.bets)
            }
        }
        var byType: [Int: [(name: String, stake: Int64, bets: Int)]] = [:]
        for (k, v) in totals { byType[k.type, default: []].append((k.player.description, v.stake, v.bets)) }
        var out: [TopPlayerRow] = []
        for t in typeNames.indices.sorted(by: { typeNames[$0].precedesInBytes(typeNames[$1]) }) {
            guard let entries = byType[t] else { continue }
            let ranked = entries.sorted { $0.stake != $1.stake ? $0.stake > $1.stake : $0.name.precedesInBytes($1.name) }
            for (i, e) in ranked.prefix(top).enumerated() {
                out.append(TopPlayerRow(gameType: typeNames[t], rank: i + 1, player: e.name,
                                        totalStake: FixedDecimal(units: e.stake), bets: e.bets))
            }
        }
        return out
    }
}
