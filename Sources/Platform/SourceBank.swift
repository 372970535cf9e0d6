/// A bank of independent Poisson sources: many producers as one component.
///
/// Ten thousand producers, one per device or per user, are each a Poisson
/// process with its own rate. Modelled as ten thousand ``Source``
/// components they would cost ten thousand random streams and structs
/// scattered over memory; a bank keeps their rates and counters in two flat
/// arrays and draws every gap from one stream, in event order. Each member
/// still has exactly one pending arrival event (target = the bank, payload =
/// the member), so the calendar holds as many events as there are members:
/// the superposition is the same Poisson process of total rate Σ rateᵢ, and
/// each member's own arrivals are Poisson at its rate.

import SimCore
import Variates

/// `count` independent Poisson sources sharing one stream.
public struct SourceBank {
    /// The bank's name (its stream is derived from it).
    public let name: String
    /// Rate of each member, per second.
    public let rates: [Double]
    /// Where every member's jobs go.
    public var output: Port
    /// Mean gap of each member, seconds (empty when every member has the same rate).
    let meanGaps: [Double]
    /// The mean gap shared by every member when their rates are equal, seconds.
    let commonMeanGap: Double?
    /// Jobs created by the bank (all members).
    public internal(set) var created = 0
    let stream: RandomStream

    /// A bank of one member per rate.
    /// - Throws: ``PlatformError`` for no member or a rate that is not finite and positive.
    public init(name: String, rates: [Double], output: Port, stream: RandomStream) throws {
        guard !rates.isEmpty else { throw PlatformError(field: "source bank \"\(name)\".rates", "needs at least one member") }
        for (i, r) in rates.enumerated() where !(r.isFinite && r > 0) {
            throw PlatformError(field: "source bank \"\(name)\".rates[\(i)]", "must be a finite rate above 0 per second, got \(r)")
        }
        self.name = name
        self.rates = rates
        self.output = output
        let equal = rates.allSatisfy { $0 == rates[0] }
        // Equal rates: one mean for all, so an event reads no per-member memory.
        self.meanGaps = equal ? [] : rates.map { 1 / $0 }
        self.commonMeanGap = equal ? 1 / rates[0] : nil
        self.stream = stream
    }

    /// Number of members.
    public var count: Int { rates.count }
    /// Total rate of the bank, per second.
    public var totalRate: Double { rates.reduce(0, +) }

    /// Schedules every member's first arrival.
    mutating func start(index: Int32, calendar: inout EventCalendar) {
        for member in rates.indices { scheduleNext(member: member, index: index, calendar: &calendar) }
    }

    /// Schedules member `member`'s next arrival.
    @inline(__always)
    mutating func scheduleNext(member: Int, index: Int32, calendar: inout EventCalendar) {
        let gap = stream.exponential(mean: commonMeanGap ?? meanGaps[member])
        calendar.schedule(at: calendar.now &+ SimClock.nanoseconds(seconds: gap), target: index,
                          kind: NetworkEvent.bankArrival.rawValue, payload: Int64(member))
    }

    /// The job of member `member`'s arrival now (key = member number, id =
    /// the bank's running count), and the member's next arrival scheduled.
    @inline(__always)
    mutating func emit(member: Int, index: Int32, calendar: inout EventCalendar) -> Job {
        let number = UInt64(created)
        created &+= 1
        scheduleNext(member: member, index: index, calendar: &calendar)
        return Job(id: number, key: UInt64(member), createdAt: calendar.now, source: index)
    }
}
