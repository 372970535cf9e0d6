/// Zipf key popularity over N keys, as integer keys for workloads.
///
/// Rank k ∈ 1…N has probability k^(−s) / H(N, s), where H is the generalized
/// harmonic number. Sampling is O(1) through an alias table built in O(N).

import Foundation

/// Zipf-distributed integer keys `0..<keys` (key 0 is the most popular).
public struct ZipfKeys: Sendable {
    /// Number of keys N.
    public let keys: Int
    /// The exponent s (0 is uniform; about 1 is typical web popularity).
    public let exponent: Double
    @usableFromInline let alias: AliasTable

    /// Builds the alias table for N keys with exponent s.
    /// - Throws: ``VariatesError`` for N < 1 or a non-finite or negative s.
    /// - Complexity: O(N) time and memory.
    public init(keys: Int, exponent: Double) throws {
        self.keys = keys
        self.exponent = exponent
        alias = try AliasTable(weights: ZipfKeys.weights(keys: keys, exponent: exponent), parameter: "zipf")
    }

    /// A key in `0..<keys`; key k has rank k + 1.
    @inlinable
    public func sample(_ stream: RandomStream) -> Int {
        alias.sample(stream)
    }

    /// The probability of key `key` (rank `key + 1`).
    public func probability(ofKey key: Int) -> Double {
        alias.probabilities[key]
    }

    /// Unnormalized weights k^(−s) for ranks 1…N, validated.
    static func weights(keys: Int, exponent: Double) throws -> [Double] {
        guard keys >= 1 else {
            throw VariatesError(parameter: "n", "Zipf needs at least 1 key, got \(keys)")
        }
        guard exponent.isFinite else {
            throw VariatesError(parameter: "s", "the Zipf exponent must be a finite number, got \(exponent)")
        }
        guard exponent >= 0 else {
            throw VariatesError(parameter: "s", "the Zipf exponent must be at least 0, got \(exponent)")
        }
        return (1...keys).map { 1 / Foundation.pow(Double($0), exponent) }
    }
}

