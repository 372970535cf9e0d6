/// `analyze top-players`: the top N players per game type by total stake
/// over a window of days, ties broken by player_id.
///
/// Rules: bets with placed_at in [as-of − days at 00:00, as-of + 1 day at
/// 00:00) UTC, status not `void` (any case). A bet's game_type is the row's,
/// or, when empty or the column is absent, the `--games` type of its game_id;
/// still unknown: `unknown` (counted). Per (game_type, player) the exact sum
/// of stake and the number of bets; per game type the first N players by
/// total stake descending, then player_id ascending (bytes); rank 1...N has no
/// gaps and no shared ranks. Output sorted by game_type (bytes), rank.

/// One output row.
public struct TopPlayerRow: Hashable, Sendable {
    /// The game type (or `unknown`).
    public var gameType: String
    /// 1-based rank within the game type.
    public var rank: Int
    /// The player.
    public var player: String
    /// Exact total stake.
    public var totalStake: FixedDecimal
    /// Number of bets.
    public var bets: Int
}

/// Aggregation behind `analyze top-players`.
public struct TopPlayers {
    /// The output header.
    public static let header = ["game_type", "rank", "player_id", "total_stake", "bets"]
    /// The game type of bets whose type is not known.
    public static let unknownType = "unknown"

    /// Start of the window (inclusive).
    public let windowStart: UTCTimestamp
    /// End of the window (exclusive).
    public let windowEnd: UTCTimestamp
    /// Players per game type reported.
    public let top: Int
    /// Bets counted (in the window, not void).
    public private(set) var betsCounted = 0
    /// Counted bets whose game type stayed unknown.
    public private(set) var unknownTypeBets = 0
    /// Bets outside the window or void.
    public private(set) var betsExcluded = 0

    private var players = KeyInterner(capacity: 4096)
    private var types = KeyInterner(capacity: 64)
    private var totals: [UInt64: (stake: Int64, bets: Int)] = [:]

    /// A computation for the window of `days` days before `asOf` through `asOf`, top `top` (≥ 1).
    public init(asOf: CivilDate, days: Int64, top: Int) {
        precondition(days >= 0 && top >= 1, "TopPlayers: days must be ≥ 0 and top ≥ 1")
        windowStart = asOf.adding(days: -days).start
        windowEnd = asOf.adding(days: 1).start
        self.top = top
    }

    /// Adds one bet; `catalog` supplies the game type when the row has none.
    public mutating func add(_ bet: BetRow, catalog: GameCatalog?) {
        guard !bet.isVoid, bet.placedAt >= windowStart, bet.placedAt < windowEnd else { betsExcluded += 1; return }
        let type: Int32
        if bet.gameType.count > 0 {
            type = types.intern(bet.gameType)
        } else if let t = catalog?.type(of: bet.gameID) {
            type = types.intern(t)
        } else {
            type = types.intern(Self.unknownType)
            unknownTypeBets += 1
        }
        let key = UInt64(UInt32(bitPattern: type)) << 32 | UInt64(UInt32(bitPattern: players.intern(bet.player)))
        let (s, overflow) = (totals[key]?.stake ?? 0).addingReportingOverflow(bet.stake.units)
        precondition(!overflow, "total stake of one player exceeds 922 trillion")
        totals[key] = (s, (totals[key]?.bets ?? 0) + 1)
        betsCounted += 1
    }

    /// The output rows.
    /// - Complexity: O(k log k) for k (game type, player) pairs.
    public func rows() -> [TopPlayerRow] {
        let playerRank = players.byteOrderRanks()
        var byType: [Int32: [(player: Int32, stake: Int64, bets: Int)]] = [:]
        for (key, v) in totals {
            byType[Int32(truncatingIfNeeded: key >> 32), default: []].append((Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), v.stake, v.bets))
        }
        var out: [TopPlayerRow] = []
        for t in types.idsInByteOrder() {
            guard let entries = byType[t] else { continue }
            let ranked = entries.sorted {
                $0.stake != $1.stake ? $0.stake > $1.stake : playerRank[Int($0.player)] < playerRank[Int($1.player)]
            }
            let name = types.string(t)
            for (i, e) in ranked.prefix(top).enumerated() {
                out.append(TopPlayerRow(gameType: name, rank: i + 1, player: players.string(e.player),
                                        totalStake: FixedDecimal(units: e.stake), bets: e.bets))
            }
        }
        return out
    }
}
