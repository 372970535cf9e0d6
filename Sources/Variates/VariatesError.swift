/// Errors for invalid distribution parameters and specifications.
///
/// Thrown at the boundary (when a distribution is built), never while
/// sampling: a constructed ``Distribution`` is always valid.

/// An invalid parameter, naming the parameter and what was expected.
public struct VariatesError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The parameter at fault, as the user wrote it (`rate`, `p99`, `weights`).
    public let parameter: String
    /// What was wrong, in words, including the value received.
    public let message: String

    /// Creates an error for `parameter` with an explanation.
    public init(parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "invalid \(parameter): \(message)" }
}

extension VariatesError {
    /// Throws unless `value` is finite and strictly positive.
    static func requirePositive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw VariatesError(parameter: name, "must be a finite number greater than 0, got \(value)")
        }
    }

    /// Throws unless `value` is finite and not negative.
    static func requireNonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0 else {
            throw VariatesError(parameter: name, "must be a finite number of at least 0, got \(value)")
        }
    }

    /// Throws unless `value` is finite.
    static func requireFinite(_ value: Double, _ name: String) throws {
        guard value.isFinite else {
            throw VariatesError(parameter: name, "must be a finite number, got \(value)")
        }
    }

    /// Throws unless `value` is a probability strictly between 0 and 1.
    static func requireOpenProbability(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0, value < 1 else {
            throw VariatesError(parameter: name, "must be a probability strictly between 0 and 1, got \(value)")
        }
    }
}
