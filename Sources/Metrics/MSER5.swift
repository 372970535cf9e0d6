/// Warm-up detection with White's MSER-5.
///
/// A simulation starts empty and idle, which is not how the system runs in
/// steady state; the first observations are biased. MSER (Marginal Standard
/// Error Rule, White 1997; MSER-5 in White, Cobb and Spratt 2000) deletes the
/// first `d` observations where `d` minimizes the squared standard error of
/// what remains:
///
///     MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (m − d)²
///
/// over batch means `Z_1 … Z_m` of 5 consecutive observations (batching
/// smooths the noise that would otherwise make the minimum erratic). Only the
/// first half of the run is searched: a minimum at the end of that range
/// means the transient may not be over, and the run should be longer.
///
/// The series is one run's observations in order (waiting times, or the
/// per-bin means of a ``TimeSeries``); memory is `n / 5` doubles, O(n) time.

/// White's MSER-5 truncation rule for warm-up deletion.
public enum MSER5 {
    /// Where to truncate a series, and how sure the rule is.
    public struct Truncation: Sendable, Equatable {
        /// The index of the first observation to keep: the warm-up is
        /// observations `0 ..< firstKept` of the original series.
        public let firstKept: Int
        /// Batches deleted (`firstKept / batchSize`).
        public let batchesDeleted: Int
        /// Complete batches of the series (a trailing partial batch is ignored).
        public let batchCount: Int
        /// The MSER statistic at the chosen point, in the series' unit squared.
        public let statistic: Double
        /// `true` when the minimum lies at the end of the searched half: the
        /// transient may be longer than half the run, so run longer.
        public let reachedSearchLimit: Bool
    }

    /// The MSER-5 truncation point of `series`, or `nil` when it has fewer
    /// than two complete batches (10 observations with batches of 5).
    /// - Parameter batchSize: observations per batch; 5 is MSER-5, 1 is plain MSER.
    /// - Precondition: `batchSize >= 1`; every value is finite.
    /// - Complexity: O(n) time, O(n / batchSize) memory.
    public static func truncation<C: Collection>(of series: C, batchSize: Int = 5) -> Truncation?
    where C.Element == Double {
        precondition(batchSize >= 1, "MSER5: batchSize must be at least 1, got \(batchSize)")
        let m = series.count / batchSize
        guard m >= 2 else { return nil }
        var means = [Double](repeating: 0, count: m)
        var index = series.startIndex
        for j in 0..<m {
            var sum = 0.0
            for _ in 0..<batchSize {
                let x = series[index]
                precondition(x.isFinite, "MSER5: the series holds a non-finite value \(x)")
                sum += x
                index = series.index(after: index)
            }
            means[j] = sum / Double(batchSize)
        }
        // Largest d searched: at least half of the batches always remain.
        let lastCandidate = (m - 1) / 2
        // Suffix statistics by a backward Welford pass: at j, the batches j..<m.
        var suffix = Welford()
        var best = (d: 0, value: Double.infinity)
        for j in stride(from: m - 1, through: 0, by: -1) {
            suffix.add(means[j])
            guard j <= lastCandidate else { continue }
            let kept = Double(suffix.count)
            let value = (suffix.populationVariance ?? 0) / kept  // = Σ(Z − Z̄)² / kept²
            // Ties go to the smaller d (less data deleted): `<=` while walking down.
            if value <= best.value { best = (j, value) }
        }
        return Truncation(firstKept: best.d * batchSize, batchesDeleted: best.d, batchCount: m,
                          statistic: best.value, reachedSearchLimit: m > 2 && best.d == lastCandidate)
    }
}
