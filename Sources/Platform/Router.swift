/// A router: sends each job to one of N outputs, at once (no time passes).
///
/// By probability (a job goes to output i with probability pᵢ, from the
/// router's own stream), round-robin (0, 1, ..., N−1, 0, ...), or by key
/// hash (Kafka's default partitioner; see ``StableHash``), so a key always
/// reaches the same output.

import SimCore
import Variates

/// A router onto several outputs.
public struct Router {
    /// How outputs are chosen.
    public enum Rule: Sendable, Equatable {
        /// Output i with probability `weights[i] / sum(weights)`.
        case probability([Double])
        /// Each output in turn.
        case roundRobin
        /// `StableHash.partition(ofKey: job.key, partitions: outputs.count)`.
        case keyHash
    }

    /// The router's name.
    public let name: String
    /// The rule.
    public let rule: Rule
    /// The outputs, in order.
    public let outputs: [Port]
    /// Jobs sent to each output since the last reset.
    public internal(set) var sent: [Int]
    let cumulative: [Double]
    let stream: RandomStream
    var turn = 0

    /// A router onto `outputs`.
    /// - Throws: ``PlatformError`` for no output, or weights that are not
    ///   one per output, negative, not finite, or all zero.
    public init(name: String, rule: Rule, outputs: [Port], stream: RandomStream) throws {
        let field = "router \"\(name)\""
        guard !outputs.isEmpty else { throw PlatformError(field: field + ".outputs", "needs at least one output") }
        var cumulative: [Double] = []
        if case .probability(let weights) = rule {
            guard weights.count == outputs.count else {
                throw PlatformError(field: field + ".weights", "needs one weight per output (\(outputs.count)), got \(weights.count)")
            }
            for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
                throw PlatformError(field: field + ".weights[\(i)]", "must be a finite number of at least 0, got \(w)")
            }
            let total = weights.reduce(0, +)
            guard total > 0 else { throw PlatformError(field: field + ".weights", "at least one weight must be above 0") }
            var running = 0.0
            for w in weights { running += w / total; cumulative.append(running) }
            cumulative[cumulative.count - 1] = 1
        }
        self.name = name
        self.rule = rule
        self.outputs = outputs
        self.sent = Array(repeating: 0, count: outputs.count)
        self.cumulative = cumulative
        self.stream = stream
    }

    /// The output index for `job`, counted in ``sent``.
    /// - Complexity: O(outputs) for probability, O(1) round-robin, O(key digits) hash.
    mutating func choose(for job: Job) -> Int {
        let i: Int
        switch rule {
        case .probability:
            let u = stream.uniform()
            var k = 0
            while u >= cumulative[k] { k &+= 1 }
            i = k
        case .roundRobin:
            i = turn
            turn = turn &+ 1 == outputs.count ? 0 : turn &+ 1
        case .keyHash:
            i = StableHash.partition(ofKey: job.key, partitions: outputs.count)
        }
        sent[i] &+= 1
        return i
    }

    /// Forgets the counts.
    mutating func resetStatistics() {
        for i in sent.indices { sent[i] = 0 }
    }
}
