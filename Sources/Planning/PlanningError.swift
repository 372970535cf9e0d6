/// Errors for invalid planning input: a quantity that does not parse, a
/// number out of range, a price file that does not load.
///
/// Every error names the field as the user wrote it (`--event-size`,
/// `retention`), says what was wrong with the value received, and shows
/// forms that would have been accepted, so the message alone is enough to
/// fix the input.

/// An invalid planning input, naming the field, the problem and accepted forms.
public struct PlanningError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The field at fault, as the user wrote it (`--event-size`, `retention`).
    public let field: String
    /// What was wrong, in words, including the value received.
    public let message: String
    /// Examples of accepted input (`1KB`, `1 KiB`), empty when not useful.
    public let accepted: [String]

    /// Creates an error for `field` with an explanation and accepted forms.
    public init(field: String, _ message: String, accepted: [String] = []) {
        self.field = field
        self.message = message
        self.accepted = accepted
    }

    /// `invalid --event-size: unknown unit "KBs" in "10 KBs"; accepted forms: 1KB, 1 KiB`.
    public var description: String {
        let head = "invalid \(field): \(message)"
        guard !accepted.isEmpty else { return head }
        return head + "; accepted forms: " + accepted.joined(separator: ", ")
    }
}

extension PlanningError {
    /// Throws unless `value` is finite and strictly positive.
    static func requirePositive(_ value: Double, _ field: String, example: String) throws {
        guard value.isFinite, value > 0 else {
            throw PlanningError(field: field, "must be greater than 0, got \(NumberText.plain(value))", accepted: [example])
        }
    }

    /// Throws unless `value` is finite and at least 0.
    static func requireNonNegative(_ value: Double, _ field: String, example: String) throws {
        guard value.isFinite, value >= 0 else {
            throw PlanningError(field: field, "must be at least 0, got \(NumberText.plain(value))", accepted: [example])
        }
    }

    /// Throws unless `value` lies in `0 < value < 1`.
    static func requireOpenFraction(_ value: Double, _ field: String, example: String) throws {
        guard value.isFinite, value > 0, value < 1 else {
            throw PlanningError(field: field, "must be strictly between 0 and 1, got \(NumberText.plain(value))", accepted: [example])
        }
    }

    /// Throws unless `value` lies in `0 <= value <= 1`.
    static func requireFraction(_ value: Double, _ field: String, example: String) throws {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw PlanningError(field: field, "must be between 0 and 1, got \(NumberText.plain(value))", accepted: [example])
        }
    }
}
