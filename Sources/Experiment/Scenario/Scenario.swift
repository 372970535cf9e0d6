/// A scenario as decoded from its file: what to simulate, for how long,
/// with which objectives and expectations. Plain values; decoding is in
/// ``ScenarioFile``, wiring and running in ``ScenarioRunner``.

import Planning
import Platform
import Variates
import Workloads

/// One scenario file, decoded and validated.
public struct Scenario: Sendable {
    /// The name (`Reports/<name>/`).
    public var name: String
    /// A paragraph for the report.
    public var description: String
    /// The root seed.
    public var seed: UInt64
    /// The UTC time of simulated time 0, µs since the epoch.
    public var start: Int64
    /// Simulated time of one replication, µs.
    public var horizon: Int64
    /// Discarded start of each replication, µs.
    public var warmUp: Int64
    /// Independent replications, ≥ 1.
    public var replications: Int
    /// Spacing of the time series, µs.
    public var sampleEvery: Int64
    /// The workload, when the file has one.
    public var workload: Workload?
    /// The components in file order (empty in a streaming scenario).
    public var components: [ComponentSpec]
    /// The stream jobs of a streaming scenario (`streaming:`), in file
    /// order; empty for a plain queueing network. A scenario has either
    /// components or streaming pipelines, never both.
    public var streaming: [StreamingPipeline] = []
    /// The latency objectives.
    public var slos: [SLO]
    /// The clouds to price and the override file, if any.
    public var prices: PriceChoice
    /// The object store behind the sinks, if the file has `storage:`.
    public var storage: StorageSection?
    /// The batch side (`batch:`: CDC connectors, file drops, nightly ELT), if the file has one.
    public var batch: BatchSection? = nil
    /// The expectations of `headroom check`.
    public var expectations: [Expectation]
    /// Configurations that can run but cannot work as intended, with the reason.
    public var warnings: [ConfigIssue]

    /// The component named `name`.
    public func component(_ name: String) -> ComponentSpec? { components.first { $0.name == name } }
}

/// One stream job of a streaming scenario with everything it needs: the
/// regions, the Kafka cluster (with the job's topic), the job, and what the
/// job calls. Pipelines are simulated one after the other, each by its own
/// ``Platform/StreamingModel`` under its own seed subtree.
public struct StreamingPipeline: Sendable {
    /// The job's name: the prefix of its stages (`scoring.kafka`) when the
    /// scenario has several jobs, and the name of the sink of its output.
    public var name: String
    /// The Platform configuration (its `fraudModel` source is resolved when the scenario runs).
    public var configuration: StreamingConfiguration

    /// A pipeline.
    public init(name: String, configuration: StreamingConfiguration) {
        self.name = name
        self.configuration = configuration
    }
}

/// A component of the network.
public struct ComponentSpec: Sendable {
    /// Its name in the file.
    public var name: String
    /// What it is and its parameters.
    public var role: Role
    /// The names of the components it sends to (one, or a router's several).
    public var outputs: [String]

    /// The kind-specific parameters.
    public enum Role: Sendable {
        /// Arrivals.
        case source(SourceArrivals, limit: Int?)
        /// A queue with `servers` servers.
        case station(servers: Int, service: Distribution, capacity: Int?, blocks: Bool)
        /// A pure delay.
        case delay(Distribution)
        /// A router.
        case router(RouterRule)
        /// A sink.
        case sink
    }

    /// How a source draws arrival times.
    public enum SourceArrivals: Sendable {
        /// Poisson at a rate per second.
        case poisson(Double)
        /// Renewal gaps (seconds).
        case renewal(Distribution)
        /// Poisson following a workload stream's rate curve: `(time s, rate /s)` points.
        case profile(stream: String, points: [(time: Double, rate: Double)])
    }

    /// How a router picks.
    public enum RouterRule: Sendable {
        /// By weights (one per output).
        case probability([Double])
        /// Each output in turn.
        case roundRobin
        /// By a stable hash of the job's key.
        case keyHash
    }

    /// The kind.
    public var kind: ComponentKind {
        switch role {
        case .source: return .source
        case .station: return .station
        case .delay: return .delay
        case .router: return .router
        case .sink: return .sink
        }
    }
}

/// A latency objective: `p99 <= 5s`, end to end or for one stage.
public struct SLO: Sendable, Equatable {
    /// The label in the report.
    public var name: String
    /// The percentile, 0 < p ≤ 100 (100 is the maximum).
    public var percentile: Double
    /// `true` for `<`, `false` for `<=`.
    public var strict: Bool
    /// The bound, seconds.
    public var boundSeconds: Double
    /// The station or delay it applies to, `nil` for end to end.
    public var stage: String?

    /// `p99 <= 5s` as written back.
    public var objectiveText: String {
        "\(SLO.percentileName(percentile)) \(strict ? "<" : "<=") \(TimeSpan(seconds: boundSeconds).formatted)"
    }

    /// `p99`, `p99.9`, `max`.
    public static func percentileName(_ p: Double) -> String {
        if p >= 100 { return "max" }
        return p == p.rounded() ? "p\(Int(p))" : "p\(p)"
    }
}

/// The clouds to price and the user's overrides.
public struct PriceChoice: Sendable {
    /// Clouds among gcp, aws, azure, in that order.
    public var clouds: [String]
    /// The overriding price file as resolved (relative to the scenario), if any.
    public var file: String?
    /// Its entries, loaded at validation.
    public var overrides: PriceOverrides?
}
