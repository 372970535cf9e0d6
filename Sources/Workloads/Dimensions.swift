/// The dimension tables that records reference, so joins work: players,
/// games, merchants, and the cards (with their issuing country) that card
/// transactions use.
///
/// Each table is a pure function of the seed tree (`dimensions/players`,
/// …) and its size, never of the time range, so every shard builds the same
/// tables. Memory is O(rows): a byte or two per row.

import Variates

/// A player of the players dimension (`players.csv`).
public struct PlayerRow: WorkloadRecord, Equatable {
    public static let columns = ["player_id", "country", "currency", "registered_at", "vip_level"]
    /// Player id, `1...count`.
    public var playerID: Int64
    /// Index into ``Vocabulary/countries``.
    public var countryIndex: UInt8
    /// Registration time, µs since the epoch.
    public var registeredAt: Int64
    /// 0 (none) to 4.
    public var vipLevel: UInt8
    public var arrival: Int64 { get { registeredAt } set {} }
    public var eventTime: Int64 { registeredAt }

    public func encode(_ e: inout RecordEncoder) {
        e.int(playerID)
        e.word(Vocabulary.countries[Int(countryIndex)])
        e.word(Vocabulary.currencies[Int(countryIndex)])
        e.timestamp(registeredAt)
        e.int(Int64(vipLevel))
    }
}

/// A game or market of the games dimension (`games.csv`).
public struct GameRow: WorkloadRecord, Equatable {
    public static let columns = ["game_id", "game_type", "provider"]
    /// Game id, `1...count`.
    public var gameID: Int64
    /// Its type.
    public var gameType: GameType
    /// Index into ``Vocabulary/providers``.
    public var providerIndex: UInt8
    public var arrival: Int64 { get { 0 } set {} }
    public var eventTime: Int64 { 0 }

    public func encode(_ e: inout RecordEncoder) {
        e.int(gameID)
        e.word(gameType.word)
        e.word(Vocabulary.providers[Int(providerIndex)])
    }
}

/// A card merchant of the merchants dimension (`merchants.csv`).
public struct MerchantRow: WorkloadRecord, Equatable {
    public static let columns = ["merchant_id", "mcc", "country"]
    /// Merchant id, `1...count`.
    public var merchantID: Int64
    /// Merchant category code.
    public var mcc: Int64
    /// Index into ``Vocabulary/countries``.
    public var countryIndex: UInt8
    public var arrival: Int64 { get { 0 } set {} }
    public var eventTime: Int64 { 0 }

    public func encode(_ e: inout RecordEncoder) {
        e.int(merchantID)
        e.int(mcc)
        e.word(Vocabulary.countries[Int(countryIndex)])
    }
}

/// The dimension tables of one workload, built from the seed tree.
public struct Dimensions: Sendable {
    /// Country index per player id − 1.
    public let playerCountry: [UInt8]
    /// Registration time per player id − 1, µs.
    public let playerRegistered: [Int64]
    /// VIP level per player id − 1.
    public let playerVIP: [UInt8]
    /// Game type per game id − 1.
    public let gameType: [GameType]
    /// Provider index per game id − 1.
    public let gameProvider: [UInt8]
    /// MCC per merchant id − 1.
    public let merchantMCC: [Int64]
    /// Country index per merchant id − 1.
    public let merchantCountry: [UInt8]
    /// Issuing country index per card token − 1.
    public let cardCountry: [UInt8]

    /// Shares of sports, casino, poker and virtual games.
    public static let gameTypeWeights = [0.55, 0.3, 0.05, 0.1]

    /// Builds the tables. Registration times fall in the three years before
    /// 2026-01-01 (a fixed date, so tables do not depend on the run's span).
    public init(players: Int, games: Int, merchants: Int, cards: Int, tree: SeedTree) {
        let countries = try! AliasTable(weights: Vocabulary.countryWeights)
        let types = try! AliasTable(weights: Dimensions.gameTypeWeights)
        let registeredEnd = Timestamp.days(year: 2026, month: 1, day: 1) * Timestamp.day
        let p = tree.stream("dimensions/players")
        var pc = [UInt8](), pr = [Int64](), pv = [UInt8]()
        pc.reserveCapacity(players); pr.reserveCapacity(players); pv.reserveCapacity(players)
        for _ in 0..<players {
            pc.append(UInt8(countries.sample(p)))
            pr.append(registeredEnd - Int64(p.uniformInt(below: UInt64(3 * 365 * Timestamp.day))))
            let u = p.uniform()
            pv.append(u < 0.9 ? 0 : u < 0.96 ? 1 : u < 0.99 ? 2 : u < 0.998 ? 3 : 4)
        }
        playerCountry = pc; playerRegistered = pr; playerVIP = pv
        let g = tree.stream("dimensions/games")
        var gt = [GameType](), gp = [UInt8]()
        for _ in 0..<games {
            gt.append(GameType(rawValue: UInt8(types.sample(g)))!)
            gp.append(UInt8(g.uniformInt(below: UInt64(Vocabulary.providers.count))))
        }
        gameType = gt; gameProvider = gp
        let m = tree.stream("dimensions/merchants")
        var mm = [Int64](), mc = [UInt8]()
        for _ in 0..<merchants {
            mm.append(Vocabulary.merchantCategories[Int(m.uniformInt(below: UInt64(Vocabulary.merchantCategories.count)))])
            mc.append(UInt8(countries.sample(m)))
        }
        merchantMCC = mm; merchantCountry = mc
        let c = tree.stream("dimensions/cards")
        cardCountry = (0..<cards).map { _ in UInt8(countries.sample(c)) }
    }

    /// The players dimension rows, in id order.
    public func playerRows() -> [PlayerRow] {
        playerCountry.indices.map {
            PlayerRow(playerID: Int64($0 + 1), countryIndex: playerCountry[$0], registeredAt: playerRegistered[$0], vipLevel: playerVIP[$0])
        }
    }

    /// The games dimension rows, in id order.
    public func gameRows() -> [GameRow] {
        gameType.indices.map { GameRow(gameID: Int64($0 + 1), gameType: gameType[$0], providerIndex: gameProvider[$0]) }
    }

    /// The merchants dimension rows, in id order.
    public func merchantRows() -> [MerchantRow] {
        merchantMCC.indices.map { MerchantRow(merchantID: Int64($0 + 1), mcc: merchantMCC[$0], countryIndex: merchantCountry[$0]) }
    }
}

extension Dimensions {
    /// Cumulative country weights scaled to 2⁶⁴ buckets, for ``countryOfKey(_:)``.
    static let countryThresholds: [UInt64] = {
        let total = Vocabulary.countryWeights.reduce(0, +)
        var acc = 0.0
        return Vocabulary.countryWeights.map { w in
            acc += w
            return acc >= total ? UInt64.max : UInt64(acc / total * 0x1p64)
        }
    }()

    /// The country of a key that has no dimension table (the users of page
    /// views and transactions): a fixed hash of the key into the country
    /// weights, so a user is always in the same country.
    public static func countryOfKey(_ key: Int64) -> UInt8 {
        let h = SeedTree.splitMixFinalize(UInt64(bitPattern: key) ^ 0x5EED_C0DE)
        return UInt8(countryThresholds.firstIndex { h <= $0 } ?? 0)
    }
}
