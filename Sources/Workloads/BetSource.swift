/// Bets: arrivals of the stream's rate curve, each by a player of the key
/// popularity on a Zipf-popular game, with a stake from the stream's amount
/// distribution, odds from a ladder of common prices, and status and payout
/// drawn as a sportsbook or casino would settle them (house margin about 5%:
/// a bet at decimal odds o wins with probability 0.95 / o).

import Variates

/// Generates the background bets of a block.
public struct BetSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// Player popularity.
    public let players: KeyPopularity
    /// Game popularity (Zipf, s = 1, over the games dimension).
    public let games: ZipfKeys
    /// The dimension tables.
    public let dimensions: Dimensions
    /// Stake, major currency units.
    public let stake: Distribution
    let channels: AliasTable
    let odds: AliasTable

    /// Decimal odds a bet can have (× 100), and how often each is taken:
    /// short prices most often, long shots rarely.
    public static let oddsLadder: [Int32] = [110, 125, 140, 150, 170, 190, 200, 220, 250, 300, 350, 400, 500, 700, 1000, 1500, 2500, 5000]
    static let oddsWeights: [Double] = [6, 8, 9, 10, 10, 10, 9, 8, 8, 6, 4, 3, 3, 2, 1.5, 1, 0.5, 0.25]

    /// A source; `stake` defaults to a lognormal with median 10 and p99 500.
    public init(arrivals: ArrivalProcess, players: KeyPopularity, dimensions: Dimensions, stake: Distribution? = nil) {
        self.arrivals = arrivals
        self.players = players
        self.dimensions = dimensions
        self.games = try! ZipfKeys(keys: dimensions.gameType.count, exponent: 1)
        self.stake = stake ?? (try! Distribution.parse("lognormal(p50=10, p99=500)"))
        self.odds = try! AliasTable(weights: BetSource.oddsWeights)
        self.channels = try! AliasTable(weights: Vocabulary.channelWeights)
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [Bet]) {
        // Three passes: arrival times, then every bet's player, then the
        // rest. The player draws are table lookups that miss the cache for
        // large player counts; in a tight loop of their own the processor
        // overlaps those misses instead of waiting for each in turn.
        var times: [Int64] = []
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { times.append($0) }
        var who = [Int64](repeating: 0, count: times.count)
        for i in times.indices { who[i] = players.sample(stream) }
        var id = block.idBase + Int64(records.count)
        records.reserveCapacity(records.count + times.count)
        for i in times.indices {
            records.append(makeBet(id: id, player: who[i], at: times[i], stakeCents: nil, stream: stream))
            id += 1
        }
    }

    /// One bet by `player` at `t`; the stake is drawn unless given (cents).
    public func makeBet(id: Int64, player: Int64, at t: Int64, stakeCents given: Int64?, stream: RandomStream) -> Bet {
        let game = games.sample(stream)
        let stakeCents = given ?? max(10, Int64((stake.sample(stream) * 100).rounded()))
        let odds = BetSource.oddsLadder[self.odds.sample(stream)]
        let u = stream.uniform()
        let status: BetStatus
        let win: Int64
        if u < 0.01 {
            status = .void; win = stakeCents
        } else if u < 0.06 {
            status = .cashout; win = stakeCents * Int64(30 + stream.uniformInt(below: 120)) / 100
        } else if stream.uniform() < 95.0 / Double(odds) {
            status = .won; win = stakeCents * Int64(odds) / 100
        } else {
            status = .lost; win = 0
        }
        return Bet(betID: id, playerID: player, gameID: Int64(game + 1), gameType: dimensions.gameType[game],
                   placedAt: t, stakeCents: stakeCents, oddsHundredths: odds, status: status, actualWinCents: win,
                   countryIndex: dimensions.playerCountry[Int(player - 1)], channelIndex: UInt8(channels.sample(stream)),
                   arrival: t)
    }
}
