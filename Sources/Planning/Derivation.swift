/// A sizing result as a chain of steps that a reader can check by hand.
///
/// Each ``DerivationStep`` carries its formula in words, the numbers
/// substituted, and the value with its unit, plus an optional note (an
/// assumption) or warning (a step that is easy to get wrong, or a limit
/// that is crossed). Named results collect the figures a caller needs
/// (`partitions`, `brokers`), and free-standing warnings collect checks
/// that are not tied to one step (a claim in a design document that mixes
/// unit systems). Renderers: ``Derivation/text``, ``Derivation/markdown``,
/// ``Derivation/json()``.

/// One step: "Ingress at average = event rate × event size = 50,000/s × 1 KB = 50 MB/s".
public struct DerivationStep: Sendable, Codable, Equatable {
    /// What the step computes, in the field's words ("Ingress at average").
    public var label: String
    /// The formula in words ("event rate × event size").
    public var formula: String
    /// The formula with the numbers substituted ("50,000/s × 1 KB").
    public var substituted: String
    /// The result in `unit` (50 for 50 MB/s).
    public var value: Double
    /// The unit of `value` ("MB/s", "partitions", "ms").
    public var unit: String
    /// The result as shown to a reader ("50 MB/s (47.7 MiB/s)").
    public var display: String
    /// An assumption or explanation, if any.
    public var note: String?
    /// A pitfall or a crossed limit, if any.
    public var warning: String?

    /// Creates a step; `display` defaults to the value and unit.
    public init(label: String, formula: String, substituted: String, value: Double, unit: String,
                display: String? = nil, note: String? = nil, warning: String? = nil) {
        self.label = label
        self.formula = formula
        self.substituted = substituted
        self.value = value
        self.unit = unit
        self.display = display ?? (NumberText.plain(value, maxFractionDigits: 4) + (unit.isEmpty ? "" : " " + unit))
        self.note = note
        self.warning = warning
    }
}

/// A named figure of a derivation, for callers and for the JSON `results` object.
public struct DerivationResult: Sendable, Codable, Equatable {
    /// The value in `unit`.
    public var value: Double
    /// The unit of `value`.
    public var unit: String
    /// The value as shown to a reader.
    public var display: String

    /// Creates a result.
    public init(value: Double, unit: String, display: String) {
        self.value = value
        self.unit = unit
        self.display = display
    }
}

/// A titled chain of steps, named results and warnings.
public struct Derivation: Sendable, Equatable {
    /// What was derived ("Fraud detection service: capacity").
    public var title: String
    /// The steps in the order they are computed.
    public private(set) var steps: [DerivationStep] = []
    /// Named results, in insertion order (rendered sorted by key in JSON).
    public private(set) var results: [(key: String, result: DerivationResult)] = []
    /// Warnings not tied to one step, plus every step warning, in order.
    public private(set) var warnings: [String] = []

    /// An empty derivation.
    public init(title: String) { self.title = title }

    /// Appends a step; its warning (if any) is also listed in ``warnings``.
    /// - Returns: the step's value, so a chain can continue from it.
    @discardableResult
    public mutating func add(_ step: DerivationStep) -> Double {
        steps.append(step)
        if let warning = step.warning { warnings.append("\(step.label): \(warning)") }
        return step.value
    }

    /// Records a named result; a second result with the same key replaces the first.
    public mutating func result(_ key: String, _ value: Double, unit: String, display: String? = nil) {
        let r = DerivationResult(value: value, unit: unit,
                                 display: display ?? NumberText.plain(value) + (unit.isEmpty ? "" : " " + unit))
        if let i = results.firstIndex(where: { $0.key == key }) {
            results[i].result = r
        } else {
            results.append((key, r))
        }
    }

    /// The named result, if recorded.
    public func result(_ key: String) -> DerivationResult? {
        results.first(where: { $0.key == key })?.result
    }

    /// Appends a warning not tied to a step.
    public mutating func warn(_ text: String) { warnings.append(text) }

    /// Appends all steps, results and warnings of `other` (its title is dropped).
    public mutating func append(_ other: Derivation) {
        for step in other.steps { steps.append(step) }
        for (key, r) in other.results { result(key, r.value, unit: r.unit, display: r.display) }
        warnings.append(contentsOf: other.warnings)
    }

    public static func == (lhs: Derivation, rhs: Derivation) -> Bool {
        lhs.title == rhs.title && lhs.steps == rhs.steps && lhs.warnings == rhs.warnings
            && lhs.results.map(\.key) == rhs.results.map(\.key)
            && lhs.results.map(\.result) == rhs.results.map(\.result)
    }
}
