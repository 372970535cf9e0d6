/// Walker's alias method for sampling an index with arbitrary weights.
///
/// Built once in O(K) by GSL (`gsl_ran_discrete_preproc`), sampled in O(1)
/// from any ``RandomStream`` by inlined Swift that reads GSL's table and
/// makes exactly `gsl_ran_discrete`'s decision on the same uniform (the
/// same draws, the same results; a test checks it), without the three
/// function-pointer calls of the C path. The table is immutable
/// after construction, so one table may be shared by many streams.

import CGSL

/// A discrete distribution over `0..<count` with given weights.
public final class AliasTable: @unchecked Sendable {
    /// The GSL table; read-only after `init`.
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    /// Normalized probabilities, index by index (they sum to 1).
    public let probabilities: [Double]

    /// Builds a table from non-negative weights that need not sum to 1.
    /// - Parameter parameter: the name used in errors (`"weights"`).
    /// - Throws: ``VariatesError`` when the list is empty, a weight is
    ///   negative or not finite, or all weights are zero.
    /// - Complexity: O(K) time and memory.
    public init(weights: [Double], parameter: String = "weights") throws {
        guard !weights.isEmpty else {
            throw VariatesError(parameter: parameter, "needs at least one weight")
        }
        var total = 0.0
        for (i, w) in weights.enumerated() {
            guard w.isFinite, w >= 0 else {
                throw VariatesError(parameter: parameter, "weight \(i + 1) must be a finite number of at least 0, got \(w)")
            }
            total += w
        }
        guard total > 0, total.isFinite else {
            throw VariatesError(parameter: parameter, "weights must not all be zero (they sum to \(total))")
        }
        GSL.configure()
        let built = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc(weights.count, $0.baseAddress) }
        guard let built else {
            preconditionFailure("gsl_ran_discrete_preproc failed on validated weights")
        }
        table = built
        probabilities = weights.map { $0 / total }
    }

    deinit { gsl_ran_discrete_free(table) }

    /// The number of outcomes.
    public var count: Int { probabilities.count }

    /// An index in `0..<count`, drawn with the table's probabilities.
    /// - Complexity: O(1): one uniform draw.
    @inlinable @inline(__always)
    public func sample(_ stream: RandomStream) -> Int {
        let u = stream.uniform()
        let k = table.pointee.K
        let c = Int(u * Double(k))
        let f = table.pointee.F[c]
        if f == 1.0 || u < f { return c }
        return table.pointee.A[c]
    }
}
