import Foundation
import Testing
import Variates
@testable import Analytics

/// IRLS with GSL's Cholesky: planted coefficients are recovered, the score
/// equations hold at the solution, the penalty shrinks, bad data throw.
@Suite struct LogisticRegressionTests {
    /// Rows drawn from a known logistic model: x ~ N(0, 1) per column.
    func draw(seed: UInt64, rows: Int, beta: [Double]) -> (design: [Double], labels: [Bool]) {
        let stream = RandomStream(seed: seed, name: "fraud.logistic.truth")
        let normal = try! Distribution.parse("normal(mean=0, sd=1)")
        let columns = beta.count - 1
        var design: [Double] = [], labels: [Bool] = []
        for _ in 0..<rows {
            var eta = beta[0]
            for j in 0..<columns {
                let x = normal.sample(stream)
                design.append(x)
                eta += beta[j + 1] * x
            }
            labels.append(stream.bernoulli(1 / (1 + exp(-eta))))
        }
        return (design, labels)
    }

    /// Seed 11: 40,000 rows, β = (−1, 0.8, −0.5, 1.2, 0). Standard errors are
    /// about 0.015, so 0.06 is four of them.
    @Test func recoversPlantedCoefficients() throws {
        let beta = [-1.0, 0.8, -0.5, 1.2, 0.0]
        let (design, labels) = draw(seed: 11, rows: 40_000, beta: beta)
        let fit = try LogisticRegression.fit(design: design, columns: 4, labels: labels, l2: 1e-6)
        #expect(abs(fit.intercept - beta[0]) < 0.06)
        for j in 0..<4 { #expect(abs(fit.coefficients[j] - beta[j + 1]) < 0.06, "coefficient \(j + 1)") }
        #expect(fit.iterations < 15)
        // Score equations: Σ (y − p) x_j = λ β_j at the optimum.
        var gradient = [Double](repeating: 0, count: 5)
        for i in 0..<labels.count {
            var eta = fit.intercept
            for j in 0..<4 { eta += fit.coefficients[j] * design[i * 4 + j] }
            let r = (labels[i] ? 1.0 : 0.0) - 1 / (1 + exp(-eta))
            gradient[0] += r
            for j in 0..<4 { gradient[j + 1] += r * design[i * 4 + j] }
        }
        #expect(abs(gradient[0]) < 1e-7)
        for j in 0..<4 { #expect(abs(gradient[j + 1] - 1e-6 * fit.coefficients[j]) < 1e-7, "score equation \(j + 1)") }
    }

    /// Seed 12: a large penalty shrinks every coefficient towards zero.
    @Test func penaltyShrinks() throws {
        let (design, labels) = draw(seed: 12, rows: 5_000, beta: [0, 1, -1])
        let loose = try LogisticRegression.fit(design: design, columns: 2, labels: labels, l2: 0.01)
        let tight = try LogisticRegression.fit(design: design, columns: 2, labels: labels, l2: 5_000)
        for j in 0..<2 { #expect(abs(tight.coefficients[j]) < abs(loose.coefficients[j]) / 1.5) }
    }

    @Test func separableDataConvergeWithAPenalty() throws {
        let design = [-2.0, -1, 1, 2]
        let fit = try LogisticRegression.fit(design: design, columns: 1, labels: [false, false, true, true], l2: 0.1)
        #expect(fit.coefficients[0].isFinite && fit.coefficients[0] > 1)
    }

    @Test func oneClassOnlyIsAClearError() {
        #expect(throws: FraudError.self) {
            try LogisticRegression.fit(design: [1, 2, 3], columns: 1, labels: [false, false, false], l2: 1)
        }
    }

    @Test func nonFiniteFeaturesAreAnErrorNotAnAbort() {
        do {
            _ = try LogisticRegression.fit(design: [1, .infinity, 3, 4], columns: 1, labels: [false, true, false, true], l2: 1)
            Issue.record("expected an error")
        } catch let error as FraudError {
            #expect(error.message.contains("non-finite"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// Threshold choice for a target false-positive rate, and the policy.
@Suite struct ThresholdAndPolicyTests {
    @Test func thresholdFlagsAtMostTheTargetShare() {
        let scores = (1...1_000).map { Double($0) / 1_000 }
        let t = ThresholdChoice.threshold(negativeScores: scores, targetFPR: 0.01)
        #expect(scores.filter { $0 >= t }.count == 10)
        #expect(t > 0.990 && t <= 0.991.nextUp)
    }

    @Test func tiedScoresAtTheCutOffAreNotFlagged() {
        let scores = [0.9, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
        let t = ThresholdChoice.threshold(negativeScores: scores, targetFPR: 0.2)
        #expect(scores.filter { $0 >= t }.count == 1)
        #expect(ThresholdChoice.threshold(negativeScores: scores, targetFPR: 0.05) == 0.9.nextUp)
    }

    @Test func policyBoundaries() {
        let policy = FraudPolicy(review: 0.2, block: 0.8)
        #expect(policy.decide(0.199_999) == .allow)
        #expect(policy.decide(0.2) == .review)
        #expect(policy.decide(0.799_999) == .review)
        #expect(policy.decide(0.8) == .block)
        #expect(policy.decide(1) == .block)
        #expect(FraudDecision.allow < .review && FraudDecision.review < .block)
    }

    @Test func fixedDecimalsRoundHalfAwayFromZero() {
        #expect(fixed(0.5, 0) == "1")
        #expect(fixed(0.123_456_5, 6) == "0.123457")
        #expect(fixed(0.000_001_2, 6) == "0.000001")
        #expect(fixed(1, 6) == "1.000000")
        #expect(fixed(0, 4) == "0.0000")
        #expect(fixed(-2.25, 1) == "-2.3")
    }
}
