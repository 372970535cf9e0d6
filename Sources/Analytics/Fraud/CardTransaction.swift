/// Card transactions as the fraud scorer sees them: the full record read
/// from a file (`txn_id, card_token, merchant_id, mcc, amount, currency,
/// country, card_country, ts[, is_fraud]`) and its compact form, in which
/// every text key is an `Int32` id so that the per-event hot path hashes no
/// strings.

/// One card transaction with its text keys, as read from a file.
public struct CardTransaction: Equatable, Sendable {
    /// The transaction's own id, echoed in the output.
    public var txnID: String
    /// The tokenized card (never a PAN); the key of the per-card state.
    public var cardToken: String
    /// The merchant's id.
    public var merchantID: String
    /// ISO 18245 merchant category code, 0...9999.
    public var mcc: Int
    /// The amount in 1/10,000 currency units (``FixedDecimal/units``): exact.
    public var amountUnits: Int64
    /// ISO 4217 currency code as given. Amounts are not converted between
    /// currencies: features assume each card spends in one currency.
    public var currency: String
    /// Country where the transaction happened.
    public var country: String
    /// Country that issued the card.
    public var cardCountry: String
    /// Time of the transaction in microseconds since 1970-01-01 00:00:00 UTC.
    public var timestampMicros: Int64
    /// The label when known (`true` = fraud); `nil` for unlabelled rows.
    public var isFraud: Bool?

    /// Creates a transaction record.
    /// - Precondition: `mcc` is in 0...9999 and `amountUnits >= 0`.
    public init(
        txnID: String, cardToken: String, merchantID: String, mcc: Int, amountUnits: Int64,
        currency: String, country: String, cardCountry: String, timestampMicros: Int64, isFraud: Bool? = nil
    ) {
        precondition((0...9999).contains(mcc), "an MCC has 4 digits (0...9999), got \(mcc)")
        precondition(amountUnits >= 0, "a transaction amount is never negative, got \(amountUnits) units")
        self.txnID = txnID
        self.cardToken = cardToken
        self.merchantID = merchantID
        self.mcc = mcc
        self.amountUnits = amountUnits
        self.currency = currency
        self.country = country
        self.cardCountry = cardCountry
        self.timestampMicros = timestampMicros
        self.isFraud = isFraud
    }
}

/// A transaction with interned keys: what ``FraudFeatureStore`` and
/// ``FraudScorer`` consume. 40 bytes, no references.
public struct CompactTransaction: Equatable, Sendable {
    /// Dense card id (from ``TransactionInterner``), `>= 0`.
    public var card: Int32
    /// Merchant id, `>= 0`.
    public var merchant: Int32
    /// Country id of the transaction, `>= 0`.
    public var country: Int32
    /// Country id of the card's issuer, same id space as `country`.
    public var cardCountry: Int32
    /// Merchant category code, 0...9999.
    public var mcc: Int16
    /// The amount in 1/10,000 currency units, `>= 0`.
    public var amountUnits: Int64
    /// Microseconds since the Unix epoch, UTC.
    public var timestampMicros: Int64

    /// Creates a compact transaction.
    /// - Precondition: ids are non-negative, `mcc` in 0...9999, amount `>= 0`.
    @inlinable
    public init(
        card: Int32, merchant: Int32, country: Int32, cardCountry: Int32, mcc: Int16,
        amountUnits: Int64, timestampMicros: Int64
    ) {
        precondition(card >= 0 && merchant >= 0 && country >= 0 && cardCountry >= 0, "compact ids are non-negative")
        precondition(mcc >= 0 && mcc <= 9999, "an MCC has 4 digits (0...9999), got \(mcc)")
        precondition(amountUnits >= 0, "a transaction amount is never negative, got \(amountUnits) units")
        self.card = card
        self.merchant = merchant
        self.country = country
        self.cardCountry = cardCountry
        self.mcc = mcc
        self.amountUnits = amountUnits
        self.timestampMicros = timestampMicros
    }
}
