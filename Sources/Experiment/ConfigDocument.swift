/// A configuration file parsed into YAML nodes (Yams), with the collector
/// of every issue found while reading it.
///
/// Reading never stops at the first problem: each accessor of
/// ``ConfigNode`` records an issue (with the node's line and column) and
/// returns `nil`, and the caller goes on with the other fields. Only at the
/// end does ``ConfigDocument/finish()`` throw every issue at once.

import Yams

/// The issues found in one file so far. One per file; not thread-safe.
public final class IssueCollector {
    /// The file name shown in messages.
    public let file: String
    /// The issues so far, in the order found.
    public private(set) var issues: [ConfigIssue] = []

    /// A collector for `file`.
    public init(file: String) { self.file = file }

    /// Records an issue at `mark`.
    public func add(_ mark: Mark?, path: String, _ message: String, expected: String = "") {
        issues.append(ConfigIssue(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                  path: path, message: message, expected: expected))
    }
}

/// A parsed file: its root node and its issues.
public struct ConfigDocument {
    /// The root node, nil when the file is empty or does not parse.
    public let root: ConfigNode?
    /// Where issues go.
    public let issues: IssueCollector

    /// Parses `text`. A YAML syntax error becomes an issue with its line
    /// and column (and `root` is nil).
    public init(text: String, file: String) {
        let issues = IssueCollector(file: file)
        self.issues = issues
        do {
            if let node = try Yams.compose(yaml: text) {
                root = ConfigNode(node, path: "", issues: issues)
            } else {
                issues.add(nil, path: "", "the file is empty", expected: "a YAML mapping")
                root = nil
            }
        } catch let error as YamlError {
            ConfigDocument.record(error, into: issues)
            root = nil
        } catch {
            issues.add(nil, path: "", "cannot read YAML: \(error)")
            root = nil
        }
    }

    /// Throws every issue found, sorted by position, if there is any.
    public func finish() throws {
        if !issues.issues.isEmpty { throw ConfigErrors(issues.issues) }
    }

    /// Turns a Yams error into an issue at its mark.
    static func record(_ error: YamlError, into issues: IssueCollector) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            issues.add(mark, path: "", "YAML syntax error: \(problem)\(where_)", expected: "valid YAML")
        case let .duplicatedKeysInMapping(duplicates, context):
            issues.add(context.mark, path: "", "duplicate key\(duplicates.count == 1 ? "" : "s") "
                       + duplicates.sorted().map { "`\($0)`" }.joined(separator: ", "), expected: "each key once per mapping")
        case let .reader(problem, _, _, _):
            issues.add(nil, path: "", "cannot read the file as text: \(problem)")
        default:
            issues.add(nil, path: "", "YAML error: \(error)")
        }
    }
}
