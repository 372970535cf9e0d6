/// Page views. Without a session shape, each arrival is one event of a
/// popular user. With one, arrivals are *visits* at rate λ(t)/meanEvents:
/// a visit has a geometric number of events (mean `meanEvents`) separated
/// by in-session gaps, and with probability `pauseProbability` a gap is a
/// pause of `timeout ± pauseJitter` (uniform), the cases that decide whether
/// a 30-minute sessionizer splits the visit. The event rate is λ(t) on
/// average, spread after each visit's start. A visit ends at its block's
/// horizon (the lookback past the block's end, 2 h by default).

import CGSL
import Variates

/// Generates the page views of a block.
public struct PageViewSource: RecordSource {
    /// Arrivals of events, or of visits when `sessions` is set.
    public let arrivals: ArrivalProcess
    /// User popularity.
    public let users: KeyPopularity
    /// Visit shape, if any.
    public let sessions: SessionSpec?
    let pages: AliasTable
    let eventTypes: AliasTable

    /// A source. With sessions, the curve is scaled by `1/meanEvents`.
    public init(rate: RateCurve, meanBatchSize: Double, users: KeyPopularity, sessions: SessionSpec?) {
        var curve = rate
        if let sessions { curve.base /= sessions.meanEvents }
        self.arrivals = ArrivalProcess(curve: curve, meanBatchSize: meanBatchSize)
        self.users = users
        self.sessions = sessions
        self.pages = try! AliasTable(weights: Vocabulary.pages.indices.map { 1 / Double($0 + 1) })
        self.eventTypes = try! AliasTable(weights: Vocabulary.eventTypeWeights)
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [PageView]) {
        // Arrival times first, then every arrival's user in a tight loop
        // (large user tables miss the cache; the processor overlaps those
        // misses there), then the events.
        var starts: [Int64] = []
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { starts.append($0) }
        var who = [Int64](repeating: 0, count: starts.count)
        for i in starts.indices { who[i] = users.sample(stream) }
        guard let sessions else {
            records.reserveCapacity(records.count + starts.count)
            for i in starts.indices { records.append(event(user: who[i], at: starts[i], stream: stream)) }
            return
        }
        let p = 1 / sessions.meanEvents
        for (start, user) in zip(starts, who) {
            let n = p >= 1 ? 1 : Int(gsl_ran_geometric(stream.gsl, p))
            var t = start
            for i in 0..<n {
                if i > 0 {
                    if stream.uniform() < sessions.pauseProbability {
                        t += sessions.timeout - sessions.pauseJitter
                            + Int64(stream.uniformInt(below: UInt64(2 * sessions.pauseJitter + 1)))
                    } else {
                        t += max(1, Int64(sessions.gap.sample(stream) * 1e6))
                    }
                }
                if t > block.horizon { break }
                records.append(event(user: user, at: t, stream: stream))
            }
        }
    }

    @inline(__always)
    func event(user: Int64, at t: Int64, stream: RandomStream) -> PageView {
        PageView(userID: user, eventTS: t, pageIndex: UInt8(pages.sample(stream)),
                 eventTypeIndex: UInt8(eventTypes.sample(stream)), arrival: t)
    }
}
