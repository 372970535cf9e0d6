import Analytics
import Metrics
import Variates

/// The operator chain of the stream job with the real Analytics code in it.
///
/// ``process(_:start:degraded:)`` runs every operator on one record in the
/// order the job processes records, and returns how long the record holds
/// its task (the operators' service times, feature-store lookups and the
/// model call) and what became of it. State is shared by all tasks: one
/// fraud scorer, one sessionizer, one dedup window — equivalent to
/// per-task state because a key's records stay on one partition (with
/// salting, a hot key's records are scored against one shared state, as
/// if the state were looked up remotely).
struct OperatorChain {
    /// What happened to a record.
    enum Outcome: UInt8 { case approve, review, block, passed, duplicate, late }

    let kinds: [OperatorKind]
    let services: [Distribution]
    let sampled: [Bool]
    var fixedNanos: [Int64]
    let stream: RandomStream
    var scorer: FraudScorer?
    var sessionizer: StreamingSessionizer?
    var dedup: DedupWindow?
    var featureStore: FeatureStoreTimeline?
    var model: ModelCallTimeline
    /// Per-operator latency (service plus the calls it makes), in operator order.
    var latency: [LatencyHistogram]
    var sessionsClosed: Int64 = 0
    var callsInGroup = 0

    init(configuration c: StreamingConfiguration, fraudModel: FraudModel?, tree: SeedTree) {
        kinds = c.job.operators.map(\.kind)
        services = c.job.operators.map { op in
            if case .distribution(let d) = op.service { return d }
            return try! Distribution.deterministic(0)  // unused: the operator is measured
        }
        sampled = c.job.operators.map { if case .distribution = $0.service { true } else { false } }
        fixedNanos = Array(repeating: 0, count: c.job.operators.count)
        stream = tree.stream("operators")
        if let m = fraudModel, kinds.contains(.fraudScore) { scorer = FraudScorer(model: m, capacity: 1 << 21) }
        if let s = c.job.operators.first(where: { $0.kind == .sessionize }) {
            sessionizer = StreamingSessionizer(gapMicroseconds: s.sessionTimeoutNanos / 1_000,
                                               allowedLatenessMicroseconds: c.job.allowedLatenessNanos / 1_000)
        }
        if let d = c.job.operators.first(where: { $0.kind == .dedup }) { dedup = DedupWindow(capacity: d.dedupWindowRecords) }
        featureStore = c.featureStore.map { FeatureStoreTimeline($0, stream: tree.stream("feature-store")) }
        model = ModelCallTimeline(c.modelServer, stream: tree.stream("model-server"))
        latency = Array(repeating: LatencyHistogram(), count: c.job.operators.count)
    }

    /// Runs the chain on `r`, which starts at `start` (ns); returns the time
    /// it holds the task (ns) and its outcome. Operators after a drop do not run.
    @inline(__always)
    mutating func process(_ r: StreamRecord, start: Int64, degraded: Bool) -> (Int64, Outcome) {
        var total: Int64 = 0
        var outcome = Outcome.passed
        for i in kinds.indices {
            var t = sampled[i] ? nanos(services[i].sample(stream)) : fixedNanos[i]
            switch kinds[i] {
            case .fraudScore:
                if !degraded, let fs = featureStore { t += featureStore!.lookup(at: start + total + t, lookups: fs.lookups) }
                t += model.call(at: start + total + t)
                outcome = score(r, degraded: degraded)
            case .enrich:
                if degraded { t = 0 } else if let fs = featureStore { t += featureStore!.lookup(at: start + total + t, lookups: fs.lookups) }
            case .sessionize:
                if !sessionizer!.add(user: Int32(truncatingIfNeeded: r.key), time: r.eventMicros,
                                     page: r.merchant, eventType: Int32(r.mcc)) { outcome = .late }
                sessionizer!.drainClosed { _ in sessionsClosed += 1 }
            case .dedup:
                if dedup!.seen(r.id) { outcome = .duplicate }
            case .custom:
                break
            }
            total += t
            latency[i].record(nanos: t)
            if outcome == .duplicate || outcome == .late { break }
        }
        return (total, outcome)
    }

