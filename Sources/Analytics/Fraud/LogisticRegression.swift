/// L2-regularized logistic regression fitted by Newton's method (IRLS):
/// maximize Σ [y log p + (1 − y) log(1 − p)] − (λ/2)·Σ_{j≥1} β_j², with
/// p = σ(β_0 + Σ β_j x_j) and the intercept β_0 unpenalized. Each step
/// solves (XᵀWX + λD) δ = Xᵀ(y − p) − λDβ, W = diag(p(1 − p)), D the
/// identity without its intercept entry, by GSL's Cholesky factorization;
/// a step that lowers the objective is halved (up to 30 times). With λ > 0
/// the Hessian is positive definite, so separable data still converge.

import Foundation

/// A fitted logistic regression.
public struct LogisticFit: Equatable, Sendable {
    /// Intercept β_0.
    public var intercept: Double
    /// Coefficients β_1...β_p, one per column of the design.
    public var coefficients: [Double]
    /// Newton iterations made.
    public var iterations: Int
    /// Penalized log-likelihood at the solution.
    public var objective: Double
}

/// Regularized logistic regression by IRLS.
public enum LogisticRegression {
    /// Fits the model to `rows` observations of `columns` features.
    /// - Parameters:
    ///   - design: row-major `rows × columns` feature values (typically
    ///     standardized; the intercept is added here).
    ///   - labels: the outcome of each row.
    ///   - l2: penalty λ ≥ 0 on the coefficients.
    ///   - tolerance: stop when every step |δ_j| ≤ tolerance·(1 + |β_j|).
    ///   - maxIterations: Newton steps allowed.
    /// - Throws: ``FraudError`` when the data have a single class, the
    ///   Newton system cannot be solved, or it does not converge.
    /// - Complexity: O(iterations · rows · columns²).
    public static func fit(
        design: [Double], columns: Int, labels: [Bool], l2: Double,
        tolerance: Double = 1e-9, maxIterations: Int = 100
    ) throws -> LogisticFit {
        let n = labels.count, p = columns + 1
        precondition(columns >= 1 && design.count == n * columns, "design must be rows × columns")
        precondition(l2 >= 0 && l2.isFinite, "l2 must be a finite number >= 0")
        let positives = labels.lazy.filter { $0 }.count
        guard positives > 0 && positives < n else {
            throw FraudError("training data", "needs both fraud and legitimate rows; got \(positives) fraud of \(n)")
        }
        var beta = [Double](repeating: 0, count: p)
        beta[0] = Foundation.log(Double(positives) / Double(n - positives))
        var current = objective(design, columns, labels, beta, l2)
        for iteration in 1...maxIterations {
            var hessian = [Double](repeating: 0, count: p * p)
            var gradient = [Double](repeating: 0, count: p)
            var row = [Double](repeating: 1, count: p)
            for i in 0..<n {
                var eta = beta[0]
                for j in 0..<columns {
                    row[j + 1] = design[i * columns + j]
                    eta += beta[j + 1] * row[j + 1]
                }
                let prob = 1 / (1 + Foundation.exp(-eta))
                let w = Swift.max(prob * (1 - prob), 1e-12)
                let residual = (labels[i] ? 1 : 0) - prob
                for a in 0..<p {
                    gradient[a] += row[a] * residual
                    let wa = w * row[a]
                    for b in a..<p { hessian[a * p + b] += wa * row[b] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] }
                if a > 0 {
                    hessian[a * p + a] += l2
                    gradient[a] -= l2 * beta[a]
                }
            }
            let step = try LinearAlgebraGSL.solveSPD(hessian, gradient, location: "training (Newton step \(iteration))")
            var scale = 1.0
            var candidate = beta
            var value = current
            for _ in 0..<30 {
                for j in 0..<p { candidate[j] = beta[j] + scale * step[j] }
                value = objective(design, columns, labels, candidate, l2)
                if value >= current - 1e-12 * Swift.abs(current) { break }
                scale *= 0.5
            }
            beta = candidate
            current = value
            let converged = zip(step, beta).allSatisfy { Swift.abs(scale * $0) <= tolerance * (1 + Swift.abs($1)) }
            if converged {
                return LogisticFit(intercept: beta[0], coefficients: Array(beta[1...]), iterations: iteration, objective: current)
            }
        }
        throw FraudError("training", "Newton's method did not converge in \(maxIterations) iterations; try a larger --l2")
    }

    /// Penalized log-likelihood of `beta` (intercept first).
    static func objective(_ design: [Double], _ columns: Int, _ labels: [Bool], _ beta: [Double], _ l2: Double) -> Double {
        var total = 0.0
        for i in 0..<labels.count {
            var eta = beta[0]
            for j in 0..<columns { eta += beta[j + 1] * design[i * columns + j] }
            // log σ(η) = −log(1 + e^−η); log(1 − σ(η)) = −log(1 + e^η), computed stably.
            let z = labels[i] ? -eta : eta
            total -= z > 0 ? z + Foundation.log1p(Foundation.exp(-z)) : Foundation.log1p(Foundation.exp(z))
        }
        var penalty = 0.0
        for j in 1..<beta.count { penalty += beta[j] * beta[j] }
        return total - 0.5 * l2 * penalty
    }
}
