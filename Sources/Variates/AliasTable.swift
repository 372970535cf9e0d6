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
    /// GSL's `F` and `A` arrays interleaved, cell by cell, so that a draw
    /// touches one cache line instead of two (large Zipf tables do not fit
    /// in cache; this halves the misses).
    @usableFromInline let cells: UnsafeMutablePointer<AliasCell>
    /// The number of cells K.
    @usableFromInline let cellCount: Int
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
        cellCount = built.pointee.K
        cells = .allocate(capacity: cellCount)
        for i in 0..<cellCount {
            (cells + i).initialize(to: AliasCell(threshold: built.pointee.F[i], alias: built.pointee.A[i]))
        }
    }

    deinit {
        gsl_ran_discrete_free(table)
        cells.deallocate()
    }

    /// The number of outcomes.
    public var count: Int { probabilities.count }

    /// An index in `0..<count`, drawn with the table's probabilities.
    /// - Complexity: O(1): one uniform draw.
    @inlinable @inline(__always)
    public func sample(_ stream: RandomStream) -> Int {
        let u = stream.uniform()
        let c = Int(u * Double(cellCount))
        let cell = cells[c]
        if cell.threshold == 1.0 || u < cell.threshold { return c }
        return cell.alias
    }
}

/// One cell of an alias table: GSL's `F[c]` and `A[c]`.
@frozen
public struct AliasCell: Sendable {
    /// Keep `c` when the uniform is below this (GSL's Knuth-convention `F[c]`).
    public let threshold: Double
    /// The alias outcome otherwise (GSL's `A[c]`).
    public let alias: Int

    /// A cell.
    @inlinable
    public init(threshold: Double, alias: Int) {
        self.threshold = threshold
        self.alias = alias
    }
}
