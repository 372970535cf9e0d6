import Metrics
import Platform
import SimCore
import Testing
import Variates

/// Independent replications of a network with the warm-up removed, and the
/// checks every theory test shares: the 95% t interval of the replication
/// means must contain the analytic value, and Little's law must hold on
/// every station of every run.
///
/// Seeds: replication r of a model named M uses `SeedTree(root: 20_261_201)
/// .subtree(M).replication(r)`, r = 0 ..< 30. They were fixed before any
/// test was run and are never tuned.
enum Replications {
    /// The root seed of the validation target.
    static let root: UInt64 = 20_261_201
    /// Replications per model (the issue asks for at least 30).
    static let count = 30

    /// Runs `count` replications of the network `build` makes from a seed tree.
    static func run(_ model: String, warmUpSeconds: Double, count: Int = Replications.count,
                    _ build: (SeedTree) throws -> QueueingNetwork) throws -> [NetworkResult] {
        let tree = SeedTree(root: root).subtree(model)
        return try (0..<count).map { r in
            let network = try build(tree.replication(r))
            let result = network.simulate(warmUp: SimClock.nanoseconds(seconds: warmUpSeconds))
            #expect(result.conservation.holds, "\(model) replication \(r): conservation \(result.conservation)")
            #expect(!result.overflowed, "\(model) replication \(r) overflowed")
            checkLittlesLaw(result, model: model, replication: r)
            return result
        }
    }

    /// The 95% t interval of `values` (one per replication).
    static func interval(_ values: [Double]) throws -> ConfidenceInterval {
        try #require(try ConfidenceInterval(observations: values, level: 0.95))
    }

    /// Expects the 95% interval of `values` to contain `analytic`.
    static func expectCovers(_ values: [Double], _ analytic: Double, _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ci = try interval(values)
        #expect(ci.contains(analytic),
                "\(what): 95% CI \(ci.lower) ... \(ci.upper) (mean \(ci.mean)) misses the analytic \(analytic)",
                sourceLocation: sourceLocation)
    }

    /// L = λ W on every station: the time-weighted mean number in the
    /// station against (admitted arrivals per second) × (mean sojourn), to
    /// 0.5% (the two differ only by the jobs straddling the window's ends).
    static func checkLittlesLaw(_ result: NetworkResult, model: String, replication: Int) {
        for (name, s) in result.stations {
            guard let l = s.meanInSystem, let lambda = s.arrivalRate, let w = s.meanSojourn else {
                Issue.record("\(model) replication \(replication) station \(name): empty window")
                continue
            }
            let relative = abs(l - lambda * w) / l
            #expect(relative < 0.005,
                    "\(model) replication \(replication) station \(name): L = \(l), λW = \(lambda * w)")
        }
    }

    /// One value per replication from station `index`'s summary.
    static func values(_ results: [NetworkResult], station index: Int = 0,
                       _ pick: (StationSummary) -> Double?) throws -> [Double] {
        try results.map { try #require(pick($0.stations[index].summary)) }
    }
}
