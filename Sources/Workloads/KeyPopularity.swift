/// Which key (player, user, card) an event belongs to.
///
/// Background popularity is Zipf over `count` keys with exponent `s`
/// (``Variates/ZipfKeys``: key 1 is the most popular, key k has probability
/// ∝ k^−s; s = 0 is uniform). On top, explicit hot keys take a fixed share of
/// all events, the way Nexmark models hot auctions and bidders: with
/// probability Σ shares an event goes to a hot key (chosen in proportion to
/// its share), otherwise to a Zipf draw. A hot key's total share is therefore
/// `share + (1 − Σ shares) × zipf(key)`.
///
/// Salting splits each hot key into `salt` sub-keys (`key#0 … key#K−1`,
/// uniformly), the remedy the seeds suggest for a hot partition; the record
/// keeps its key, the sub-key is what a producer would partition by.

import Variates

/// Key popularity: Zipf plus hot keys, with optional salting.
public struct KeyPopularity: Sendable {
    /// Keys are `1...count`.
    public let count: Int
    /// The Zipf exponent s.
    public let exponent: Double
    /// Hot keys and their shares of all events.
    public let hotKeys: [(key: Int64, share: Double)]
    /// Sub-keys per hot key (1 = no salting).
    public let salt: Int
    let zipf: ZipfKeys?
    let hotTable: AliasTable?
    let hotShare: Double

    /// Popularity over keys `1...count`.
    /// - Precondition: validated input: `count ≥ 1`, `exponent ≥ 0`, hot keys
    ///   in range with shares in (0, 1] summing to at most 1, `salt ≥ 1`.
    public init(count: Int, exponent: Double, hotKeys: [(key: Int64, share: Double)] = [], salt: Int = 1) {
        precondition(count >= 1 && exponent >= 0 && exponent.isFinite && salt >= 1, "key popularity must be validated before use")
        let total = hotKeys.reduce(0) { $0 + $1.share }
        precondition(total <= 1 + 1e-12 && hotKeys.allSatisfy { $0.key >= 1 && $0.key <= Int64(count) && $0.share > 0 },
                     "hot keys must be in range with shares summing to at most 1")
        self.count = count
        self.exponent = exponent
        self.hotKeys = hotKeys
        self.salt = salt
        self.zipf = exponent == 0 ? nil : try! ZipfKeys(keys: count, exponent: exponent)
        self.hotTable = hotKeys.isEmpty ? nil : try! AliasTable(weights: hotKeys.map(\.share), parameter: "hot")
        self.hotShare = total
    }

    /// A key in `1...count`.
    /// - Complexity: O(1): one or two uniform draws and an alias lookup.
    public func sample(_ stream: RandomStream) -> Int64 {
        if let hotTable, stream.uniform() < hotShare {
            return hotKeys[hotTable.sample(stream)].key
        }
        if let zipf { return Int64(zipf.sample(stream)) + 1 }
        return Int64(stream.uniformInt(below: UInt64(count))) + 1
    }

    /// The probability that an event has `key` (hot share plus Zipf share).
    public func probability(ofKey key: Int64) -> Double {
        let background = zipf.map { $0.probability(ofKey: Int(key - 1)) } ?? 1 / Double(count)
        let hot = hotKeys.filter { $0.key == key }.reduce(0) { $0 + $1.share }
        return hot + (1 - hotShare) * background
    }

    /// `true` when `key` is one of the hot keys.
    public func isHot(_ key: Int64) -> Bool { hotKeys.contains { $0.key == key } }

    /// The partition key of an event with `key`: the key itself, or for a
    /// hot key with salting one of its `salt` sub-keys, drawn uniformly.
    public func partitionKey(_ key: Int64, _ stream: RandomStream) -> SaltedKey {
        guard salt > 1, isHot(key) else { return SaltedKey(key: key, salt: nil) }
        return SaltedKey(key: key, salt: Int(stream.uniformInt(below: UInt64(salt))))
    }
}

/// A key and, for a salted hot key, its sub-key index.
public struct SaltedKey: Sendable, Hashable, CustomStringConvertible {
    /// The record's key.
    public let key: Int64
    /// The sub-key index in `0..<salt`, nil when the key is not salted.
    public let salt: Int?

    /// `42` or `42#3`.
    public var description: String { salt.map { "\(key)#\($0)" } ?? "\(key)" }
}
