/// The rules-only baseline that a trained model has to beat: the classic
/// hand-written fraud rules over the same online features. A transaction
/// is flagged when any rule fires:
///
/// 1. amount > `amountOverCents` (default 1,000.00);
/// 2. more than `count1mOver` transactions of the card in the last minute
///    (default 3: the 4th in a minute fires);
/// 3. country ≠ card_country and amount > `mismatchAmountOverCents`
///    (default 300.00).

/// Hand-written fraud rules; see the file comment.
public struct FraudRules: Equatable, Sendable {
    /// Rule 1 fires above this amount, minor units.
    public var amountOverCents: Int64
    /// Rule 2 fires when the 1-minute count exceeds this.
    public var count1mOver: Int32
    /// Rule 3 fires on a country mismatch above this amount, minor units.
    public var mismatchAmountOverCents: Int64

    /// Rules with the given limits (defaults: 1,000.00, 3 per minute, 300.00).
    public init(amountOverCents: Int64 = 100_000, count1mOver: Int32 = 3, mismatchAmountOverCents: Int64 = 30_000) {
        self.amountOverCents = amountOverCents
        self.count1mOver = count1mOver
        self.mismatchAmountOverCents = mismatchAmountOverCents
    }

    /// Whether any rule fires for a transaction with features `f`.
    /// - Complexity: O(1).
    @inlinable
    public func flags(_ f: CardFeatures) -> Bool {
        f.amountCents > amountOverCents
            || f.count1m > count1mOver
            || (f.countryMismatch && f.amountCents > mismatchAmountOverCents)
    }
}
