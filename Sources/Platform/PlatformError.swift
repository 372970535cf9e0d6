/// Errors in the parameters of a network component, naming the component and field.

/// A bad parameter of a component: `invalid station "db".servers: must be at least 1, got 0`.
public struct PlatformError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The component and field, e.g. `station "db".servers`.
    public let field: String
    /// What is wrong and what was expected.
    public let message: String

    /// An error about `field`.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `invalid <field>: <message>`.
    public var description: String { "invalid \(field): \(message)" }
}
