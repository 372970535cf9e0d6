/// What a station measures, all in Metrics types, all reset at the warm-up.
///
/// - waiting time (arrival to start of service): ``StationStatistics/waits``
///   (Welford, seconds) and the share of jobs that waited at all;
/// - sojourn time (arrival to leaving, blocking included):
///   ``StationStatistics/sojourns`` (LatencyHistogram: exact mean, p50 ... p99.9);
/// - number in the station over time: ``StationStatistics/inSystem``
///   (LevelTimes: time-weighted mean L and the state probabilities P(N = n));
/// - queue length over time: ``StationStatistics/queueLength`` (TimeWeighted);
/// - busy servers over time: ``StationStatistics/busyServers`` (TimeWeighted;
///   utilization = mean / servers);
/// - counts of arrivals offered, admitted, dropped (full buffer) and departed.

import Metrics
import SimCore

/// The statistics of one station since the last reset.
public struct StationStatistics: Sendable {
    /// Waiting times in seconds (time in queue before service).
    public var waits = Welford()
    /// Sojourn times (time in the station), in ns; values above an hour are
    /// recorded as an hour (see ``LatencyHistogram``).
    public var sojourns: LatencyHistogram
    /// Exact sum of the sojourn times, seconds (for the mean, unclamped).
    public var sojournSumSeconds = 0.0
    /// Jobs in the station (waiting, in service, blocked) over time.
    public var inSystem: LevelTimes
    /// Jobs waiting over time.
    public var queueLength: TimeWeighted
    /// Servers busy (serving or blocked) over time.
    public var busyServers: TimeWeighted
    /// Arrivals offered, admitted or not.
    public var offered = 0
    /// Arrivals admitted.
    public var admitted = 0
    /// Arrivals dropped because the station was full.
    public var dropped = 0
    /// Jobs that had to wait (wait > 0) before service.
    public var waited = 0
    /// Jobs that left.
    public var departed = 0

    /// Empty statistics, with state-probability slots for levels `0 ... maxLevel`.
    init(maxLevel: Int) {
        sojourns = LatencyHistogram()
        // maxLevel is validated by Station.init.
        inSystem = try! LevelTimes(maxLevel: maxLevel)
        queueLength = TimeWeighted()
        busyServers = TimeWeighted()
    }

    /// Starts a new window at `time`, keeping the current levels.
    mutating func reset(at time: SimTime) {
        waits.reset()
        sojourns.reset()
        sojournSumSeconds = 0
        inSystem.reset(at: time)
        queueLength.reset(at: time)
        busyServers.reset(at: time)
        offered = 0; admitted = 0; dropped = 0; waited = 0; departed = 0
    }

    /// A summary in seconds at time `now`, for a station with `servers` servers.
    public func summary(at now: SimTime, servers: Int) -> StationSummary {
        let window = SimClock.seconds(now - inSystem.signal.startNanos)
        return StationSummary(
            windowSeconds: window,
            offered: offered, admitted: admitted, dropped: dropped, departed: departed,
            meanWait: waits.mean,
            probabilityOfWait: waits.count > 0 ? Double(waited) / Double(waits.count) : nil,
            meanSojourn: departed > 0 ? sojournSumSeconds / Double(departed) : nil,
            sojournsAboveRange: sojourns.aboveRangeCount,
            sojournPercentiles: sojourns.percentiles(),
            meanInSystem: inSystem.mean(at: now),
            meanQueueLength: queueLength.mean(at: now),
            utilization: busyServers.mean(at: now).map { $0 / Double(servers) },
            maxQueueLength: Int(queueLength.max),
            queueLengthNow: Int(queueLength.current),
            arrivalRate: window > 0 ? Double(admitted) / window : nil,
            blockingProbability: offered > 0 ? Double(dropped) / Double(offered) : nil,
            stateProbabilities: inSystem.probabilities(at: now) ?? [])
    }
}

/// A station's results over an observation window, in seconds.
public struct StationSummary: Sendable, Equatable {
    /// Length of the observation window, s.
    public let windowSeconds: Double
    /// Arrivals offered, admitted, dropped; departures.
    public let offered: Int, admitted: Int, dropped: Int, departed: Int
    /// Mean waiting time, s.
    public let meanWait: Double?
    /// Share of served jobs that waited.
    public let probabilityOfWait: Double?
    /// Mean sojourn time, s (exact, also above an hour).
    public let meanSojourn: Double?
    /// Sojourns above an hour: the percentiles cap them at one hour.
    public let sojournsAboveRange: UInt64
    /// Sojourn percentiles, s.
    public let sojournPercentiles: Percentiles?
    /// Time-weighted mean number in the station (L).
    public let meanInSystem: Double?
    /// Time-weighted mean number waiting (Lq).
    public let meanQueueLength: Double?
    /// Mean busy servers ÷ servers.
    public let utilization: Double?
    /// Longest queue seen in the window; queue length at the end.
    public let maxQueueLength: Int, queueLengthNow: Int
    /// Admitted arrivals per second (λ for Little's law).
    public let arrivalRate: Double?
    /// Dropped ÷ offered.
    public let blockingProbability: Double?
    /// Share of the window with n jobs in the station, n = 0 ... maxLevel,
    /// then the share above maxLevel (empty for a window of zero length).
    public let stateProbabilities: [Double]
}
