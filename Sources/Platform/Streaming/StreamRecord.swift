import Workloads

/// One record inside the streaming model: 64 bytes, no references, so a
/// Kafka partition is a ring of these.
///
/// Fields not used by a record kind are 0. Times: `arrivalNanos` and
/// `visibleNanos` are simulated nanoseconds since the start of the run;
/// `eventMicros` is the record's own event time (Workloads microseconds).
public struct StreamRecord: Sendable, Equatable {
    /// Partition key: card token, user id or player id.
    public var key: Int64
    /// Record id (transaction, bet or page-view sequence), used by dedup.
    public var id: Int64
    /// Event time, microseconds since the Unix epoch.
    public var eventMicros: Int64
    /// Arrival at the gateway (simulated ns).
    public var arrivalNanos: Int64
    /// When the record became readable in its partition (simulated ns).
    public var visibleNanos: Int64
    /// Amount in 1/10,000 currency units (card transactions, bets).
    public var amountUnits: Int64
    /// Merchant id (card transactions) or page index (page views).
    public var merchant: Int32
    /// Merchant category code (card transactions) or event type (page views).
    public var mcc: Int16
    /// Country index of the transaction.
    public var country: UInt8
    /// Country index of the card's issuer.
    public var cardCountry: UInt8
    /// Index of the region whose gateway took the record.
    public var region: UInt8
    /// Bit 0: labelled fraud; bit 1: a producer-retry duplicate; bit 2:
    /// moved to this region by an outage.
    public var flags: UInt8

    /// A record.
    @inlinable
    public init(key: Int64, id: Int64, eventMicros: Int64, arrivalNanos: Int64, amountUnits: Int64 = 0,
                merchant: Int32 = 0, mcc: Int16 = 0, country: UInt8 = 0, cardCountry: UInt8 = 0, fraud: Bool = false) {
        self.key = key
        self.id = id
        self.eventMicros = eventMicros
        self.arrivalNanos = arrivalNanos
        self.visibleNanos = 0
        self.amountUnits = amountUnits
        self.merchant = merchant
        self.mcc = mcc
        self.country = country
        self.cardCountry = cardCountry
        self.region = 0
        self.flags = fraud ? 1 : 0
    }

    /// Labelled fraud by the generator.
    @inlinable public var isFraud: Bool { flags & 1 != 0 }
    /// A copy appended again by a producer retry.
    @inlinable public var isRetryDuplicate: Bool { flags & 2 != 0 }
}

/// Where the model's records come from: blocks of records in arrival
/// order, one block at a time. A class so the model (a value) can hold it
/// without copying its buffers.
public protocol StreamInput: AnyObject {
    /// The next block's records, arrival in `[start, end)` ns of the run,
    /// in arrival order; `nil` when the run's span is exhausted.
    func nextBlock() -> [StreamRecord]?
}

/// Card transactions of a workload stream, as stream records.
public final class CardTransactionInput: StreamInput {
    let emitter: StreamEmitter<CardTransactionSource>
    let blocks: Int
    let originMicros: Int64
    var next = 0

    /// The stream `name` of `generator`; nil when it is not a card-transactions stream.
    /// `originMicros` is the simulated time 0 (the generator's `from`).
    public init?(generator: WorkloadGenerator, stream name: String, originMicros: Int64) {
        guard let e = generator.emitter(named: name, source: CardTransactionSource.self) else { return nil }
        emitter = e
        blocks = generator.plan.count
        self.originMicros = originMicros
    }

    public func nextBlock() -> [StreamRecord]? {
        guard next < blocks else { return nil }
        let txns = emitter.records(next)
        next += 1
        var out: [StreamRecord] = []
        out.reserveCapacity(txns.count)
        for t in txns {
            out.append(StreamRecord(key: t.cardToken, id: t.txnID, eventMicros: t.ts,
                                    arrivalNanos: (t.arrival - originMicros) * 1_000, amountUnits: t.amountCents * 100,
                                    merchant: Int32(truncatingIfNeeded: t.merchantID), mcc: Int16(truncatingIfNeeded: t.mcc),
                                    country: t.countryIndex, cardCountry: t.cardCountryIndex, fraud: t.isFraud))
        }
        return out
    }
}

/// Page views of a workload stream (for `sessionize`).
public final class PageViewInput: StreamInput {
    let emitter: StreamEmitter<PageViewSource>
    let blocks: Int
    let originMicros: Int64
    var next = 0
    var sequence: Int64 = 0

    /// The stream `name` of `generator`; nil when it is not a page-views stream.
    public init?(generator: WorkloadGenerator, stream name: String, originMicros: Int64) {
        guard let e = generator.emitter(named: name, source: PageViewSource.self) else { return nil }
        emitter = e
        blocks = generator.plan.count
        self.originMicros = originMicros
    }

    public func nextBlock() -> [StreamRecord]? {
        guard next < blocks else { return nil }
        let views = emitter.records(next)
        next += 1
        var out: [StreamRecord] = []
        out.reserveCapacity(views.count)
        for v in views {
            sequence += 1
            out.append(StreamRecord(key: v.userID, id: sequence, eventMicros: v.eventTS,
                                    arrivalNanos: (v.arrival - originMicros) * 1_000,
                                    merchant: Int32(v.pageIndex), mcc: Int16(v.eventTypeIndex)))
        }
        return out
    }
}

/// Bets of a workload stream (keyed by player).
public final class BetInput: StreamInput {
    let emitter: StreamEmitter<BetSource>
    let blocks: Int
    let originMicros: Int64
    var next = 0

    /// The stream `name` of `generator`; nil when it is not a bets stream.
    public init?(generator: WorkloadGenerator, stream name: String, originMicros: Int64) {
        guard let e = generator.emitter(named: name, source: BetSource.self) else { return nil }
        emitter = e
        blocks = generator.plan.count
        self.originMicros = originMicros
    }

    public func nextBlock() -> [StreamRecord]? {
        guard next < blocks else { return nil }
        let bets = emitter.records(next)
        next += 1
        return bets.map {
            StreamRecord(key: $0.playerID, id: $0.betID, eventMicros: $0.placedAt,
                         arrivalNanos: ($0.arrival - originMicros) * 1_000, amountUnits: $0.stakeCents * 100,
                         merchant: Int32(truncatingIfNeeded: $0.gameID), country: $0.countryIndex)
        }
    }
}
