/// `headroom analyze fraud`: online fraud scoring of a card-transactions CSV
/// with a trained model (docs/fraud.md): per transaction its score and
/// ALLOW/REVIEW/BLOCK decision; with labels, precision, recall and
/// false-positive rate per decision and for the rules-only baseline.

import Analytics
import ArgumentParser

/// Scores a transactions file.
struct AnalyzeFraudCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fraud",
        abstract: "Score card transactions with a trained model: txn_id, score, decision.",
        discussion: """
            Input columns: txn_id, card_token, merchant_id, mcc, amount, currency, country, \
            card_country, ts, and optionally is_fraud (1/0/true/false, empty = unlabelled); any \
            order, extra columns ignored. Transactions are fed to the per-card online features in \
            ts order (ties in file order); output rows follow the input order. score has 6 \
            decimals; decision is ALLOW, REVIEW or BLOCK by the model's thresholds. With labels \
            the summary adds precision, recall and FPR per decision, for REVIEW+BLOCK and for the \
            rules-only baseline (amount > 1000, more than 3 in a minute, country mismatch and \
            amount > 300). Train a model with `headroom train`.
            """)

    @Option(help: ArgumentHelp("The transactions CSV.", valueName: "FILE"))
    var transactions: String

    @Option(help: ArgumentHelp("The model file written by `headroom train`.", valueName: "FILE"))
    var model: String

    @OptionGroup var output: AnalyzeOutputOptions

    func run() throws {
        let model = try FraudModel.load(path: model)
        var badRows = output.badRowLog
        let log = try TransactionLog.read(path: transactions, badRows: &badRows)
        let scorer = FraudScorer(model: model)
        let rules = FraudRules()
        var scores = [Double](repeating: 0, count: log.count)
        var decisions = [FraudDecision](repeating: .allow, count: log.count)
        var detection = DetectionSummary()
        var perDecision = [0, 0, 0]
        let order = log.timeOrder()
        let ordered = order.map { log.transactions[$0] }
        ordered.withUnsafeBufferPointer { buffer in
            scorer.assessAll(buffer) { k, a in
                let i = order[k]
                scores[i] = a.score
                decisions[i] = a.decision
                perDecision[a.decision.severity] += 1
                if log.labels[i] >= 0 {
                    detection.record(decision: a.decision, rulesFlagged: rules.flags(a.features), fraud: log.labels[i] == 1)
                }
            }
        }
        let writer = try output.writer(header: ["txn_id", "score", "decision"])
        for i in 0..<log.count {
            log.txnIDs.withKey(log.txnID[i]) { writer.field($0) }
            writer.field(fixed(scores[i], 6))
            writer.field(decisions[i].rawValue)
            writer.endRow()
        }
        try writer.finish()
        let labelled = log.labelledCount
        output.report("fraud: \(log.count) transactions, \(log.cards.count) cards; ALLOW \(perDecision[0]), "
                      + "REVIEW \(perDecision[1]), BLOCK \(perDecision[2])"
                      + (labelled > 0 ? "; \(labelled) labelled" : "") + " -> \(output.destination)", badRows: badRows)
        if labelled > 0 {
            for line in detection.lines { AnalyzeOutputOptions.printError("  " + line) }
        }
    }
}
