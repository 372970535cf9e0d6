import Analytics
import Workloads

/// Turns a ``FraudModelSource`` into a model.
public enum FraudModelResolver {
    /// The model of `source`: read from its file, trained, or as given.
    /// Training generates `trainingMinutes` of stream `stream` of
    /// `workload` with the source's seed over the span that *ends* where the
    /// simulated span starts (`beforeMicros`), converts each card
    /// transaction to the scorer's compact form with its planted label, and
    /// runs ``FraudTrainer/train(_:labels:options:)``.
    /// - Throws: the file's read/decode error, or the trainer's (for example
    ///   no fraud in the training span).
    public static func resolve(_ source: FraudModelSource, workload: Workload, stream: String,
                               beforeMicros: Int64) throws -> FraudModel {
        switch source {
        case .model(let m):
            return m
        case .file(let path):
            return try FraudModel.load(path: path)
        case .train(let minutes, let seed, let options):
            let from = beforeMicros - Int64(minutes) * Timestamp.minute
            let generator = WorkloadGenerator(workload: workload, seed: seed, from: from, to: beforeMicros)
            guard let input = CardTransactionInput(generator: generator, stream: stream, originMicros: from) else {
                throw FraudError("fraud_model.train", "stream '\(stream)' is not a card_transactions stream of the workload")
            }
            var txns: [CompactTransaction] = []
            var labels: [Bool] = []
            while let block = input.nextBlock() {
                for r in block {
                    txns.append(compact(r))
                    labels.append(r.isFraud)
                }
            }
            return try FraudTrainer.train(txns, labels: labels, options: options)
        }
    }

    /// The scorer's compact transaction for a stream record.
    @inline(__always)
    static func compact(_ r: StreamRecord) -> CompactTransaction {
        CompactTransaction(card: Int32(truncatingIfNeeded: r.key), merchant: max(0, r.merchant), country: Int32(r.country),
                           cardCountry: Int32(r.cardCountry), mcc: max(0, min(9999, r.mcc)),
                           amountUnits: max(0, r.amountUnits), timestampMicros: r.eventMicros)
    }
}
