/// Running a network to its end and collecting every component's results.

import Metrics
import SimCore

/// The results of one run of a ``QueueingNetwork`` after its warm-up.
public struct NetworkResult: Sendable {
    /// Simulated time at the end, ns.
    public let endTime: SimTime
    /// Start of the observation window (the warm-up time), ns.
    public let warmUp: SimTime
    /// Events handled.
    public let events: Int
    /// Why the run stopped.
    public let reason: StopReason
    /// Each station's name and results, in network order.
    public let stations: [(name: String, summary: StationSummary)]
    /// Each sink's name and end-to-end latencies, in network order.
    public let sinks: [(name: String, latencies: LatencyHistogram, records: Int)]
    /// The conservation balance at the end.
    public let conservation: QueueingNetwork.Conservation
    /// `true` when the run was stopped by the in-flight guard (overload).
    public let overflowed: Bool
    /// Jobs in flight at the end.
    public let jobsInFlight: Int
    /// Peak jobs in flight (the job pool's high-water mark).
    public let peakJobsInFlight: Int
}

extension QueueingNetwork {
    /// Runs the network from time 0 until it is finished (records taken or
    /// overload), `stopTime`, `maxEvents` events or an empty calendar,
    /// resetting statistics at `warmUp`, and returns every result.
    /// - Precondition: the connections are valid (see ``validateConnections()``)
    ///   and the run conserves records (a failure is a kernel bug).
    public consuming func simulate(warmUp: SimTime = 0, until stopTime: SimTime = .max,
                                   maxEvents: Int = .max) -> NetworkResult {
        let calendar = start()
        var simulation = Simulation(model: self, calendar: calendar, warmUp: warmUp)
        let summary = simulation.runNetwork(until: stopTime, maxEvents: maxEvents)
        let now = simulation.now
        let model = simulation.model
        let conservation = model.conservation()
        precondition(conservation.holds, "QueueingNetwork: conservation broken: \(conservation)")
        return NetworkResult(
            endTime: now, warmUp: warmUp, events: summary.eventsHandled, reason: summary.reason,
            stations: model.stations.map { ($0.name, $0.summary(at: now)) },
            sinks: model.sinks.map { ($0.name, $0.latencies, $0.records) },
            conservation: conservation, overflowed: model.overflowed,
            jobsInFlight: model.pool.inFlight, peakJobsInFlight: model.pool.capacity)
    }
}
