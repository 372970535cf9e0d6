/// The error every `analyze` input problem becomes: which file, which line,
/// which column, what was expected there and what was found.

/// A problem with an input file, located as precisely as it is known.
///
/// `line` is the 1-based physical line where the record starts (a quoted field
/// with embedded newlines spans several lines; the record's first line is named).
/// `column` is the header name of the offending column when there is one.
public struct AnalyticsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input file as the user named it.
    public var file: String
    /// 1-based line number, or `nil` when the problem is with the file as a whole.
    public var line: Int?
    /// Header name of the column, or `nil` when the problem is not in one column.
    public var column: String?
    /// What was expected, in words (`"an ISO 8601 timestamp such as 2024-03-01 12:00:00"`).
    public var expected: String
    /// What was found instead, already shortened for display, or `nil`.
    public var found: String?

    /// An error at `file`, `line`, `column`: expected `expected`, found `found`.
    public init(file: String, line: Int?, column: String?, expected: String, found: String?) {
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
    }

    /// `events.csv, line 7, column event_ts: expected an ISO 8601 timestamp ..., found "2024-13-01"`.
    public var description: String {
        var where_ = file
        if let line { where_ += ", line \(line)" }
        if let column { where_ += ", column \(column)" }
        var text = "\(where_): expected \(expected)"
        if let found { text += ", found \(found)" }
        return text
    }

    /// `text` quoted for an error message, cut to 60 characters.
    public static func quoted(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(57)) + "..." : text
        var out = "\""
        for ch in cut {
            switch ch {
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// `bytes` (decoded as UTF-8, invalid bytes replaced) quoted for an error message.
    public static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }
}
