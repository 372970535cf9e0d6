/// Errors of fraud training and model files: thrown values that say where
/// (a file, a field) and what was expected.

/// A fraud-scoring input error: bad model file, unusable training data.
public struct FraudError: Error, Equatable, CustomStringConvertible {
    /// Where: a file name, optionally with a field (`model.json: scaling.sd`).
    public var location: String
    /// What is wrong and what was expected.
    public var message: String

    /// An error at `location`.
    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `location: message`.
    public var description: String { "\(location): \(message)" }
}