    /// Asks the CPU to start loading the feature state `store` will read
    /// for the records after `i` of `records` (the card index entry 8
    /// records ahead, the slot 4 ahead, its bucket rings 2 ahead), as
    /// ``FraudScorer/assessAll(_:_:)`` does: with a million active cards
    /// every card's state is a cache miss otherwise. A hint: no effect on any
    /// result. (Static, with the store passed in, so that calling it from
    /// the task loop never copies the chain.)
    @inline(__always)
    static func prefetch(_ store: FraudFeatureStore, _ records: UnsafeBufferPointer<StreamRecord>, after i: Int) {
        let d = FraudScorer.prefetchDistance
        if i + 2 * d < records.count { store.prefetchIndex(of: Int32(truncatingIfNeeded: records[i + 2 * d].key)) }
        if i + d < records.count { store.prefetchState(of: Int32(truncatingIfNeeded: records[i + d].key)) }
        if i + d / 2 < records.count { store.prefetchRings(of: Int32(truncatingIfNeeded: records[i + d / 2].key)) }
    }

    /// The fraud decision for `r` by the Analytics scorer. In degraded mode
    /// the long-window aggregates (24 h count, sum and amount z-score, which
    /// live in the feature store) are replaced by the in-process 1 h ones.
    @inline(__always)
    mutating func score(_ r: StreamRecord, degraded: Bool) -> Outcome {
        let s = scorer!
        let txn = CompactTransaction(card: Int32(truncatingIfNeeded: r.key), merchant: max(0, r.merchant), country: Int32(r.country),
                                     cardCountry: Int32(r.cardCountry), mcc: max(0, min(9999, r.mcc)),
                                     amountUnits: max(0, r.amountUnits), timestampMicros: r.eventMicros)
        var features = s.store.update(txn)
        if degraded {
            features.count24h = features.count1h
            features.sum24hUnits = features.sum1hUnits
            features.amountZ24h = 0
        }
        switch s.model.policy.decide(s.model.score(features, mcc: txn.mcc)) {
        case .allow: return .approve
        case .review: return .review
        case .block: return .block
        }
    }

    /// Closes the sessions still open (end of the run); returns how many closed.
    mutating func finish() {
        guard sessionizer != nil else { return }
        sessionizer!.finish()
        sessionizer!.drainClosed { _ in sessionsClosed += 1 }
    }
}

/// A bounded window of the most recent record ids: a ring of the ids in
/// arrival order and an open-addressing hash set (linear probing, at most
/// 25 % full, backward-shift deletion) holding exactly the ring's ids.
struct DedupWindow {
    var ring: [Int64]
    var next = 0
    var table: [Int64]
    let mask: Int
    static let empty = Int64.min

    init(capacity: Int) {
        ring = Array(repeating: Self.empty, count: capacity)
        var size = 16
        while size < 4 * capacity { size <<= 1 }
        table = Array(repeating: Self.empty, count: size)
        mask = size - 1
    }

    @inline(__always)
    func home(_ id: Int64) -> Int { Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// Whether `id` is in the window; if not, it enters it (evicting the oldest).
    @inline(__always)
    mutating func seen(_ id: Int64) -> Bool {
        var i = home(id)
        while table[i] != Self.empty {
            if table[i] == id { return true }
            i = (i + 1) & mask
        }
        let old = ring[next]
        if old != Self.empty { remove(old) }
        ring[next] = id
        next = next + 1 == ring.count ? 0 : next + 1
        i = home(id)
        while table[i] != Self.empty { i = (i + 1) & mask }
        table[i] = id
        return false
    }

    /// Removes `id` (present), shifting later entries of its probe run back.
    mutating func remove(_ id: Int64) {
        var i = home(id)
        while table[i] != id { i = (i + 1) & mask }
        var j = i
        while true {
            j = (j + 1) & mask
            let v = table[j]
            if v == Self.empty { break }
            let h = home(v)
            // v may move to i when i lies cyclically in [h, j).
            if (j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j)) {
                table[i] = v
                i = j
            }
        }
        table[i] = Self.empty
    }
}
