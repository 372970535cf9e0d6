/// The one set of field definitions of a scenario file.
///
/// Decoding reads the allowed keys of every mapping from here
/// (``ConfigNode/fields(_:)``), `headroom validate --schema` turns the same
/// tree into a JSON Schema (``ScenarioSchema``), and the field tables of
/// `Scenarios/README.md` are generated from it (``ScenarioFieldTables``), so
/// the three can never disagree.

/// What kind of value a field takes.
public indirect enum FieldKind: Sendable, Equatable {
    /// Free text.
    case text
    /// One of a fixed set of words.
    case choice([String])
    /// A whole number at least `minimum`.
    case integer(minimum: Int)
    /// A seed: a whole number 0 ... 2⁶⁴ − 1.
    case seed
    /// A duration as people write it (`30m`, `250ms`).
    case duration
    /// An event rate (`50k/s`, `3M/day`).
    case rate
    /// A size (`1KB`, `1KiB`).
    case size
    /// A fraction (`0.05`, `5%`).
    case fraction
    /// A distribution (`exp(mean=1s)`, `lognormal(p50=2ms, p99=20ms)`).
    case distribution
    /// A list of numbers.
    case numbers
    /// A list of names of other components.
    case references
    /// The name of another component.
    case reference
    /// A throughput of data (`125MB/s`, `1Gbit/s`).
    case dataRate
    /// A mapping with the given fields.
    case mapping([FieldSpec])
    /// A list of mappings, each with the given fields (in order).
    case list([FieldSpec])
    /// A mapping from names chosen by the user to mappings of the given fields
    /// (one field `kind` selects which variant applies, see ``ComponentKind``).
    case components
    /// A mapping from names chosen by the user to mappings of the given fields.
    case named([FieldSpec])
    /// A list of strings in a small language (SLOs, expectations), or mappings.
    case statements(String)
    /// A section described elsewhere (the workload vocabulary, docs/workloads.md).
    case external(String)
}

/// One field: its name, kind, whether it must be present, and what it means.
public struct FieldSpec: Sendable, Equatable {
    /// The key in the file.
    public let name: String
    /// The value it takes.
    public let kind: FieldKind
    /// `true` when the field must be present.
    public let required: Bool
    /// What the field means, with its unit and default.
    public let summary: String
    /// An example value as written in YAML.
    public let example: String

    /// A field definition.
    public init(_ name: String, _ kind: FieldKind, required: Bool = false, _ summary: String, example: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.summary = summary
        self.example = example
    }

    /// The words a value of this kind is described with in messages and tables.
    public var typeText: String {
        switch kind {
        case .text: return "text"
        case .choice(let words): return words.joined(separator: " \\| ")
        case .integer(let minimum): return "whole number ≥ \(minimum)"
        case .seed: return "whole number ≥ 0"
        case .duration: return "duration"
        case .rate: return "rate"
        case .size: return "size"
        case .fraction: return "fraction"
        case .distribution: return "distribution"
        case .numbers: return "list of numbers"
        case .references: return "list of component names"
        case .reference: return "component name"
        case .dataRate: return "throughput"
        case .mapping: return "mapping"
        case .list: return "list of mappings"
        case .components: return "mapping of names to components"
        case .named: return "mapping of names to mappings"
        case .statements(let what): return "list of \(what)"
        case .external(let what): return what
        }
    }
}

extension Array where Element == FieldSpec {
    /// The field names, in definition order.
    public var names: [String] { map(\.name) }

    /// The definition named `name`.
    public func spec(_ name: String) -> FieldSpec? { first { $0.name == name } }
}
