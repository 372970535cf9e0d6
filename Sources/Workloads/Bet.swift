/// A bet, one row of the BetMatrix seed's `fact_bet`.
///
/// Columns: `bet_id, player_id, game_id, game_type, placed_at, stake, odds,
/// status, actual_win, currency, channel, country`. Money is in minor units
/// (cents), odds in hundredths (decimal odds `2.35` is 235), so every value
/// in a file is exact. The bet is written already settled (the seed's
/// `fact_bet` carries its final `status` and `actual_win`).

/// The kind of game a bet is on (the seed's `game_type`).
public enum GameType: UInt8, Sendable, CaseIterable {
    case sports, casino, poker, virtual

    /// The column value.
    public var word: StaticString {
        switch self {
        case .sports: "sports"
        case .casino: "casino"
        case .poker: "poker"
        case .virtual: "virtual"
        }
    }
}

/// How a bet was settled (the seed's `status`).
public enum BetStatus: UInt8, Sendable, CaseIterable {
    case won, lost, cashout, void

    /// The column value.
    public var word: StaticString {
        switch self {
        case .won: "won"
        case .lost: "lost"
        case .cashout: "cashout"
        case .void: "void"
        }
    }
}

/// One settled bet.
public struct Bet: WorkloadRecord, Equatable {
    public static let columns = [
        "bet_id", "player_id", "game_id", "game_type", "placed_at", "stake", "odds", "status",
        "actual_win", "currency", "channel", "country",
    ]
    /// Unique bet id.
    public var betID: Int64
    /// The player (key of the players dimension).
    public var playerID: Int64
    /// The game or market (key of the games dimension).
    public var gameID: Int64
    /// The game's type (from the games dimension).
    public var gameType: GameType
    /// When the bet was placed, µs since the epoch.
    public var placedAt: Int64
    /// Stake in minor units.
    public var stakeCents: Int64
    /// Decimal odds × 100.
    public var oddsHundredths: Int32
    /// Settlement outcome.
    public var status: BetStatus
    /// Amount paid back in minor units (stake × odds when won, part of it on
    /// cash-out, the stake on void, 0 when lost).
    public var actualWinCents: Int64
    /// Index into ``Vocabulary/countries`` (the player's country and currency).
    public var countryIndex: UInt8
    /// Index into ``Vocabulary/channels``.
    public var channelIndex: UInt8
    public var arrival: Int64

    public var eventTime: Int64 { placedAt }

    public func encode(_ e: inout RecordEncoder) {
        e.int(betID)
        e.int(playerID)
        e.int(gameID)
        e.word(gameType.word)
        e.timestamp(placedAt)
        e.cents(stakeCents)
        e.cents(Int64(oddsHundredths))
        e.word(status.word)
        e.cents(actualWinCents)
        e.word(Vocabulary.currencies[Int(countryIndex)])
        e.word(Vocabulary.channels[Int(channelIndex)])
        e.word(Vocabulary.countries[Int(countryIndex)])
    }
}
