/// Root finding with GSL's Brent–Dekker bracketing solver.
///
/// Used where a queueing quantity has no closed-form inverse: the M/M/c
/// sojourn-time quantile, and the utilization at which that quantile
/// crosses a target. The function must change sign over the bracket.

import CGSL
import Variates

/// Brent's method on a bracket, through `gsl_root_fsolver_brent`.
enum BrentRoot {
    /// The Swift closure handed to GSL through its `params` pointer.
    private final class Box {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }

    /// A root of `f` in `[lower, upper]` to within `absoluteTolerance` or
    /// `relativeTolerance` of the root, or `nil` when `f` does not change sign.
    /// - Complexity: at most `maxIterations` evaluations of `f` (typically 10–40).
    static func solve(lower: Double, upper: Double, absoluteTolerance: Double = 0,
                      relativeTolerance: Double = 1e-12, maxIterations: Int = 200,
                      _ f: @escaping (Double) -> Double) -> Double? {
        precondition(lower < upper, "BrentRoot needs lower < upper, got [\(lower), \(upper)]")
        let fl = f(lower), fu = f(upper)
        if fl == 0 { return lower }
        if fu == 0 { return upper }
        guard fl.sign != fu.sign, fl.isFinite, fu.isFinite else { return nil }
        GSL.configure()
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            preconditionFailure("gsl_root_fsolver_alloc failed: out of memory")
        }
        defer { gsl_root_fsolver_free(solver) }
        let box = Box(f)
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        var function = gsl_function(
            function: { x, params in
                Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x)
            },
            params: unmanaged.toOpaque()
        )
        GSL.check(gsl_root_fsolver_set(solver, &function, lower, upper), "gsl_root_fsolver_set")
        for _ in 0..<maxIterations {
            let status = gsl_root_fsolver_iterate(solver)
            guard status == GSL_SUCCESS else { return nil }
            let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
            if gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                return gsl_root_fsolver_root(solver)
            }
        }
        return gsl_root_fsolver_root(solver)
    }
}
