/// A source: creates jobs and sends them into the network.
///
/// The arrival processes:
/// - ``ArrivalProcess/poisson(rate:)``: exponential gaps at `rate` per
///   second, drawn by the stream's inlined `exponential(mean:)`;
/// - ``ArrivalProcess/renewal(_:)``: independent gaps from any Variates
///   `Distribution` in seconds (`exp(mean=1)` gives exactly the Poisson
///   numbers of the same stream: both call `exponential(mean:)`);
/// - ``ArrivalProcess/nonHomogeneous(_:)``: Poisson with a time-varying rate,
///   by thinning against the profile's maximum rate;
/// - ``ArrivalProcess/trace(_:)``: replay of recorded arrival times.
///
/// Each job gets a key for key-hash routing: its own number, or a uniform or
/// Zipf-distributed key drawn from the source's stream. A source stops after
/// `limit` jobs; while a full station with the block policy refuses its job,
/// it is blocked and generates nothing until the job is let in.

import SimCore
import Variates

/// How a source spaces its jobs in time.
public enum ArrivalProcess: Sendable {
    /// Poisson arrivals at `rate` per second.
    case poisson(rate: Double)
    /// Renewal arrivals: gaps drawn from a distribution, in seconds.
    case renewal(Distribution)
    /// Non-homogeneous Poisson arrivals following a rate profile.
    case nonHomogeneous(RateProfile)
    /// Replayed arrivals at the given times (ns, non-decreasing).
    case trace([SimTime])
}

/// How a source gives keys to its jobs.
public enum KeyChoice: Sendable {
    /// The job's number at its source (0, 1, 2, ...).
    case sequential
    /// Uniform over `0 ..< count`.
    case uniform(count: UInt64)
    /// Zipf over `0 ..< keys.keys` (hot keys).
    case zipf(ZipfKeys)
}

/// A generator of jobs.
public struct Source {
    /// The arrival process, flattened for the hot path.
    enum Mode: UInt8 { case renewal, nonHomogeneous, trace }

    // Hot fields first: one event reads these.
    /// Where its jobs go.
    public var output: Port
    let mode: Mode
    let keyMode: UInt8
    /// Jobs created so far.
    public internal(set) var created = 0
    /// The most jobs it creates (`Int.max` for no limit).
    public let limit: Int
    /// Gap distribution (renewal; Poisson is exponential gaps), seconds.
    let gaps: Distribution
    /// `true` for exponential gaps: drawn by the stream's inlined
    /// `exponential(mean:)`, exactly what `gaps.sample` does.
    let gapsAreExponential: Bool
    /// Its own random stream.
    let stream: RandomStream
    /// Mean gap in seconds (the thinning gap for a rate profile).
    let meanGap: Double
    /// Key space of uniform keys.
    let keyCount: UInt64
    /// Priority class of every job of this source (0 is served first).
    public let priority: UInt8
    // Cold fields.
    /// The source's name (its random stream is derived from it).
    public let name: String
    /// How arrivals are spaced.
    public let process: ArrivalProcess
    /// How keys are chosen.
    public let keys: KeyChoice
    let profile: RateProfile?
    let times: [SimTime]
    let zipf: ZipfKeys?
    /// Position in the trace for trace replay.
    var tracePosition = 0
    /// `true` while a refused job waits for room downstream.
    public internal(set) var isBlocked = false
    /// Total nanoseconds spent blocked (since the last statistics reset).
    public internal(set) var blockedNanos: SimTime = 0
    var blockedSince: SimTime = 0

