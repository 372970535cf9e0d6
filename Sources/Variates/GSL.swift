/// The one place where Headroom configures GNU GSL.
///
/// GSL's default error handler calls `abort()`. Headroom turns it off once,
/// before the first GSL call of the process, and checks every status code and
/// parameter itself: invalid user input is a thrown ``VariatesError`` and a
/// GSL failure on valid input is a `precondition` with a message. Every type
/// in this module that calls GSL calls ``GSL/configure()`` first; it costs one
/// atomic load after the first call.

import CGSL

/// GSL set-up and status checking.
public enum GSL {
    /// Turns GSL's aborting error handler off. Idempotent and thread-safe.
    @inlinable
    public static func configure() {
        _ = gslConfigured
    }

    /// Turns a GSL status code into a precondition failure that names the call.
    ///
    /// Use only where parameters were validated before the call, so that a
    /// failure is a programming error rather than bad user input.
    @inlinable
    public static func check(_ status: Int32, _ call: @autoclosure () -> String) {
        precondition(status == GSL_SUCCESS, "GSL call \(call()) failed: \(String(cString: gsl_strerror(status)))")
    }

    /// The human-readable text of a GSL status code.
    public static func message(_ status: Int32) -> String {
        String(cString: gsl_strerror(status))
    }

    /// The version of the linked GSL library, for reports.
    public static var version: String { String(cString: cgsl_version()) }
}

/// Global lazily-initialized once (Swift globals use `swift_once`).
@usableFromInline
let gslConfigured: Bool = {
    gsl_set_error_handler_off()
    return true
}()
