/// A login of the BetMatrix `logins` topic: `player_id, ts, device,
/// country, success`. Players log in from their own country (97%) or from
/// another (travel, VPN); 4% of attempts fail.

import Variates

/// One login attempt.
public struct Login: WorkloadRecord, Equatable {
    public static let columns = ["player_id", "ts", "device", "country", "success"]
    /// The player.
    public var playerID: Int64
    /// When, µs.
    public var ts: Int64
    /// Index into ``Vocabulary/devices``.
    public var deviceIndex: UInt8
    /// Index into ``Vocabulary/countries``.
    public var countryIndex: UInt8
    /// Whether the login succeeded.
    public var success: Bool
    public var arrival: Int64

    public var eventTime: Int64 { ts }

    public func encode(_ e: inout RecordEncoder) {
        e.int(playerID)
        e.timestamp(ts)
        e.word(Vocabulary.devices[Int(deviceIndex)])
        e.word(Vocabulary.countries[Int(countryIndex)])
        e.bool(success)
    }
}

/// Generates the logins of a block.
public struct LoginSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// Player popularity.
    public let players: KeyPopularity
    /// The dimension tables.
    public let dimensions: Dimensions
    let devices = try! AliasTable(weights: Vocabulary.deviceWeights)

    /// A source.
    public init(arrivals: ArrivalProcess, players: KeyPopularity, dimensions: Dimensions) {
        self.arrivals = arrivals
        self.players = players
        self.dimensions = dimensions
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [Login]) {
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { t in
            let player = players.sample(stream)
            let home = dimensions.playerCountry[Int(player - 1)]
            let country = stream.uniform() < 0.97 ? home : UInt8(stream.uniformInt(below: UInt64(Vocabulary.countries.count)))
            records.append(Login(playerID: player, ts: t, deviceIndex: UInt8(devices.sample(stream)),
                                 countryIndex: country, success: stream.uniform() < 0.96, arrival: t))
        }
    }
}
