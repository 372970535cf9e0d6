/// Root finding with GSL's Brent–Dekker bracketing solver.
///
/// Used where a parameter is defined implicitly (a gamma shape from two
/// percentiles; the utilization at which a p99 crosses a target).

import CGSL

/// A bracketing root solver over a continuous function.
public enum BrentSolver {
    /// The root of `f` inside `interval`, where `f` changes sign.
    /// - Parameters:
    ///   - tolerance: relative tolerance on the root.
    ///   - parameter: the user-facing name used in errors.
    /// - Throws: ``VariatesError`` when `f` does not change sign on the
    ///   interval or the solver does not converge in 200 iterations.
    public static func root(in interval: ClosedRange<Double>, tolerance: Double = 1e-12,
                            parameter: String, _ f: (Double) -> Double) throws -> Double {
        GSL.configure()
        return try withoutActuallyEscaping(f) { escapable in
            var box = FunctionBox(f: escapable)
            return try withUnsafeMutablePointer(to: &box) { boxPointer -> Double in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: FunctionBox.self).pointee.f(x)
                    },
                    params: UnsafeMutableRawPointer(boxPointer))
                guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
                    preconditionFailure("gsl_root_fsolver_alloc failed: out of memory")
                }
                defer { gsl_root_fsolver_free(solver) }
                let status = gsl_root_fsolver_set(solver, &function, interval.lowerBound, interval.upperBound)
                guard status == GSL_SUCCESS else {
                    throw VariatesError(parameter: parameter,
                        "no solution in [\(interval.lowerBound), \(interval.upperBound)]: \(GSL.message(status))")
                }
                for _ in 0..<200 {
                    GSL.check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate")
                    let low = gsl_root_fsolver_x_lower(solver), high = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(low, high, 0, tolerance) == GSL_SUCCESS {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                throw VariatesError(parameter: parameter, "the solver did not converge in 200 iterations")
            }
        }
    }

    private struct FunctionBox {
        let f: (Double) -> Double
    }
}
