/// Planted card-fraud episodes and their ground truth
/// (`truth_fraud_<stream>.csv`: `episode_id, pattern, card_token, start,
/// end, txn_count`).
///
/// Episodes of each pattern start as a Poisson process at the configured
/// rate per hour, uniformly in time; each belongs to the block it starts
/// in (its transactions may run past the block's end and are still written
/// with that block). The card is drawn uniformly from all cards. Every
/// transaction of an episode carries `is_fraud = true` and the pattern's
/// name, and lies in `[start, end]` of its truth row:
/// - card testing: 8–25 transactions over 2–10 minutes at distinct random
///   merchants, 0.50–2.99 each;
/// - account takeover: 2–5 transactions over 5–30 minutes at merchants of
///   one country other than the card's, 500.00–3,000.00 each;
/// - high velocity: 15–40 transactions over 5–15 minutes at random
///   merchants, ordinary amounts.

import CGSL
import Variates

/// A ground-truth row of a planted episode.
public struct FraudTruth: WorkloadRecord, Equatable {
    public static let columns = ["episode_id", "pattern", "card_token", "start", "end", "txn_count"]
    /// Unique episode id.
    public var episodeID: Int64
    /// The pattern.
    public var pattern: FraudPattern
    /// The card.
    public var cardToken: Int64
    /// First transaction time, µs.
    public var start: Int64
    /// Last transaction time, µs.
    public var end: Int64
    /// Number of transactions.
    public var count: Int64
    public var arrival: Int64 { get { start } set {} }
    public var eventTime: Int64 { start }

    public func encode(_ e: inout RecordEncoder) {
        e.int(episodeID)
        e.word(pattern.word)
        e.int(cardToken)
        e.timestamp(start)
        e.timestamp(end)
        e.int(count)
    }
}

/// Plants fraud episodes block by block.
public struct FraudPlan: Sendable {
    /// Episodes per hour of each pattern.
    public let spec: FraudSpec
    /// The genuine source (for merchants and dimensions).
    public let source: CardTransactionSource
    /// The stream's seed subtree.
    public let tree: SeedTree

    /// A plan for one card stream.
    public init(spec: FraudSpec, source: CardTransactionSource, tree: SeedTree) {
        self.spec = spec
        self.source = source
        self.tree = tree
    }

    /// Appends the episodes starting in `block` and their truth rows.
    public func plant(_ block: Block, into records: inout [CardTransaction], truth: inout RecordEncoder) {
        let stream = tree.stream("planted/fraud/block-\(block.absoluteIndex)")
        let hours = Double(block.end - block.start) / Double(Timestamp.hour)
        let dims = source.dimensions
        var episodes: [(start: Int64, pattern: FraudPattern, card: Int64)] = []
        for (pattern, perHour) in [(FraudPattern.cardTesting, spec.cardTestingPerHour),
                                   (.accountTakeover, spec.accountTakeoverPerHour),
                                   (.highVelocity, spec.highVelocityPerHour)] where perHour > 0 {
            let n = Int(gsl_ran_poisson(stream.gsl, perHour * hours))
            for _ in 0..<n {
                let start = block.start + Int64(stream.uniformInt(below: UInt64(block.end - block.start)))
                episodes.append((start, pattern, Int64(stream.uniformInt(below: UInt64(dims.cardCountry.count))) + 1))
            }
        }
        episodes.sort { ($0.start, $0.pattern.rawValue, $0.card) < ($1.start, $1.pattern.rawValue, $1.card) }
        let merchantCount = UInt64(dims.merchantMCC.count)
        for (e, episode) in episodes.enumerated() {
            let (count, span): (Int, Int64)
            switch episode.pattern {
            case .cardTesting: (count, span) = (8 + Int(stream.uniformInt(below: 18)), (2 + Int64(stream.uniformInt(below: 9))) * Timestamp.minute)
            case .accountTakeover: (count, span) = (2 + Int(stream.uniformInt(below: 4)), (5 + Int64(stream.uniformInt(below: 26))) * Timestamp.minute)
            default: (count, span) = (15 + Int(stream.uniformInt(below: 26)), (5 + Int64(stream.uniformInt(below: 11))) * Timestamp.minute)
            }
            var offsets = (1..<count).map { _ in Int64(stream.uniformInt(below: UInt64(span) + 1)) }
            offsets.append(0)
            offsets.sort()
            let home = dims.cardCountry[Int(episode.card - 1)]
            var foreign = UInt8(stream.uniformInt(below: UInt64(Vocabulary.countries.count - 1)))
            if foreign >= home { foreign += 1 }
            var used = Set<Int64>()
            for offset in offsets {
                let id = block.idBase + Int64(records.count)
                var merchant = Int64(stream.uniformInt(below: merchantCount)) + 1
                let cents: Int64
                var country: UInt8? = nil
                switch episode.pattern {
                case .cardTesting:
                    var tries = 0
                    while used.contains(merchant), tries < 32 { merchant = Int64(stream.uniformInt(below: merchantCount)) + 1; tries += 1 }
                    used.insert(merchant)
                    cents = 50 + Int64(stream.uniformInt(below: 250))
                case .accountTakeover:
                    cents = 50_000 + Int64(stream.uniformInt(below: 250_001))
                    country = foreign
                default:
                    cents = max(1, Int64((source.amount.sample(stream) * 100).rounded()))
                }
                records.append(source.transaction(id: id, card: episode.card, merchant: merchant, at: episode.start + offset,
                                                  cents: cents, pattern: episode.pattern, country: country))
            }
            truth.record(FraudTruth(episodeID: block.idBase + Int64(e), pattern: episode.pattern, cardToken: episode.card,
                                    start: episode.start, end: episode.start + offsets.last!, count: Int64(count)))
        }
    }
}
