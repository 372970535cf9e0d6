/// A YAML node with its field path, read by typed accessors that record an
/// issue (line, column, path, what was expected) and return nil on a wrong
/// type or value, so that one pass over a file finds every problem.
///
/// Mappings are read with ``fields(_:)``: it checks every key against the
/// allowed ones and suggests the nearest for a misspelling
/// (``Variates/Spelling``), so unknown keys are never silently ignored.

import Variates
import Yams

/// A node of a configuration file and where it is.
public struct ConfigNode {
    /// The YAML node.
    public let node: Node
    /// Dotted field path from the root (`workload.streams.bets.rate`).
    public let path: String
    /// Where issues go.
    public let issues: IssueCollector

    /// A node at `path`.
    public init(_ node: Node, path: String, issues: IssueCollector) {
        self.node = node
        self.path = path
        self.issues = issues
    }

    /// The node's position.
    public var mark: Mark? { node.mark }

    /// Records an issue at this node.
    public func fail(_ message: String, expected: String = "") {
        issues.add(mark, path: path, message, expected: expected)
    }

    /// A short description of what the node is, for messages.
    var kindText: String {
        switch node {
        case .scalar(let s): return "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func child(_ node: Node, _ name: String) -> ConfigNode {
        ConfigNode(node, path: path.isEmpty ? name : path + "." + name, issues: issues)
    }

    /// The mapping's fields by key, in file order, checking keys against
    /// `allowed`; unknown and duplicate keys are issues (with a suggestion).
    /// Nil (with an issue) when the node is not a mapping.
    public func fields(_ allowed: [String]) -> ConfigFields? {
        guard case .mapping(let mapping) = node else {
            fail("expected a mapping with fields (\(allowed.joined(separator: ", "))), got \(kindText)", expected: "key: value lines")
            return nil
        }
        var entries: [(String, ConfigNode)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                child(keyNode, "?").fail("a key must be a plain name, got \(child(keyNode, "?").kindText)")
                continue
            }
            let name = key.string
            let field = child(value, name)
            if !allowed.isEmpty, !allowed.contains(name) {
                issues.add(keyNode.mark, path: field.path, "unknown field `\(name)`" + Spelling.suggestion(for: name, in: allowed),
                           expected: "one of " + allowed.joined(separator: ", "))
                continue
            }
            entries.append((name, field))
        }
        return ConfigFields(owner: self, entries: entries)
    }

    /// The entries of a mapping whose keys are names chosen by the user
    /// (stream names), in file order.
    public func namedEntries() -> [(name: String, node: ConfigNode, keyMark: Mark?)]? {
        guard case .mapping(let mapping) = node else {
            fail("expected a mapping of names to definitions, got \(kindText)")
            return nil
        }
        var out: [(name: String, node: ConfigNode, keyMark: Mark?)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                child(keyNode, "?").fail("a name must be a plain string")
                continue
            }
            out.append((key.string, child(value, key.string), keyNode.mark))
        }
        return out
    }

    /// The elements of a list (`path[i]`), nil with an issue otherwise.
    public func list() -> [ConfigNode]? {
        guard case .sequence(let seq) = node else {
            fail("expected a list, got \(kindText)", expected: "a list ([a, b] or lines starting with -)")
            return nil
        }
        return seq.enumerated().map { ConfigNode($1, path: "\(path)[\($0)]", issues: issues) }
    }

    /// The scalar text, nil with an issue for a mapping or list.
    public func text(expected: String = "a value") -> String? {
        guard case .scalar(let s) = node else {
            fail("expected \(expected), got \(kindText)", expected: expected)
            return nil
        }
        return s.string
    }

    /// A finite number (`5`, `2.5`, `1e3`, `1,000`).
    public func number(expected: String = "a number") -> Double? {
        guard let t = text(expected: expected) else { return nil }
        guard let v = Double(t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")), v.isFinite else {
            fail("expected \(expected), got \"\(t)\"", expected: expected)
            return nil
        }
        return v
    }

    /// A whole number in `range`.
    public func integer(in range: ClosedRange<Int> = Int.min...Int.max, expected: String = "a whole number") -> Int? {
        guard let t = text(expected: expected) else { return nil }
        guard let v = Int(t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")) else {
            fail("expected \(expected), got \"\(t)\"", expected: expected)
            return nil
        }
        guard range.contains(v) else {
            fail("must be \(ConfigNode.describe(range)), got \(v)", expected: expected)
            return nil
        }
        return v
    }

    /// An unsigned 64-bit integer (seeds).
    public func unsigned(expected: String = "a whole number ≥ 0") -> UInt64? {
        guard let t = text(expected: expected) else { return nil }
        guard let v = UInt64(t.replacingOccurrences(of: "_", with: "")) else {
            fail("expected \(expected), got \"\(t)\"", expected: expected)
            return nil
        }
        return v
    }

    /// `true`/`false` (also yes/no, on/off).
    public func boolean() -> Bool? {
        guard let t = text(expected: "true or false") else { return nil }
        switch t.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("expected true or false, got \"\(t)\"", expected: "true or false")
            return nil
        }
    }

    /// A list of plain strings.
    public func strings() -> [String]? {
        guard let items = list() else { return nil }
        let values = items.compactMap { $0.text(expected: "a name") }
        return values.count == items.count ? values : nil
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "at least \(range.lowerBound)" }
        if range.lowerBound == Int.min { return "at most \(range.upperBound)" }
        return "between \(range.lowerBound) and \(range.upperBound)"
    }
}

/// The fields of one mapping, read by name.
public struct ConfigFields {
    /// The mapping node.
    public let owner: ConfigNode
    let entries: [(String, ConfigNode)]

    /// The field `name`, if present.
    public subscript(_ name: String) -> ConfigNode? {
        entries.first { $0.0 == name }?.1
    }

    /// The field `name`, or an issue saying it is missing.
    public func required(_ name: String, expected: String) -> ConfigNode? {
        if let node = self[name] { return node }
        owner.issues.add(owner.mark, path: owner.path.isEmpty ? name : owner.path + "." + name,
                         "missing required field `\(name)`", expected: expected)
        return nil
    }

    /// The names present, in file order.
    public var names: [String] { entries.map(\.0) }
}
