/// Checks a claimed size conversion ("1,576.8 TB ≈ 1.54 PB") and explains
/// what went wrong when it is wrong.
///
/// The classic slip is to convert between prefixes with the other
/// system's step: dividing a decimal terabyte figure by 1024 to get
/// "petabytes" (1,576.8 / 1024 = 1.54), which is neither the decimal answer
/// (1.58 PB) nor the binary one (1.40 PiB). The check recognizes, in order:
/// a consistent conversion (within the precision the claim is written to),
/// a mixed-system step, a right number under the wrong system's label
/// ("1.40 PB" for 1.40 PiB), and otherwise reports the size of the error.

import Foundation

/// The verdict on one claimed conversion.
public struct UnitSlipCheck: Sendable, Equatable {
    /// What kind of conversion the claim is.
    public enum Verdict: String, Sendable, Equatable, Codable {
        /// The two sides agree within the claim's written precision.
        case consistent
        /// The prefix step of the other system was used (÷1024 on decimal units, ÷1000 on binary).
        case mixedSystems
        /// The number is right for the counterpart unit (PiB) but labelled with this one (PB).
        case wrongLabel
        /// None of the above: the figure is simply off.
        case wrong
    }

    /// The claim as written.
    public let claim: String
    /// The left-hand side, parsed.
    public let source: ByteCount
    /// The unit of the left-hand side.
    public let sourceUnit: ByteUnit
    /// The number written on the right-hand side.
    public let claimedValue: Double
    /// The unit written on the right-hand side.
    public let claimedUnit: ByteUnit
    /// The left-hand side expressed in the claimed unit.
    public let correctValue: Double
    /// The verdict.
    public let verdict: Verdict
    /// One or two sentences a reader can act on.
    public let explanation: String

    /// Separators between the two sides, longest first.
    static let separators = ["~=", "≈", "->", "→", "=", "~"]

    /// Checks `claim`, written as `<size> <sep> <size>` with `=`, `≈`, `~`, `->` or `→`.
    /// - Throws: ``PlanningError`` naming `field` when either side is not a size.
    public init(claim: String, field: String = "claim") throws {
        guard let sep = UnitSlipCheck.separators.first(where: { claim.contains($0) }),
              let range = claim.range(of: sep) else {
            throw PlanningError(field: field, "\"\(claim)\" is not a conversion; write two sizes joined by = or ≈",
                                accepted: ["1,576.8 TB ≈ 1.54 PB", "4,320 GB = 4.32 TB"])
        }
        let left = String(claim[..<range.lowerBound])
        let right = String(claim[range.upperBound...])
        let lq = try QuantityText(left, field: field, accepted: ByteUnit.acceptedForms)
        let rq = try QuantityText(right, field: field, accepted: ByteUnit.acceptedForms)
        guard let lu = ByteUnit.parse(lq.unit) else {
            throw PlanningError(field: field, ByteCount.unknownUnitMessage(lq.unit, in: left), accepted: ByteUnit.acceptedForms)
        }
        guard let ru = ByteUnit.parse(rq.unit) else {
            throw PlanningError(field: field, ByteCount.unknownUnitMessage(rq.unit, in: right), accepted: ByteUnit.acceptedForms)
        }
        self.claim = claim.trimmingCharacters(in: .whitespaces)
        self.sourceUnit = lu
        self.source = ByteCount(lq.number, lu)
        self.claimedValue = rq.number
        self.claimedUnit = ru
        self.correctValue = source.value(in: ru)

        let approximate = sep != "="
        let tolerance = Swift.max(UnitSlipCheck.halfLastDigit(right), approximate ? 0.01 * Swift.abs(correctValue) : 0)
        let close = { (x: Double) in Swift.abs(x - rq.number) <= tolerance + 1e-12 * Swift.abs(x) }
        // The mixed step: the other system's base applied across the exponent difference.
        let steps = ru.exponent - lu.exponent
        let mixedBase = lu.system == ru.system ? lu.system.other.base : 0
        let mixedValue = mixedBase == 0 ? Double.nan : lq.number * Foundation.pow(mixedBase, Double(-steps))
        let counterpartValue = source.value(in: ru.counterpart)
        let lhs = NumberText.plain(lq.number) + " " + lu.rawValue
        let inOne = ru.system == .decimal ? ru : ru.counterpart
        let bothWays = "\(lhs) = \(NumberText.fixedSignificant(source.value(in: inOne))) \(inOne.rawValue)"
            + " = \(NumberText.fixedSignificant(source.value(in: inOne.counterpart))) \(inOne.counterpart.rawValue)"
        let error = (rq.number - correctValue) / correctValue
        let offBy = (error < 0 ? "understates" : "overstates") + " by \(NumberText.percent(Swift.abs(error), digits: 2))"

        if close(correctValue) {
            verdict = .consistent
            explanation = "\(self.claim) is consistent (\(bothWays))."
        } else if steps != 0, mixedValue.isFinite, close(mixedValue) {
            verdict = .mixedSystems
            let op = steps > 0 ? "÷" : "×"
            let factor = NumberText.plain(Foundation.pow(mixedBase, Double(Swift.abs(steps))))
            let wrongStep = "\(NumberText.plain(lq.number)) \(op) \(factor) = \(NumberText.significant(mixedValue, digits: 4))"
            explanation = "\(self.claim) mixes unit systems: \(wrongStep) applies the \(lu.system.other.rawValue) step \(factor) "
                + "to \(lu.system.rawValue) units (\(lu.rawValue), \(ru.rawValue)), so the result is neither \(ru.rawValue) nor \(ru.counterpart.rawValue). "
                + "Correct: \(bothWays); the claim \(offBy)."
        } else if close(counterpartValue) {
            verdict = .wrongLabel
            explanation = "\(self.claim) gives the figure in \(ru.counterpart.rawValue) but labels it \(ru.rawValue). "
                + "Correct: \(bothWays)."
        } else {
            verdict = .wrong
            explanation = "\(self.claim) \(offBy): \(bothWays)."
        }
    }

    /// Half a unit in the last written digit of the number in `text` (`"1.54 PB"` → 0.005).
    static func halfLastDigit(_ text: String) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix(while: { $0.isNumber || $0 == "." || $0 == "," })
        guard let dot = number.firstIndex(of: ".") else { return 0.5 }
        let decimals = number.distance(from: number.index(after: dot), to: number.endIndex)
        return 0.5 * Foundation.pow(10, Double(-decimals))
    }
}
