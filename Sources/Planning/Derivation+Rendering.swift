/// Renderers of a ``Derivation``: terminal text, Markdown and JSON.
///
/// All three are deterministic: steps in order, JSON keys sorted, numbers
/// formatted without the process locale.

import Foundation

extension Derivation {
    /// Plain text for a terminal: numbered steps, formula, substitution, result.
    ///
    ///      1. Ingress at average
    ///         event rate × event size
    ///         = 50,000/s × 1 KB
    ///         = 50 MB/s (47.7 MiB/s)
    public var text: String {
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
        let width = String(steps.count).count
        for (i, step) in steps.enumerated() {
            let number = String(repeating: " ", count: width - String(i + 1).count) + "\(i + 1)."
            let pad = String(repeating: " ", count: number.count + 1)
            out += "\(number) \(step.label)\n"
            out += "\(pad)\(step.formula)\n"
            if step.substituted != step.formula {
                out += "\(pad)= \(step.substituted)\n"
            }
            out += "\(pad)= \(step.display)\n"
            if let note = step.note { out += "\(pad)note: \(note)\n" }
            if let warning = step.warning { out += "\(pad)WARNING: \(warning)\n" }
        }
        if !warnings.isEmpty {
            out += "\nWarnings\n--------\n"
            for w in warnings { out += "! \(w)\n" }
        }
        return out
    }

    /// GitHub-flavoured Markdown: a table of steps, then notes and warnings.
    public var markdown: String {
        var out = "## \(title)\n\n| # | Step | Formula | Substituted | Result |\n|---:|---|---|---|---|\n"
        for (i, step) in steps.enumerated() {
            let cells = [step.label, step.formula, step.substituted, "**\(step.display)**"].map(Derivation.escapeCell)
            out += "| \(i + 1) | " + cells.joined(separator: " | ") + " |\n"
        }
        let notes = steps.enumerated().compactMap { i, s in s.note.map { "- Step \(i + 1) (\(s.label)): \($0)" } }
        if !notes.isEmpty { out += "\n### Notes\n\n" + notes.joined(separator: "\n") + "\n" }
        if !warnings.isEmpty {
            out += "\n### Warnings\n\n" + warnings.map { "- ⚠️ \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// `{"title", "steps": [{"label","formula","substituted","value","unit","display",…}], "results": {…}, "warnings": […]}`
    /// with sorted keys and pretty printing.
    public func json() -> String {
        let document = JSONDocument(title: title, steps: steps,
                                    results: Dictionary(uniqueKeysWithValues: results.map { ($0.key, $0.result) }),
                                    warnings: warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("encoding a derivation cannot fail: \(error)")
        }
    }

    /// The JSON shape of a derivation.
    struct JSONDocument: Codable {
        let title: String
        let steps: [DerivationStep]
        let results: [String: DerivationResult]
        let warnings: [String]
    }

    /// Escapes `|` and newlines for a Markdown table cell.
    static func escapeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
