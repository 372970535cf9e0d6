/// Wiring a scenario's components into a Platform ``QueueingNetwork``:
/// one port per component, every random stream named after its component
/// (`component.<name>`) under the replication's seed tree, so adding a
/// component never changes the draws of another.

import Platform
import SimCore
import Variates

/// A scenario's network, ready to run, with the index of each component.
struct NetworkWiring {
    /// The network.
    var network: QueueingNetwork
    /// Station index of each station component, by component index.
    let stationIndex: [Int: Int]
    /// Delay index of each delay component, by component index.
    let delayIndex: [Int: Int]

    /// Builds the network of `scenario` for the replication with `seeds`.
    /// - Throws: ``PlatformError`` when a component refuses its parameters
    ///   (decoding has checked them; this is a second line).
    init(_ scenario: Scenario, seeds: SeedTree) throws {
        var ports: [String: Port] = [:]
        var stations: [Int: Int] = [:], delays: [Int: Int] = [:]
        var counts = (station: 0, delay: 0, router: 0, sink: 0)
        for (i, c) in scenario.components.enumerated() {
            switch c.kind {
            case .station: ports[c.name] = Port(.station, counts.station); stations[i] = counts.station; counts.station += 1
            case .delay: ports[c.name] = Port(.delay, counts.delay); delays[i] = counts.delay; counts.delay += 1
            case .router: ports[c.name] = Port(.router, counts.router); counts.router += 1
            case .sink: ports[c.name] = Port(.sink, counts.sink); counts.sink += 1
            case .source: break
            }
        }
        var network = QueueingNetwork()
        network.maxJobsInFlight = 2_000_000
        func port(_ c: ComponentSpec, _ k: Int = 0) -> Port {
            guard let p = ports[c.outputs[k]] else { preconditionFailure("NetworkWiring: `\(c.name)` sends to unknown `\(c.outputs[k])` after validation") }
            return p
        }
        // Components are added in kind order so that each index matches its port.
        for c in scenario.components {
            let stream = seeds.stream("component." + c.name)
            switch c.role {
            case .station(let servers, let service, let capacity, let blocks):
                network.add(try Station(name: c.name, servers: servers, service: service, capacity: capacity,
                                        whenFull: blocks ? .block : .drop, output: port(c), stream: stream))
            default: break
            }
        }
        for c in scenario.components {
            if case .delay(let d) = c.role {
                network.add(try Delay(name: c.name, duration: d, output: port(c), stream: seeds.stream("component." + c.name)))
            }
        }
        for c in scenario.components {
            guard case .router(let rule) = c.role else { continue }
            let platformRule: Router.Rule
            switch rule {
            case .probability(let w): platformRule = .probability(w)
            case .roundRobin: platformRule = .roundRobin
            case .keyHash: platformRule = .keyHash
            }
            network.add(try Router(name: c.name, rule: platformRule, outputs: c.outputs.indices.map { port(c, $0) },
                                   stream: seeds.stream("component." + c.name)))
        }
        for c in scenario.components where c.kind == .sink { network.add(Sink(name: c.name)) }
        for c in scenario.components {
            guard case .source(let arrivals, let limit) = c.role else { continue }
            let process: ArrivalProcess
            switch arrivals {
            case .poisson(let rate): process = .poisson(rate: rate)
            case .renewal(let d): process = .renewal(d)
            case .profile(_, let points): process = .nonHomogeneous(try RateProfile(points: points))
            }
            network.add(try Source(name: c.name, process: process, keys: .uniform(count: 1 << 20), limit: limit,
                                   output: port(c), stream: seeds.stream("component." + c.name)))
        }
        try network.validateConnections()
        self.network = network
        self.stationIndex = stations
        self.delayIndex = delays
    }
}
