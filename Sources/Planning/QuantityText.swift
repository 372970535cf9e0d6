/// Splitting a written quantity into its number and its unit text.
///
/// `"1,576.8 TB"` → `(1576.8, "TB")`, `"50k/s"` → `(50, "k/s")`. Commas
/// are accepted only as thousands separators between groups of three
/// digits, so `"1,5 KB"` (a decimal comma) is rejected rather than read as
/// 15 KB.

/// The number and the unit text of a written quantity.
struct QuantityText {
    /// The numeric part, thousands separators removed.
    let number: Double
    /// Everything after the number, leading and trailing spaces removed.
    let unit: String

    /// Splits `text`, or throws a ``PlanningError`` for `field`.
    init(_ text: String, field: String, accepted: [String]) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var numberEnd = trimmed.startIndex
        var sawDigit = false
        var idx = trimmed.startIndex
        if idx < trimmed.endIndex, trimmed[idx] == "-" || trimmed[idx] == "+" {
            idx = trimmed.index(after: idx)
        }
        while idx < trimmed.endIndex {
            let ch = trimmed[idx]
            if ch.isASCII, ch.isNumber {
                sawDigit = true
            } else if ch == "." || ch == "," {
                // part of the number
            } else if (ch == "e" || ch == "E"), sawDigit {
                // an exponent only if digits follow: "1e3" but not "1 EB" or "1EiB"
                let next = trimmed.index(after: idx)
                guard next < trimmed.endIndex else { break }
                var look = next
                if trimmed[look] == "-" || trimmed[look] == "+" { look = trimmed.index(after: look) }
                guard look < trimmed.endIndex, trimmed[look].isASCII, trimmed[look].isNumber else { break }
                idx = look
            } else {
                break
            }
            idx = trimmed.index(after: idx)
            numberEnd = idx
        }
        let numberText = String(trimmed[trimmed.startIndex..<numberEnd])
        guard sawDigit else {
            throw PlanningError(field: field, "expected a number followed by a unit, got \"\(text)\"", accepted: accepted)
        }
        guard let number = QuantityText.parseNumber(numberText) else {
            throw PlanningError(field: field, "\"\(numberText)\" is not a number (use . as the decimal mark and , only between groups of three digits)", accepted: accepted)
        }
        self.number = number
        self.unit = String(trimmed[numberEnd...]).trimmingCharacters(in: .whitespaces)
    }

    /// Parses `"1,576.8"` or `"2.5e3"`; `nil` for misplaced commas.
    static func parseNumber(_ text: String) -> Double? {
        if text.contains(",") {
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let first = groups[0].trimmingPrefix(while: { $0 == "-" || $0 == "+" })
            guard !first.isEmpty, first.count <= 3,
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  parts.count < 2 || !parts[1].contains(",") else { return nil }
        }
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard let value = Double(plain), value.isFinite else { return nil }
        return value
    }
}

import Foundation
