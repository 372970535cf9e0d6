/// Planted stake-escalation streaks (the BetMatrix seed's responsible-
/// gambling check) and their ground truth.
///
/// The rule the truth follows: a player's day d (UTC calendar day) is an
/// *increase day* when the player's total stake on calendar day d − 1 is
/// greater than 0 and the total on day d is at least 1.5 times it; a
/// streak is a maximal run of consecutive increase days, reported when it
/// has at least 3 days (`streak_start` = its first increase day).
///
/// Each planted player gets its own id (after the background players, so no
/// background bet touches it) and bets on exactly L + 1 consecutive full
/// days inside the run: a base day with stake S₀, then L days each 1.6 to
/// 2.4 times the day before (integer cents, rounded up, so the ≥ 1.5 test
/// holds exactly), and no bet the day before or after. Its only streak is
/// therefore `[base + 1, base + L]` with length L. Days are whole calendar
/// days inside `[from, to)`; a run shorter than `minDays + 1` whole days
/// plants nothing.
///
/// The plan is a pure function of the seed tree and the run's range, built
/// in full by every shard (O(players × days) bets); each block takes the
/// planned bets placed inside it and the truth rows of streaks that start on
/// a day whose midnight lies in it.

import Variates

/// A ground-truth row: `player_id, streak_start, streak_end, streak_len`.
public struct StreakTruth: WorkloadRecord, Equatable {
    public static let columns = ["player_id", "streak_start", "streak_end", "streak_len"]
    /// The planted player.
    public var playerID: Int64
    /// First increase day (days since the epoch).
    public var startDay: Int64
    /// Last increase day.
    public var endDay: Int64
    public var arrival: Int64 { get { startDay * Timestamp.day } set {} }
    public var eventTime: Int64 { startDay * Timestamp.day }
    /// Number of increase days.
    public var length: Int64 { endDay - startDay + 1 }

    public func encode(_ e: inout RecordEncoder) {
        e.int(playerID)
        var date = RowBuffer()
        date.appendDate(days: startDay)
        e.text(String(decoding: date.bytes, as: UTF8.self))
        date.removeAll()
        date.appendDate(days: endDay)
        e.text(String(decoding: date.bytes, as: UTF8.self))
        e.int(length)
    }
}

/// The planned streak bets of a run.
public struct StreakPlan: Sendable {
    /// Every planted bet, by placement time (ids assigned when planted).
    public let bets: [Bet]
    /// The truth rows, by start day then player.
    public let truth: [StreakTruth]

    /// Plans `spec.players` streaks for players `firstPlayer…`.
    public init(spec: StreakSpec, firstPlayer: Int64, from: Int64, to: Int64, tree: SeedTree, source: BetSource) {
        let stream = tree.stream("planted/streaks")
        let firstDay = (Timestamp.dayIndex(from - 1) + 1)
        let lastDay = Timestamp.dayIndex(to) - 1   // last day that ends by `to`
        let available = Int(lastDay - firstDay + 1)
        var bets: [Bet] = []
        var truth: [StreakTruth] = []
        if available >= spec.minDays + 1 {
            for i in 0..<spec.players {
                let player = firstPlayer + Int64(i)
                let longest = min(spec.maxDays, available - 1)
                let length = spec.minDays + Int(stream.uniformInt(below: UInt64(longest - spec.minDays + 1)))
                let baseDay = firstDay + Int64(stream.uniformInt(below: UInt64(available - length)))
                var stake = 2_000 + Int64(stream.uniformInt(below: 8_001))
                for k in 0...length {
                    if k > 0 { stake = (stake * (160 + Int64(stream.uniformInt(below: 81))) + 99) / 100 }
                    let n = 1 + Int64(stream.uniformInt(below: 4))
                    let dayStart = (baseDay + Int64(k)) * Timestamp.day
                    var times = (0..<n).map { _ in dayStart + Int64(stream.uniformInt(below: UInt64(Timestamp.day))) }
                    times.sort()
                    for (j, t) in times.enumerated() {
                        let part = stake / n + (Int64(j) < stake % n ? 1 : 0)
                        bets.append(source.makeBet(id: 0, player: player, at: t, stakeCents: part, stream: stream))
                    }
                }
                truth.append(StreakTruth(playerID: player, startDay: baseDay + 1, endDay: baseDay + Int64(length)))
            }
        }
        self.bets = bets.sorted { ($0.placedAt, $0.playerID) < ($1.placedAt, $1.playerID) }
        self.truth = truth.sorted { ($0.startDay, $0.playerID) < ($1.startDay, $1.playerID) }
    }

    /// Adds the planned bets placed in `block` (ids continue the block's
    /// sequence) and the truth rows of streaks starting in it.
    public func plant(_ block: Block, into records: inout [Bet], truth encoder: inout RecordEncoder) {
        var i = lowerBound(bets.count) { bets[$0].placedAt >= block.start }
        while i < bets.count, bets[i].placedAt < block.end {
            var bet = bets[i]
            bet.betID = block.idBase + Int64(records.count)
            records.append(bet)
            i += 1
        }
        var j = lowerBound(truth.count) { truth[$0].startDay * Timestamp.day >= block.start }
        while j < truth.count, truth[j].startDay * Timestamp.day < block.end {
            encoder.record(truth[j])
            j += 1
        }
    }

    /// The first index in `0..<count` where `predicate` holds (it is monotone).
    func lowerBound(_ count: Int, _ predicate: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
