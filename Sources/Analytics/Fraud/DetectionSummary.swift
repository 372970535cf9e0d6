/// Precision, recall and false-positive rate of decisions against labels:
/// per decision (ALLOW, REVIEW, BLOCK), for REVIEW-or-BLOCK ("flagged"), and
/// for any other yes/no detector such as ``FraudRules``.

/// Counts of a yes/no detector against labels.
public struct DetectionCounts: Equatable, Sendable {
    /// Fraud rows the detector said yes to.
    public var truePositives = 0
    /// Legitimate rows the detector said yes to.
    public var falsePositives = 0
    /// Fraud rows in all.
    public var frauds = 0
    /// Legitimate rows in all.
    public var legitimate = 0

    /// Empty counts.
    public init() {}

    /// Counts one labelled row.
    @inlinable
    public mutating func record(flagged: Bool, fraud: Bool) {
        if fraud { frauds += 1 } else { legitimate += 1 }
        if flagged { if fraud { truePositives += 1 } else { falsePositives += 1 } }
    }

    /// TP / (TP + FP); 0 when nothing was flagged.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// TP / frauds; 0 without frauds.
    public var recall: Double { frauds == 0 ? 0 : Double(truePositives) / Double(frauds) }
    /// FP / legitimate rows; 0 without legitimate rows.
    public var falsePositiveRate: Double { legitimate == 0 ? 0 : Double(falsePositives) / Double(legitimate) }
}

/// Detection counts for each decision of a run, for flagged, and for the rules.
public struct DetectionSummary: Equatable, Sendable {
    /// Counts with "yes" = the decision was exactly this one.
    public private(set) var byDecision: [FraudDecision: DetectionCounts] = [:]
    /// Counts with "yes" = REVIEW or BLOCK.
    public private(set) var flagged = DetectionCounts()
    /// Counts with "yes" = the rules baseline fired.
    public private(set) var rules = DetectionCounts()

    /// Empty summary.
    public init() {
        for d in FraudDecision.allCases { byDecision[d] = DetectionCounts() }
    }

    /// Counts one labelled transaction.
    public mutating func record(decision: FraudDecision, rulesFlagged: Bool, fraud: Bool) {
        for d in FraudDecision.allCases { byDecision[d]!.record(flagged: d == decision, fraud: fraud) }
        flagged.record(flagged: decision != .allow, fraud: fraud)
        rules.record(flagged: rulesFlagged, fraud: fraud)
    }

    /// One line per decision, flagged and rules:
    /// `BLOCK   n=12  precision 0.9167  recall 0.3548  FPR 0.000100`.
    public var lines: [String] {
        func line(_ name: String, _ c: DetectionCounts) -> String {
            let n = c.truePositives + c.falsePositives
            return "\(name.padding(toLength: 15, withPad: " ", startingAt: 0)) n=\(n)  precision \(fixed(c.precision, 4))  recall \(fixed(c.recall, 4))  FPR \(fixed(c.falsePositiveRate, 6))"
        }
        var out = FraudDecision.allCases.reversed().map { line($0.rawValue, byDecision[$0]!) }
        out.append(line("REVIEW+BLOCK", flagged))
        out.append(line("rules baseline", rules))
        return out
    }
}

/// `value` with exactly `decimals` decimals: `|value|·10^decimals` (itself a
/// double) rounded half away from zero, printed from the integer, with no
/// locale and no `printf`, so the text is the same on every machine.
/// - Precondition: `value` finite, `|value| < 2^53 / 10^decimals`, `decimals` in 0...9.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    precondition(value.isFinite && (0...9).contains(decimals), "fixed() needs a finite value and 0...9 decimals")
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (Swift.abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    precondition(scaled < 9.0e15, "fixed(): \(value) too large for \(decimals) decimals")
    let units = UInt64(scaled)
    let p = UInt64(scale)
    let sign = value < 0 && units > 0 ? "-" : ""
    if decimals == 0 { return sign + String(units) }
    let fraction = String(units % p)
    return sign + String(units / p) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}
