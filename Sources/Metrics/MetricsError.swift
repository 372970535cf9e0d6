/// Errors for invalid statistic configurations.
///
/// Thrown when a statistic is configured (a bin width, a horizon, a
/// confidence level, a number of batches), never while recording: a
/// constructed statistic is always valid. Scenario validation can call the
/// same initializers and show the message next to the field.

/// An invalid configuration value, naming the field and what was expected.
public struct MetricsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The field at fault, in the words the caller used (`binWidthNanos`, `level`).
    public let field: String
    /// What was wrong, in words, including the value received.
    public let message: String

    /// Creates an error for `field` with an explanation.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `invalid <field>: <message>`.
    public var description: String { "invalid \(field): \(message)" }
}
