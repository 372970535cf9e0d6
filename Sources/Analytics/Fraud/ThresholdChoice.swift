/// Choosing a score threshold for a target false-positive rate.
///
/// With the n legitimate rows' scores sorted from highest, s_0 ≥ s_1 ≥ …,
/// and k = ⌊target · n⌋, the threshold is the next double above s_k: a
/// decision at `score >= threshold` then flags only legitimate rows scored
/// strictly above s_k, at most k of them, so the false-positive rate on
/// these rows is at most the target, and it is the lowest threshold with
/// that guarantee (ties at s_k are all left unflagged).

/// Threshold selection for a false-positive-rate target.
public enum ThresholdChoice {
    /// The lowest threshold whose false-positive rate over `negativeScores`
    /// is at most `targetFPR`.
    /// - Precondition: `negativeScores` not empty, `targetFPR` in [0, 1).
    /// - Complexity: O(n log n).
    public static func threshold(negativeScores: [Double], targetFPR: Double) -> Double {
        precondition(!negativeScores.isEmpty, "need at least one legitimate score")
        precondition(targetFPR >= 0 && targetFPR < 1, "target FPR must be in [0, 1), got \(targetFPR)")
        let sorted = negativeScores.sorted(by: >)
        let k = Int((targetFPR * Double(sorted.count)).rounded(.down))
        return Swift.min(sorted[Swift.min(k, sorted.count - 1)].nextUp, 1)
    }
}
