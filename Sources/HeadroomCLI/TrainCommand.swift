/// `headroom train`: fits the fraud model on labelled card transactions and
/// writes the model file that `headroom analyze fraud` reads (docs/fraud.md).

import Analytics
import ArgumentParser
import Foundation

/// Trains the fraud model.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the fraud model (L2 logistic regression, GSL) on labelled transactions.",
        discussion: """
            Input: the columns of `headroom analyze fraud` with is_fraud required on every row. \
            Online features are computed in ts order; the MCC risk table, feature standardization, \
            coefficients (Newton/IRLS, GSL Cholesky) and thresholds are learned from these rows: \
            BLOCK at the lowest score whose false-positive rate on the legitimate rows is at most \
            --target-fpr, REVIEW likewise for --review-fpr. The model is JSON with sorted keys, \
            written completely or not at all.
            """)

    @Option(help: ArgumentHelp("The labelled transactions CSV.", valueName: "FILE"))
    var transactions: String

    @Option(help: ArgumentHelp("Where to write the model (JSON).", valueName: "FILE"))
    var out: String

    @Option(help: "Largest false-positive rate of BLOCK, as 0.001 or 0.1%.")
    var targetFpr: String = "0.1%"

    @Option(help: "Largest false-positive rate of REVIEW or BLOCK, as 0.01 or 1%.")
    var reviewFpr: String = "1%"

    @Option(help: "L2 penalty on the standardized coefficients.")
    var l2: String = "1"

    @Flag(help: "Skip rows with a missing field or an unparsable value (counted, the first 5 shown) instead of failing.")
    var skipBadRows = false

    /// A rate written as `0.001` or `0.1%`.
    static func rate(_ text: String, flag: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        let percent = t.hasSuffix("%")
        guard let v = Double(percent ? String(t.dropLast()) : t), v.isFinite else {
            throw ValidationError("invalid \(flag): \"\(text)\" is not a rate; accepted forms: 0.001, 0.1%")
        }
        return percent ? v / 100 : v
    }

    /// The training options from the flags, every problem reported at once.
    func options() throws -> FraudTrainingOptions {
        var options = FraudTrainingOptions()
        options.targetFPRBlock = try Self.rate(targetFpr, flag: "--target-fpr")
        options.targetFPRReview = try Self.rate(reviewFpr, flag: "--review-fpr")
        guard let penalty = Double(l2.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("invalid --l2: \"\(l2)\" is not a number")
        }
        options.l2 = penalty
        let problems = options.problems()
        if !problems.isEmpty {
            throw ValidationError(problems.map { "invalid \($0.location): \($0.message)" }.joined(separator: "\n"))
        }
        return options
    }

    func validate() throws { _ = try options() }

    func run() throws {
        let options = try options()
        var badRows = BadRowLog(skipsBadRows: skipBadRows)
        let log = try TransactionLog.read(path: transactions, requireLabels: true, badRows: &badRows)
        let order = log.timeOrder()
        let txns = order.map { log.transactions[$0] }
        let labels = order.map { log.labels[$0] == 1 }
        let model: FraudModel
        do {
            model = try FraudTrainer.train(txns, labels: labels, options: options)
        } catch let error as FraudError {
            throw FraudError("\(transactions): \(error.location)", error.message)
        }
        do {
            try model.jsonData().write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw FraudError(out, "cannot write the model file: \(error.localizedDescription)")
        }
        let scorer = FraudScorer(model: model)
        var detection = DetectionSummary()
        for (txn, fraud) in zip(txns, labels) {
            detection.record(decision: scorer.assess(txn).decision, rulesFlagged: false, fraud: fraud)
        }
        let block = detection.byDecision[.block]!, flagged = detection.flagged
        for line in badRows.reportLines { AnalyzeOutputOptions.printError(line) }
        AnalyzeOutputOptions.printError(
            "train: \(log.count) rows (\(model.training.frauds) fraud), \(FraudFeature.count) features, "
            + "\(model.training.iterations) Newton iterations; BLOCK at score >= \(fixed(model.policy.block, 6)) "
            + "(training FPR \(fixed(block.falsePositiveRate, 6)), recall \(fixed(block.recall, 4))); "
            + "REVIEW at >= \(fixed(model.policy.review, 6)) (REVIEW+BLOCK FPR \(fixed(flagged.falsePositiveRate, 6)), "
            + "recall \(fixed(flagged.recall, 4)))"
            + (badRows.count > 0 ? "; \(badRows.count) bad rows skipped" : "") + " -> \(out)")
    }
}
