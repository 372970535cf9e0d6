/// Online fraud scoring: each transaction updates its card's state, is
/// scored by the model and gets a decision. This is the per-event code path
/// the simulator and `headroom analyze fraud` run.

/// The outcome of scoring one transaction.
public struct FraudAssessment: Equatable, Sendable {
    /// The transaction's online features.
    public var features: CardFeatures
    /// Fraud score in [0, 1].
    public var score: Double
    /// The policy's decision for the score.
    public var decision: FraudDecision

    /// An assessment from its parts.
    public init(features: CardFeatures, score: Double, decision: FraudDecision) {
        self.features = features
        self.score = score
        self.decision = decision
    }
}

/// A model and the feature state of the cards it scores. Not thread-safe.
public final class FraudScorer {
    /// The model in use.
    public let model: FraudModel
    /// The per-card state (exposed for its counters and bounds).
    public let store: FraudFeatureStore

    /// A scorer with empty state.
    /// - Parameter capacity: most cards holding state at once (see
    ///   ``FraudFeatureStore``).
    public init(model: FraudModel, capacity: Int = 1 << 22) {
        self.model = model
        self.store = FraudFeatureStore(capacity: capacity)
    }

    /// Updates the card's state with `txn`, scores it and decides.
    /// - Complexity: amortized O(1).
    public func assess(_ txn: CompactTransaction) -> FraudAssessment {
        let features = store.update(txn)
        let score = model.score(features, mcc: txn.mcc)
        return FraudAssessment(features: features, score: score, decision: model.policy.decide(score))
    }

    /// How many transactions ahead the batch path prefetches card state
    /// (the index entry twice as far ahead, out-of-slot rings half as far).
    public static let prefetchDistance = 4

    /// Assesses `txns` in order, calling `body` with each index and result:
    /// exactly the results of calling ``assess(_:)`` on each in turn, faster
    /// on large card populations because the state of the card
    /// ``prefetchDistance`` transactions ahead is requested from memory
    /// while the current one is worked on.
    /// - Complexity: amortized O(1) per transaction.
    public func assessAll(_ txns: UnsafeBufferPointer<CompactTransaction>, _ body: (Int, FraudAssessment) throws -> Void) rethrows {
        let d = Self.prefetchDistance
        for i in 0..<txns.count {
            if i + 2 * d < txns.count { store.prefetchIndex(of: txns[i + 2 * d].card) }
            if i + d < txns.count { store.prefetchState(of: txns[i + d].card) }
            if i + d / 2 < txns.count { store.prefetchRings(of: txns[i + d / 2].card) }
            try body(i, assess(txns[i]))
        }
    }
}
