/// A problem found in a configuration file, with where it is.
///
/// Validation collects every issue of a file and reports them together,
/// sorted by line: `workload.yaml:12:7: streams.bets.rate: a rate cannot be
/// negative, got "-5/s"; expected a rate such as 50k/s`.

/// One error in a configuration file.
public struct ConfigIssue: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as given by the user.
    public var file: String
    /// 1-based line (0 when unknown).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int
    /// The field path, dotted (`workload.streams.bets.rate`).
    public var path: String
    /// What is wrong, with the value received.
    public var message: String
    /// What would have been accepted (`a rate such as 50k/s`), may be empty.
    public var expected: String

    /// An issue at a place in a file.
    public init(file: String, line: Int, column: Int, path: String, message: String, expected: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.expected = expected
    }

    /// `file:line:column: path: message; expected …`.
    public var description: String {
        var text = "\(file):\(line):\(column): \(path.isEmpty ? "(top level)" : path): \(message)"
        if !expected.isEmpty { text += "; expected " + expected }
        return text
    }
}

/// Every issue of one file, thrown at once.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// The issues, sorted by line then column.
    public var issues: [ConfigIssue]

    /// The issues sorted by position.
    public init(_ issues: [ConfigIssue]) {
        self.issues = issues.sorted { ($0.line, $0.column, $0.path) < ($1.line, $1.column, $1.path) }
    }

    /// One issue per line, then a count.
    public var description: String {
        issues.map(\.description).joined(separator: "\n") + "\n\(issues.count) error\(issues.count == 1 ? "" : "s")"
    }
}
