/// Interning of the text keys of card transactions into dense `Int32` ids,
/// in order of first appearance (so ids are deterministic for a given input
/// order). Used by readers; the scoring hot path sees only the ids.

/// Maps card tokens, merchant ids and country codes to dense ids.
///
/// Memory grows with the number of distinct keys in the input (one
/// dictionary entry per key); the per-card *window* state is bounded
/// separately by ``FraudFeatureStore``.
public final class TransactionInterner {
    private var cards: [String: Int32] = [:]
    private var merchants: [String: Int32] = [:]
    private var countries: [String: Int32] = [:]

    /// An empty interner.
    public init() {}

    /// Number of distinct card tokens seen.
    public var cardCount: Int { cards.count }
    /// Number of distinct merchant ids seen.
    public var merchantCount: Int { merchants.count }
    /// Number of distinct country codes seen (transaction and card countries).
    public var countryCount: Int { countries.count }

    /// The id of `key` in `table`, assigning the next id on first sight.
    /// - Complexity: O(length of key), one dictionary lookup.
    private static func id(_ key: String, in table: inout [String: Int32]) -> Int32 {
        if let id = table[key] { return id }
        precondition(table.count < Int(Int32.max), "more than 2^31 - 1 distinct keys")
        let id = Int32(table.count)
        table[key] = id
        return id
    }

    /// The compact form of `txn`, interning any new key.
    /// - Complexity: four dictionary lookups.
    public func compact(_ txn: CardTransaction) -> CompactTransaction {
        CompactTransaction(
            card: Self.id(txn.cardToken, in: &cards),
            merchant: Self.id(txn.merchantID, in: &merchants),
            country: Self.id(txn.country, in: &countries),
            cardCountry: Self.id(txn.cardCountry, in: &countries),
            mcc: Int16(txn.mcc),
            amountUnits: txn.amountUnits,
            timestampMicros: txn.timestampMicros
        )
    }
}
