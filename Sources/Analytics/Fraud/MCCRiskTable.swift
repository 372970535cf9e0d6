/// Merchant-category risk learned in training: the fraud rate of each MCC,
/// smoothed towards the overall rate, and used by the model as its
/// log-odds. Smoothing: rate = (frauds + α·prior) / (transactions + α), with
/// α pseudo-transactions at the overall fraud rate `prior`, so a category
/// seen a few times stays close to the prior. An MCC absent from training
/// gets the prior.

import Foundation

/// Smoothed fraud rate per merchant category code.
public struct MCCRiskTable: Equatable, Sendable {
    /// Overall fraud rate of the training rows, in (0, 1).
    public let priorRate: Double
    /// Pseudo-transactions α of the smoothing, > 0.
    public let smoothing: Double
    /// Smoothed rate per MCC seen in training, each in (0, 1).
    public let rates: [Int: Double]
    /// Log-odds of the rate of every MCC 0...9999 (prior for unseen ones).
    @usableFromInline let logOdds: [Double]

    /// A table from given rates (as read from a model file).
    /// - Precondition: every rate and `priorRate` in (0, 1), MCCs in 0...9999,
    ///   `smoothing > 0` (the model loader checks these first).
    public init(priorRate: Double, smoothing: Double, rates: [Int: Double]) {
        precondition(priorRate > 0 && priorRate < 1, "prior fraud rate must be in (0, 1), got \(priorRate)")
        precondition(smoothing > 0, "smoothing must be > 0, got \(smoothing)")
        func logit(_ p: Double) -> Double { Foundation.log(p / (1 - p)) }
        var table = [Double](repeating: logit(priorRate), count: 10_000)
        for (mcc, rate) in rates {
            precondition((0...9999).contains(mcc) && rate > 0 && rate < 1, "MCC \(mcc) rate \(rate) out of range")
            table[mcc] = logit(rate)
        }
        self.priorRate = priorRate
        self.smoothing = smoothing
        self.rates = rates
        self.logOdds = table
    }

    /// Learns the table from labelled transactions.
    /// - Parameters:
    ///   - mccs: MCC of each row, 0...9999.
    ///   - labels: `true` for fraud, same length.
    ///   - smoothing: α, pseudo-transactions at the prior.
    /// - Precondition: at least one fraud and one legitimate row (the
    ///   trainer checks this and throws first).
    public static func learn(mccs: [Int16], labels: [Bool], smoothing: Double = 50) -> MCCRiskTable {
        precondition(mccs.count == labels.count, "one label per row")
        var counts = [Int](repeating: 0, count: 10_000), frauds = [Int](repeating: 0, count: 10_000)
        for (mcc, fraud) in zip(mccs, labels) {
            counts[Int(mcc)] += 1
            if fraud { frauds[Int(mcc)] += 1 }
        }
        let totalFrauds = frauds.reduce(0, +)
        precondition(totalFrauds > 0 && totalFrauds < labels.count, "need both classes to learn MCC risk")
        let prior = Double(totalFrauds) / Double(labels.count)
        var rates: [Int: Double] = [:]
        for mcc in 0..<10_000 where counts[mcc] > 0 {
            rates[mcc] = (Double(frauds[mcc]) + smoothing * prior) / (Double(counts[mcc]) + smoothing)
        }
        return MCCRiskTable(priorRate: prior, smoothing: smoothing, rates: rates)
    }

    /// The log-odds risk of `mcc`, the model's `mcc_risk` input.
    /// - Complexity: O(1), one array read.
    @inlinable
    public func risk(_ mcc: Int16) -> Double { logOdds[Int(mcc)] }

    /// Equality of the learned values (the derived lookup array follows).
    public static func == (a: Self, b: Self) -> Bool {
        a.priorRate == b.priorRate && a.smoothing == b.smoothing && a.rates == b.rates
    }
}
