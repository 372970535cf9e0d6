/// Interning of the text keys of ``CardTransaction`` records into dense
/// `Int32` ids (``KeyInterner``, in order of first appearance, so ids are
/// deterministic for a given input order), for callers that hold records
/// rather than a ``TransactionLog``. The scoring hot path sees only the ids.

/// Maps card tokens, merchant ids and country codes to dense ids.
///
/// Memory grows with the number of distinct keys in the input (each key
/// stored once); the per-card *window* state is bounded
/// separately by ``FraudFeatureStore``.
public final class TransactionInterner {
    private var cards = KeyInterner()
    private var merchants = KeyInterner()
    private var countries = KeyInterner(capacity: 256)

    /// An empty interner.
    public init() {}

    /// Number of distinct card tokens seen.
    public var cardCount: Int { cards.count }
    /// Number of distinct merchant ids seen.
    public var merchantCount: Int { merchants.count }
    /// Number of distinct country codes seen (transaction and card countries).
    public var countryCount: Int { countries.count }

    /// The compact form of `txn`, interning any new key.
    /// - Complexity: four hash-table lookups.
    public func compact(_ txn: CardTransaction) -> CompactTransaction {
        CompactTransaction(
            card: cards.intern(txn.cardToken),
            merchant: merchants.intern(txn.merchantID),
            country: countries.intern(txn.country),
            cardCountry: countries.intern(txn.cardCountry),
            mcc: Int16(txn.mcc),
            amountUnits: txn.amountUnits,
            timestampMicros: txn.timestampMicros
        )
    }
}
