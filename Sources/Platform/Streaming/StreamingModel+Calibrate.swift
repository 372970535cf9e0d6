import Analytics

extension StreamingModel {
    /// Records a `measured` operator is timed on.
    public static var calibrationRecords: Int { 20_000 }

    /// Times the real code of every `measured` operator on this machine:
    /// a fresh copy of its state runs over the first records of the input
    /// (at most ``calibrationRecords``, read ahead and then simulated as
    /// usual), and the mean wall time per record times the operator's CPU
    /// factor becomes its fixed service time. Results with a measured
    /// operator therefore depend on the machine (they are in
    /// ``StreamingResult/measuredServiceNanos`` so a run can be repeated
    /// with `fixed(...)` distributions); without one, nothing is timed.
    mutating func calibrate() {
        let ops = configuration.job.operators
        guard ops.contains(where: { if case .measured = $0.service { return true } else { return false } }) else { return }
        if block.isEmpty, let first = input.nextBlock() { block = first; cursor = 0; loadedStart = first.first?.arrivalNanos ?? .min } else if block.isEmpty { inputDone = true }
        let sample = Array(block.prefix(Self.calibrationRecords))
        guard !sample.isEmpty else { return }
        for (i, op) in ops.enumerated() {
            guard case .measured(let factor) = op.service else { continue }
            let clock = ContinuousClock()
            var sink = 0
            let elapsed: Duration
            switch op.kind {
            case .fraudScore:
                let scorer = FraudScorer(model: chain.scorer!.model, capacity: 1 << 16)
                elapsed = clock.measure {
                    for r in sample {
                        let txn = CompactTransaction(card: Int32(truncatingIfNeeded: r.key), merchant: max(0, r.merchant),
                                                     country: Int32(r.country), cardCountry: Int32(r.cardCountry),
                                                     mcc: max(0, min(9999, r.mcc)), amountUnits: max(0, r.amountUnits),
                                                     timestampMicros: r.eventMicros)
                        sink &+= scorer.assess(txn).decision.severity
                    }
                }
            case .sessionize:
                var s = StreamingSessionizer(gapMicroseconds: op.sessionTimeoutNanos / 1_000,
                                             allowedLatenessMicroseconds: configuration.job.allowedLatenessNanos / 1_000)
                elapsed = clock.measure {
                    for r in sample where s.add(user: Int32(truncatingIfNeeded: r.key), time: r.eventMicros, page: r.merchant, eventType: Int32(r.mcc)) {
                        sink &+= 1
                    }
                }
            case .dedup:
                var w = DedupWindow(capacity: op.dedupWindowRecords)
                elapsed = clock.measure { for r in sample where w.seen(r.id) { sink &+= 1 } }
            case .enrich, .custom:
                elapsed = .zero  // refused by validation
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            chain.fixedNanos[i] = Int64((seconds * 1e9 / Double(sample.count) * factor).rounded()) + Int64(sink & 0)
        }
    }
}
