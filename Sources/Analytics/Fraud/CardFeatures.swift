/// The online features of one transaction, computed from its card's state
/// at the moment it arrives. Exact definitions are in docs/fraud.md; in
/// short, with `t` the transaction's time (clamped to never go before the
/// card's previous transaction):
///
/// - `count1m`/`sum1mUnits`: the card's transactions in the 60 one-second
///   buckets ending with `t`'s second, this one included.
/// - `count1h`/`sum1hUnits`, `count24h`/`sum24hUnits`: the same over the 60
///   and 1,440 one-minute buckets ending with `t`'s minute.
/// - `amountZ24h`: the amount's z-score against the card's previous
///   transactions in the 24 h buckets (0 with fewer than 2 of them).
/// - `distinctMerchants1h`/`distinctCountries1h`: distinct keys among the
///   card's transactions with time in (t − 1 h, t], this one included,
///   capped at ``CardFeatures/distinctCap``.
/// - `secondsSincePrevious`: seconds since the card's previous transaction,
///   capped at 86,400 (also the value for a card's first transaction).
/// - `countryMismatch`: the transaction's country differs from the card's.

/// Raw online features of one card transaction (before model scaling).
public struct CardFeatures: Equatable, Sendable {
    /// Distinct-merchant and distinct-country counts saturate at this value.
    public static let distinctCap = 8
    /// `secondsSincePrevious` of a card with no previous transaction in the
    /// last 24 h, and the cap of that feature: 86,400 s.
    public static let noPreviousSeconds = 86_400.0
    /// Cap of |z-score|: a z beyond ±50 is reported as ±50.
    public static let zCap = 50.0
    /// Floor of the 24 h standard deviation in the z-score, in amount units
    /// (10,000 = one currency unit), so that a card with identical amounts
    /// does not produce an infinite z.
    public static let sdFloorUnits = 10_000.0

    /// The transaction's amount in 1/10,000 currency units.
    public var amountUnits: Int64
    /// Transactions of the card in the last 60 one-second buckets (≥ 1).
    public var count1m: Int32
    /// Sum of their amounts, 1/10,000 currency units.
    public var sum1mUnits: Int64
    /// Transactions of the card in the last 60 one-minute buckets (≥ 1).
    public var count1h: Int32
    /// Sum of their amounts, 1/10,000 currency units.
    public var sum1hUnits: Int64
    /// Transactions of the card in the last 1,440 one-minute buckets (≥ 1).
    public var count24h: Int32
    /// Sum of their amounts, 1/10,000 currency units.
    public var sum24hUnits: Int64
    /// z-score of the amount against the card's previous 24 h amounts.
    public var amountZ24h: Double
    /// Distinct merchants in (t − 1 h, t], capped at ``distinctCap``.
    public var distinctMerchants1h: Int32
    /// Distinct countries in (t − 1 h, t], capped at ``distinctCap``.
    public var distinctCountries1h: Int32
    /// Seconds since the card's previous transaction, in [0, 86,400].
    public var secondsSincePrevious: Double
    /// Whether the transaction's country differs from the card's country.
    public var countryMismatch: Bool

    /// Creates a feature record (tests build expected values with it).
    public init(
        amountUnits: Int64, count1m: Int32, sum1mUnits: Int64, count1h: Int32, sum1hUnits: Int64,
        count24h: Int32, sum24hUnits: Int64, amountZ24h: Double, distinctMerchants1h: Int32,
        distinctCountries1h: Int32, secondsSincePrevious: Double, countryMismatch: Bool
    ) {
        self.amountUnits = amountUnits
        self.count1m = count1m
        self.sum1mUnits = sum1mUnits
        self.count1h = count1h
        self.sum1hUnits = sum1hUnits
        self.count24h = count24h
        self.sum24hUnits = sum24hUnits
        self.amountZ24h = amountZ24h
        self.distinctMerchants1h = distinctMerchants1h
        self.distinctCountries1h = distinctCountries1h
        self.secondsSincePrevious = secondsSincePrevious
        self.countryMismatch = countryMismatch
    }
}
