/// A pure delay: every job is held for a drawn time, independently (an
/// infinite-server station: no waiting, no capacity). Network hops, fixed
/// processing lags and think times are delays.

import Metrics
import SimCore
import Variates

/// An infinite-server delay.
public struct Delay {
    /// The delay's name.
    public let name: String
    /// The holding time distribution, seconds (negative draws count as 0).
    public let duration: Distribution
    /// Where jobs go afterwards.
    public var output: Port
    let stream: RandomStream
    /// Jobs being held now.
    public internal(set) var holding = 0
    /// Jobs held over time (time-weighted mean = λ × mean delay).
    public internal(set) var inFlight = TimeWeighted()
    /// Holding times measured, seconds.
    public internal(set) var durations = Welford()

    /// A delay sending to `output`.
    /// - Throws: ``PlatformError`` if the distribution's mean is not finite and at least 0.
    public init(name: String, duration: Distribution, output: Port, stream: RandomStream) throws {
        guard duration.mean.isFinite, duration.mean >= 0 else {
            throw PlatformError(field: "delay \"\(name)\".duration", "must have a finite mean of at least 0 s, got \(duration)")
        }
        self.name = name
        self.duration = duration
        self.output = output
        self.stream = stream
    }

    /// Takes `job` now and schedules its release. - Complexity: O(log pending).
    @inline(__always)
    mutating func arrive(_ job: Int32, index: Int32, pool: inout JobPool, calendar: inout EventCalendar) {
        let now = calendar.now
        pool[job].enteredAt = now
        holding &+= 1
        inFlight.update(to: Double(holding), at: now)
        let seconds = duration.sample(stream)
        let nanos = seconds > 0 ? SimClock.nanoseconds(seconds: seconds) : 0
        calendar.schedule(at: now &+ nanos, target: index, kind: NetworkEvent.delayEnd.rawValue, payload: Int64(job))
    }

    /// Records that `job` leaves now.
    @inline(__always)
    mutating func release(_ job: Int32, pool: inout JobPool, now: SimTime) {
        holding &-= 1
        inFlight.update(to: Double(holding), at: now)
        durations.add(SimClock.seconds(now &- pool[job].enteredAt))
    }

    /// Starts a new window at `time`.
    mutating func resetStatistics(at time: SimTime) {
        inFlight.reset(at: time)
        durations.reset()
    }
}
