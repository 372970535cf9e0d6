/// The rules-only baseline that a trained model has to beat: the classic
/// hand-written fraud rules over the same online features. A transaction
/// is flagged when any rule fires:
///
/// 1. amount > `amountOverUnits` (default 1,000.00);
/// 2. more than `count1mOver` transactions of the card in the last minute
///    (default 3: the 4th in a minute fires);
/// 3. country ≠ card_country and amount > `mismatchAmountOverUnits`
///    (default 300.00).

/// Hand-written fraud rules; see the file comment.
public struct FraudRules: Equatable, Sendable {
    /// Rule 1 fires above this amount, in 1/10,000 currency units.
    public var amountOverUnits: Int64
    /// Rule 2 fires when the 1-minute count exceeds this.
    public var count1mOver: Int32
    /// Rule 3 fires on a country mismatch above this amount, in 1/10,000 currency units.
    public var mismatchAmountOverUnits: Int64

    /// Rules with the given limits (defaults: 1,000.00, 3 per minute, 300.00).
    public init(amountOverUnits: Int64 = 10_000_000, count1mOver: Int32 = 3, mismatchAmountOverUnits: Int64 = 3_000_000) {
        self.amountOverUnits = amountOverUnits
        self.count1mOver = count1mOver
        self.mismatchAmountOverUnits = mismatchAmountOverUnits
    }

    /// Whether any rule fires for a transaction with features `f`.
    /// - Complexity: O(1).
    @inlinable
    public func flags(_ f: CardFeatures) -> Bool {
        f.amountUnits > amountOverUnits
            || f.count1m > count1mOver
            || (f.countryMismatch && f.amountUnits > mismatchAmountOverUnits)
    }
}
