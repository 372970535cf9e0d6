/// A result of the BetMatrix `results` topic: the settlement of a game or
/// market (`result_id, game_id, game_type, settled_at, outcome`). A result
/// settles every open bet on its game placed before `settled_at` (and after
/// the game's previous result); bets are written already settled, so the
/// join is for analytics, not needed to read a bet.

import Variates

/// One settlement.
public struct GameResult: WorkloadRecord, Equatable {
    public static let columns = ["result_id", "game_id", "game_type", "settled_at", "outcome"]
    /// Unique result id.
    public var resultID: Int64
    /// The game or market settled.
    public var gameID: Int64
    /// Its type.
    public var gameType: GameType
    /// When, µs.
    public var settledAt: Int64
    /// 0 home, 1 draw, 2 away (sports and virtual), 3 round settled (casino, poker).
    public var outcome: UInt8
    public var arrival: Int64

    public var eventTime: Int64 { settledAt }

    static let outcomes: [StaticString] = ["home", "draw", "away", "round_settled"]

    public func encode(_ e: inout RecordEncoder) {
        e.int(resultID)
        e.int(gameID)
        e.word(gameType.word)
        e.timestamp(settledAt)
        e.word(GameResult.outcomes[Int(outcome)])
    }
}

/// Generates the results of a block; games by their popularity (the keys).
public struct GameResultSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// Game popularity.
    public let games: KeyPopularity
    /// The dimension tables.
    public let dimensions: Dimensions

    /// A source.
    public init(arrivals: ArrivalProcess, games: KeyPopularity, dimensions: Dimensions) {
        self.arrivals = arrivals
        self.games = games
        self.dimensions = dimensions
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [GameResult]) {
        var id = block.idBase + Int64(records.count)
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { t in
            let game = games.sample(stream)
            let type = dimensions.gameType[Int(game - 1)]
            let u = stream.uniform()
            let outcome: UInt8 = type == .casino || type == .poker ? 3 : u < 0.45 ? 0 : u < 0.72 ? 1 : 2
            records.append(GameResult(resultID: id, gameID: game, gameType: type, settledAt: t, outcome: outcome, arrival: t))
            id += 1
        }
    }
}
