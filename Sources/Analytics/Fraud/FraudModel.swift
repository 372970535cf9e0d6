/// The trained fraud model: a logistic regression over the standardized
/// ``FraudFeature`` inputs, the merchant-category risk table it needs, and
/// the decision thresholds. Scoring folds the standardization into the
/// weights once (w/sd and a shifted intercept), so one score is a 16-lane
/// dot product and an exponential.

import Foundation

/// A fraud model: score = σ(intercept + Σ coefficient·(x − mean)/sd).
public struct FraudModel: Equatable, Sendable {
    /// Version of the model file format written and accepted.
    public static let formatVersion = 1

    /// Coefficient of each standardized feature, in ``FraudFeature`` order.
    public let coefficients: [Double]
    /// Intercept of the linear score (log-odds at the feature means).
    public let intercept: Double
    /// Training mean of each feature.
    public let means: [Double]
    /// Training standard deviation of each feature (1 for a constant one).
    public let sds: [Double]
    /// Merchant-category risk table.
    public let mccRisk: MCCRiskTable
    /// Thresholds mapping the score to a decision.
    public let policy: FraudPolicy
    /// How the model was trained (recorded in the file; not used to score).
    public let training: FraudTrainingSummary

    /// Standardization folded into the weights: w_i / sd_i.
    @usableFromInline let foldedWeights: SIMD16<Double>
    /// intercept − Σ w_i·mean_i/sd_i.
    @usableFromInline let foldedIntercept: Double

    /// A model from its parts.
    /// - Precondition: ``FraudFeature/count`` coefficients, means and
    ///   positive finite sds (``FraudModel/decode(_:file:)`` checks first).
    public init(
        coefficients: [Double], intercept: Double, means: [Double], sds: [Double],
        mccRisk: MCCRiskTable, policy: FraudPolicy, training: FraudTrainingSummary
    ) {
        let n = FraudFeature.count
        precondition(coefficients.count == n && means.count == n && sds.count == n, "a fraud model has \(n) features")
        precondition(sds.allSatisfy { $0 > 0 && $0.isFinite }, "feature sds must be positive and finite")
        self.coefficients = coefficients
        self.intercept = intercept
        self.means = means
        self.sds = sds
        self.mccRisk = mccRisk
        self.policy = policy
        self.training = training
        var w = SIMD16<Double>()
        var b = intercept
        for i in 0..<n {
            w[i] = coefficients[i] / sds[i]
            b -= coefficients[i] * means[i] / sds[i]
        }
        foldedWeights = w
        foldedIntercept = b
    }

    /// The same model with other thresholds.
    public func with(policy: FraudPolicy) -> FraudModel {
        FraudModel(coefficients: coefficients, intercept: intercept, means: means, sds: sds,
                   mccRisk: mccRisk, policy: policy, training: training)
    }

    /// The model inputs of a transaction with features `f` and category `mcc`.
    @inlinable
    public func inputs(_ f: CardFeatures, mcc: Int16) -> SIMD16<Double> {
        FraudFeature.vector(f, mccRisk: mccRisk.risk(mcc))
    }

    /// The fraud score in [0, 1] of model inputs `x`.
    /// - Complexity: O(1): a 16-lane dot product and one `exp`.
    @inlinable
    public func score(inputs x: SIMD16<Double>) -> Double {
        let eta = foldedIntercept + (foldedWeights * x).sum()
        return 1 / (1 + Foundation.exp(-eta))
    }

    /// The fraud score in [0, 1] of a transaction with features `f`.
    @inlinable
    public func score(_ f: CardFeatures, mcc: Int16) -> Double {
        score(inputs: inputs(f, mcc: mcc))
    }

    /// Equality of the stored values.
    public static func == (a: Self, b: Self) -> Bool {
        a.coefficients == b.coefficients && a.intercept == b.intercept && a.means == b.means
            && a.sds == b.sds && a.mccRisk == b.mccRisk && a.policy == b.policy && a.training == b.training
    }
}

/// What training did, as recorded in the model file.
public struct FraudTrainingSummary: Equatable, Sendable, Codable {
    /// Labelled rows used.
    public var rows: Int
    /// Of which fraud.
    public var frauds: Int
    /// L2 penalty λ on the standardized coefficients (intercept unpenalized).
    public var l2: Double
    /// Newton (IRLS) iterations to convergence.
    public var iterations: Int
    /// Target false-positive rate of BLOCK.
    public var targetFPRBlock: Double
    /// Target false-positive rate of REVIEW-or-BLOCK.
    public var targetFPRReview: Double

    /// A training summary.
    public init(rows: Int, frauds: Int, l2: Double, iterations: Int, targetFPRBlock: Double, targetFPRReview: Double) {
        self.rows = rows
        self.frauds = frauds
        self.l2 = l2
        self.iterations = iterations
        self.targetFPRBlock = targetFPRBlock
        self.targetFPRReview = targetFPRReview
    }

    enum CodingKeys: String, CodingKey {
        case rows, frauds, l2, iterations
        case targetFPRBlock = "target_fpr_block"
        case targetFPRReview = "target_fpr_review"
    }
}