    /// A source sending to `output`.
    /// - Parameters:
    ///   - limit: the most jobs to create; `nil` for no limit.
    ///   - priority: the priority class of its jobs (0 is served first).
    ///   - stream: its random stream (normally `seeds.stream(name)`).
    /// - Throws: ``PlatformError`` naming the field for a rate that is not
    ///   positive and finite, a distribution that can be negative or has a
    ///   mean of 0, an unsorted or negative trace, or a negative limit.
    public init(name: String, process: ArrivalProcess, keys: KeyChoice = .sequential, limit: Int? = nil,
                priority: UInt8 = 0, output: Port, stream: RandomStream) throws {
        let field = "source \"\(name)\""
        var profile: RateProfile? = nil
        var times: [SimTime] = []
        switch process {
        case .poisson(let rate):
            guard rate.isFinite, rate > 0 else {
                throw PlatformError(field: field + ".rate", "must be a finite rate above 0 per second, got \(rate)")
            }
            // Poisson arrivals are exponential gaps: the same draws as renewal(exp(mean = 1/rate)).
            gaps = try Distribution.exponential(mean: 1 / rate)
            mode = .renewal
        case .renewal(let d):
            guard d.mean.isFinite, d.mean > 0, d.cdf(-1e-300) == 0 else {
                throw PlatformError(field: field + ".interarrival", "must be a distribution of non-negative times with a finite mean above 0, got \(d)")
            }
            gaps = d
            mode = .renewal
        case .nonHomogeneous(let p):
            gaps = try Distribution.exponential(mean: 1 / p.maxRate)
            profile = p
            mode = .nonHomogeneous
        case .trace(let t):
            for i in t.indices where t[i] < 0 || (i > 0 && t[i] < t[i - 1]) {
                throw PlatformError(field: field + ".trace[\(i)]", "arrival times must be non-negative and non-decreasing, got \(t[i]) ns")
            }
            gaps = try Distribution.deterministic(1)
            times = t
            mode = .trace
        }
        if let limit, limit < 0 { throw PlatformError(field: field + ".limit", "must be at least 0, got \(limit)") }
        switch keys {
        case .sequential: keyMode = 0; keyCount = 0; zipf = nil
        case .uniform(let n):
            guard n > 0 else { throw PlatformError(field: field + ".keys", "a uniform key space needs at least 1 key") }
            keyMode = 1; keyCount = n; zipf = nil
        case .zipf(let z): keyMode = 2; keyCount = UInt64(z.keys); zipf = z
        }
        self.meanGap = gaps.mean
        self.gapsAreExponential = gaps.isExponential
        self.priority = priority
        self.profile = profile
        self.times = times
        self.name = name
        self.process = process
        self.keys = keys
        self.limit = limit ?? .max
        self.output = output
        self.stream = stream
    }

    /// The mean arrival rate per second where it is fixed (Poisson, renewal), else `nil`.
    public var meanRate: Double? { mode == .renewal ? 1 / meanGap : nil }

    /// Schedules the first arrival (at `calendar.now` plus a first gap).
    public mutating func start(index: Int32, calendar: inout EventCalendar) {
        scheduleNext(index: index, calendar: &calendar)
    }

    /// Schedules the next arrival event, unless the limit is reached.
    /// - Complexity: O(1) (thinning: expected maxRate/meanRate candidates).
    @inline(__always)
    mutating func scheduleNext(index: Int32, calendar: inout EventCalendar) {
        guard created < limit else { return }
        let now = calendar.now
        let at: SimTime
        if mode == .renewal {
            let gap = gapsAreExponential ? stream.exponential(mean: meanGap) : gaps.sample(stream)
            at = now &+ (gap > 0 ? SimClock.nanoseconds(seconds: gap) : 0)
        } else if mode == .nonHomogeneous {
            at = thinnedArrival(after: now)
        } else {
            guard tracePosition < times.count else { return }
            at = Swift.max(now, times[tracePosition])
            tracePosition += 1
        }
        calendar.schedule(at: at, target: index, kind: NetworkEvent.arrival.rawValue)
    }

    /// The next arrival of the non-homogeneous process after `now`, by thinning.
    func thinnedArrival(after now: SimTime) -> SimTime {
        let profile = self.profile.unsafelyUnwrapped
        var t = SimClock.seconds(now)
        repeat {
            t += stream.exponential(mean: meanGap)
        } while stream.uniform() * profile.maxRate >= profile.rate(at: t)
        return Swift.max(now, SimClock.nanoseconds(seconds: t))
    }

    /// Creates the job of the arrival happening now.
    @inline(__always)
    mutating func emit(index: Int32, now: SimTime) -> Job {
        let number = UInt64(created)
        created &+= 1
        let key: UInt64
        if keyMode == 0 { key = number } else if keyMode == 1 { key = stream.uniformInt(below: keyCount) } else {
            key = UInt64(zipf.unsafelyUnwrapped.sample(stream))
        }
        return Job(id: number, key: key, createdAt: now, priority: priority, source: index)
    }

    /// Marks the source blocked at `now` (its job was refused downstream).
    mutating func block(at now: SimTime) {
        isBlocked = true
        blockedSince = now
    }

    /// Unblocks the source at `now` and schedules its next arrival from now.
    mutating func unblock(index: Int32, calendar: inout EventCalendar) {
        isBlocked = false
        blockedNanos += calendar.now - blockedSince
        scheduleNext(index: index, calendar: &calendar)
    }

    /// Forgets the blocked time measured so far.
    mutating func resetStatistics(at time: SimTime) {
        blockedNanos = 0
        if isBlocked { blockedSince = time }
    }
}
