/// Running a ``QueueingNetwork``, specialized here, and the common shapes of network.
///
/// ``Simulation/run(until:maxEvents:trace:)`` is generic and `@inlinable`;
/// calling it here makes the compiler specialize the run loop for
/// `QueueingNetwork` inside this module, where `handle(_:in:)` and every
/// component method can be inlined into it.

import SimCore
import Variates

extension Simulation where M == QueueingNetwork {
    /// Runs the network (see ``Simulation/run(until:maxEvents:trace:)``).
    public mutating func runNetwork(until stopTime: SimTime = .max, maxEvents: Int = .max) -> RunSummary {
        run(until: stopTime, maxEvents: maxEvents)
    }

    /// Runs the network, showing each event to `trace`.
    public mutating func runNetwork<T: TraceHook>(until stopTime: SimTime = .max, maxEvents: Int = .max,
                                                  trace: inout T) -> RunSummary {
        run(until: stopTime, maxEvents: maxEvents, trace: &trace)
    }
}

extension QueueingNetwork {
    /// A source feeding one station feeding a sink: G/G/c, G/G/c/K.
    ///
    /// Streams are `seeds.stream("arrivals")` and `seeds.stream("service")`.
    /// - Parameters:
    ///   - interarrival: gaps between arrivals, seconds (an exponential gives
    ///     Poisson arrivals).
    ///   - customers: the source's limit and the stop count (`nil`: no limit).
    /// - Throws: ``PlatformError`` naming the bad parameter.
    public static func singleStation(interarrival: Distribution, service: Distribution, servers: Int,
                                     capacity: Int? = nil, whenFull: Station.FullPolicy = .drop,
                                     customers: Int?, seeds: SeedTree, maxLevel: Int = 64) throws -> QueueingNetwork {
        try series(interarrival: interarrival, services: [service], servers: [servers], capacity: capacity,
                   whenFull: whenFull, customers: customers, seeds: seeds, maxLevel: maxLevel)
    }

    /// A source feeding stations in series, then a sink (a tandem line;
    /// with exponential service, a Jackson network). Station i is named
    /// `"station\(i + 1)"` and draws from the stream of that name; every
    /// station has the same `capacity` and full policy.
    /// - Throws: ``PlatformError`` naming the bad parameter.
    public static func series(interarrival: Distribution, services: [Distribution], servers: [Int],
                              capacity: Int? = nil, whenFull: Station.FullPolicy = .drop,
                              customers: Int?, seeds: SeedTree, maxLevel: Int = 64) throws -> QueueingNetwork {
        precondition(services.count == servers.count && !services.isEmpty,
                     "QueueingNetwork.series: one server count per service distribution")
        var network = QueueingNetwork()
        let sink = network.add(Sink(name: "sink"))
        for i in services.indices {
            let next = i + 1 < services.count ? Port(.station, i + 1) : sink
            let name = services.count == 1 ? "service" : "station\(i + 1)"
            network.add(try Station(name: name, servers: servers[i], service: services[i], capacity: capacity,
                                    whenFull: whenFull, output: next, stream: seeds.stream(name), maxLevel: maxLevel))
        }
        network.add(try Source(name: "arrivals", process: .renewal(interarrival), limit: customers,
                               output: Port(.station, 0), stream: seeds.stream("arrivals")))
        if let customers { network.stopAfterRecords = customers }
        return network
    }
}
