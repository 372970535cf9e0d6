/// Training the fraud model on labelled transactions: online features in
/// file order (exactly as scoring computes them), the MCC risk table,
/// standardization, L2 logistic regression by IRLS with GSL, then the BLOCK
/// and REVIEW thresholds for their target false-positive rates on the
/// training rows' own scores.

/// Settings of ``FraudTrainer/train(_:labels:options:)``.
public struct FraudTrainingOptions: Equatable, Sendable {
    /// L2 penalty λ on the standardized coefficients.
    public var l2: Double = 1
    /// Target false-positive rate of BLOCK (0.1%).
    public var targetFPRBlock: Double = 0.001
    /// Target false-positive rate of REVIEW-or-BLOCK (1%).
    public var targetFPRReview: Double = 0.01
    /// MCC smoothing α, pseudo-transactions at the overall fraud rate.
    public var mccSmoothing: Double = 50

    /// The defaults: λ = 1, BLOCK at 0.1% FPR, REVIEW at 1%, α = 50.
    public init() {}

    /// Every problem with these settings, each naming its flag.
    public func problems() -> [FraudError] {
        var found: [FraudError] = []
        if !(l2 >= 0 && l2.isFinite) { found.append(FraudError("--l2", "must be a finite number >= 0, got \(l2)")) }
        if !(targetFPRBlock > 0 && targetFPRBlock < 1) {
            found.append(FraudError("--target-fpr", "must be in (0, 1) (e.g. 0.001 or 0.1%), got \(targetFPRBlock)"))
        }
        if !(targetFPRReview > 0 && targetFPRReview < 1) {
            found.append(FraudError("--review-fpr", "must be in (0, 1) (e.g. 0.01 or 1%), got \(targetFPRReview)"))
        } else if targetFPRReview < targetFPRBlock {
            found.append(FraudError("--review-fpr", "must be at least --target-fpr (\(targetFPRBlock)), got \(targetFPRReview)"))
        }
        if !(mccSmoothing > 0 && mccSmoothing.isFinite) {
            found.append(FraudError("--mcc-smoothing", "must be a finite number > 0, got \(mccSmoothing)"))
        }
        return found
    }
}

/// Fits a ``FraudModel``.
public enum FraudTrainer {
    /// Trains on `txns` in their order (time order) with their labels.
    /// - Throws: the first of ``FraudTrainingOptions/problems()``, or a
    ///   ``FraudError`` for unusable data (one class only) or a failed fit.
    /// - Complexity: O(iterations · rows · 13²).
    public static func train(_ txns: [CompactTransaction], labels: [Bool], options: FraudTrainingOptions = .init()) throws -> FraudModel {
        precondition(txns.count == labels.count, "one label per transaction")
        if let problem = options.problems().first { throw problem }
        let frauds = labels.lazy.filter { $0 }.count
        guard frauds > 0 && frauds < labels.count else {
            throw FraudError("training data", "needs both fraud and legitimate labelled rows; got \(frauds) fraud of \(labels.count)")
        }
        let store = FraudFeatureStore(capacity: Int(Int32.max))
        let features = txns.map { store.update($0) }
        let mccRisk = MCCRiskTable.learn(mccs: txns.map(\.mcc), labels: labels, smoothing: options.mccSmoothing)
        let p = FraudFeature.count
        let inputs = zip(features, txns).map { FraudFeature.vector($0, mccRisk: mccRisk.risk($1.mcc)) }

        var means = [Double](repeating: 0, count: p), sds = [Double](repeating: 0, count: p)
        let n = Double(inputs.count)
        for x in inputs { for j in 0..<p { means[j] += x[j] } }
        for j in 0..<p { means[j] /= n }
        for x in inputs { for j in 0..<p { sds[j] += (x[j] - means[j]) * (x[j] - means[j]) } }
        for j in 0..<p {
            let sd = (sds[j] / n).squareRoot()
            sds[j] = sd > 1e-12 * Swift.max(1, Swift.abs(means[j])) ? sd : 1
        }
        var design = [Double](repeating: 0, count: inputs.count * p)
        for (i, x) in inputs.enumerated() {
            for j in 0..<p { design[i * p + j] = (x[j] - means[j]) / sds[j] }
        }
        let fit = try LogisticRegression.fit(design: design, columns: p, labels: labels, l2: options.l2)
        let summary = FraudTrainingSummary(
            rows: labels.count, frauds: frauds, l2: options.l2, iterations: fit.iterations,
            targetFPRBlock: options.targetFPRBlock, targetFPRReview: options.targetFPRReview
        )
        let unthresholded = FraudModel(
            coefficients: fit.coefficients, intercept: fit.intercept, means: means, sds: sds,
            mccRisk: mccRisk, policy: FraudPolicy(review: 1, block: 1), training: summary
        )
        var negatives: [Double] = []
        negatives.reserveCapacity(labels.count - frauds)
        for (x, fraud) in zip(inputs, labels) where !fraud { negatives.append(unthresholded.score(inputs: x)) }
        let block = ThresholdChoice.threshold(negativeScores: negatives, targetFPR: options.targetFPRBlock)
        let review = Swift.min(ThresholdChoice.threshold(negativeScores: negatives, targetFPR: options.targetFPRReview), block)
        return unthresholded.with(policy: FraudPolicy(review: review, block: block))
    }
}
