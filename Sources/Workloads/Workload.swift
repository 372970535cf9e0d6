/// A whole workload: the dimensions, the calendar of sporting events, and
/// the streams, as validated values (the `Experiment` module builds one from
/// the `workload:` section of a file).

import Variates

/// A sporting event that raises the rate of several streams together
/// (bets and results during a big match).
public struct SportingEvent: Sendable {
    /// The event's spike window (its name is the event's name).
    public var spike: Spike
    /// Names of the streams it raises.
    public var streams: [String]

    /// An event raising `streams` by `spike`.
    public init(spike: Spike, streams: [String]) {
        self.spike = spike
        self.streams = streams
    }
}

/// A validated workload.
public struct Workload: Sendable {
    /// Seed used when the command line gives none.
    public var seed: UInt64
    /// Block length, µs; divides a day.
    public var blockLength: Int64
    /// How far past its block a record may arrive (delays, visits, bursts), µs.
    public var lookback: Int64
    /// Background players (bets, logins, payments, account changes keys).
    public var players: Int
    /// Games and markets.
    public var games: Int
    /// Card merchants.
    public var merchants: Int
    /// Cards (card transactions keys).
    public var cards: Int
    /// The calendar of sporting events; its spikes are already merged into
    /// the named streams' rate curves by ``init(seed:blockLength:lookback:players:games:merchants:cards:events:streams:)``.
    public var events: [SportingEvent]
    /// The streams, in file order.
    public var streams: [StreamSpec]

    /// A workload; each event's spike is added to the streams it names.
    public init(seed: UInt64 = 1, blockLength: Int64 = Timestamp.minute, lookback: Int64 = 2 * Timestamp.hour, players: Int = 100_000, games: Int = 2_000,
                merchants: Int = 5_000, cards: Int = 200_000, events: [SportingEvent] = [], streams: [StreamSpec]) {
        precondition(blockLength > 0 && Timestamp.day % blockLength == 0, "the block length must divide a day")
        precondition(players >= 1 && games >= 1 && merchants >= 1 && cards >= 1, "dimension sizes must be at least 1")
        self.seed = seed
        precondition(lookback >= 30 * Timestamp.minute, "the lookback must be at least 30 minutes (fraud bursts last up to 30)")
        self.blockLength = blockLength
        self.lookback = lookback
        self.players = players
        self.games = games
        self.merchants = merchants
        self.cards = cards
        self.events = events
        var merged = streams
        for event in events {
            for i in merged.indices where event.streams.contains(merged[i].name) {
                merged[i].rate.spikes.append(event.spike)
                merged[i].rate = RateCurve(base: merged[i].rate.base, diurnal: merged[i].rate.diurnal,
                                           weekly: merged[i].rate.weekly, spikes: merged[i].rate.spikes)
            }
        }
        self.streams = merged
    }

    /// Players planted with streaks, over all bet streams.
    public var plantedPlayers: Int { streams.reduce(0) { $0 + ($1.streaks?.players ?? 0) } }
}
