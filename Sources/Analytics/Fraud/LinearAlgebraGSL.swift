/// The GSL calls of this module: Cholesky factorization and solve of a
/// small symmetric positive-definite system, with GSL's aborting error
/// handler turned off first so that every failure comes back as a status
/// this module turns into a thrown ``FraudError``. (Analytics is a leaf
/// module and does not import Variates, so it turns the handler off itself;
/// `gsl_set_error_handler_off` is idempotent.)

import CGSL

/// Global lazily-initialized once (Swift globals use `swift_once`).
private let gslHandlerOff: Bool = {
    gsl_set_error_handler_off()
    return true
}()

/// Dense symmetric positive-definite solves through GSL.
enum LinearAlgebraGSL {
    /// Solves `a · x = b` for symmetric positive-definite `a` (`n × n`,
    /// row-major) by `gsl_linalg_cholesky_decomp1` and
    /// `gsl_linalg_cholesky_solve`.
    /// - Throws: ``FraudError`` at `location` when GSL reports a failure
    ///   (`a` not positive definite, or not finite).
    /// - Complexity: O(n³).
    static func solveSPD(_ a: [Double], _ b: [Double], location: String) throws -> [Double] {
        _ = gslHandlerOff
        let n = b.count
        precondition(a.count == n * n && n > 0, "solveSPD needs an n×n matrix and n values")
        guard a.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite) else {
            throw FraudError(location, "the Newton system has non-finite entries (features too large or data degenerate)")
        }
        var matrix = a, rhs = b, x = [Double](repeating: 0, count: n)
        let status: Int32 = matrix.withUnsafeMutableBufferPointer { m in
            rhs.withUnsafeMutableBufferPointer { r in
                x.withUnsafeMutableBufferPointer { s in
                    var mv = gsl_matrix_view_array(m.baseAddress, n, n)
                    var rv = gsl_vector_view_array(r.baseAddress, n)
                    var sv = gsl_vector_view_array(s.baseAddress, n)
                    let decomposed = gsl_linalg_cholesky_decomp1(&mv.matrix)
                    if decomposed != GSL_SUCCESS { return decomposed }
                    return gsl_linalg_cholesky_solve(&mv.matrix, &rv.vector, &sv.vector)
                }
            }
        }
        guard status == GSL_SUCCESS else {
            throw FraudError(location, "GSL Cholesky solve failed: \(String(cString: gsl_strerror(status))) (the Newton system is not positive definite)")
        }
        return x
    }
}
