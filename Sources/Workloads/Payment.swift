/// A deposit or withdrawal of a player's wallet: `payment_id, player_id,
/// kind, amount, currency, method, status, ts, country`. About 80% are
/// deposits; 5% are declined and 2% still pending.

import Variates

/// One payment.
public struct Payment: WorkloadRecord, Equatable {
    public static let columns = ["payment_id", "player_id", "kind", "amount", "currency", "method", "status", "ts", "country"]
    /// Unique payment id.
    public var paymentID: Int64
    /// The player.
    public var playerID: Int64
    /// `true` for a deposit, `false` for a withdrawal.
    public var isDeposit: Bool
    /// Amount in minor units.
    public var amountCents: Int64
    /// Index into ``Vocabulary/paymentMethods``.
    public var methodIndex: UInt8
    /// 0 approved, 1 declined, 2 pending.
    public var status: UInt8
    /// When, µs.
    public var ts: Int64
    /// The player's country (and currency) index.
    public var countryIndex: UInt8
    public var arrival: Int64

    public var eventTime: Int64 { ts }

    static let statuses: [StaticString] = ["approved", "declined", "pending"]

    public func encode(_ e: inout RecordEncoder) {
        e.int(paymentID)
        e.int(playerID)
        e.word(isDeposit ? "deposit" : "withdrawal")
        e.cents(amountCents)
        e.word(Vocabulary.currencies[Int(countryIndex)])
        e.word(Vocabulary.paymentMethods[Int(methodIndex)])
        e.word(Payment.statuses[Int(status)])
        e.timestamp(ts)
        e.word(Vocabulary.countries[Int(countryIndex)])
    }
}

/// Generates the payments of a block.
public struct PaymentSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// Player popularity.
    public let players: KeyPopularity
    /// The dimension tables.
    public let dimensions: Dimensions
    /// Amount, major units.
    public let amount: Distribution
    let methods = try! AliasTable(weights: [0.55, 0.2, 0.22, 0.03])

    /// A source; `amount` defaults to a lognormal with median 50 and p99 2000.
    public init(arrivals: ArrivalProcess, players: KeyPopularity, dimensions: Dimensions, amount: Distribution?) {
        self.arrivals = arrivals
        self.players = players
        self.dimensions = dimensions
        self.amount = amount ?? (try! Distribution.parse("lognormal(p50=50, p99=2000)"))
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [Payment]) {
        var id = block.idBase + Int64(records.count)
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { t in
            let player = players.sample(stream)
            let u = stream.uniform()
            records.append(Payment(paymentID: id, playerID: player, isDeposit: stream.uniform() < 0.8,
                                   amountCents: max(100, Int64((amount.sample(stream) * 100).rounded())),
                                   methodIndex: UInt8(methods.sample(stream)), status: u < 0.93 ? 0 : u < 0.98 ? 1 : 2,
                                   ts: t, countryIndex: dimensions.playerCountry[Int(player - 1)], arrival: t))
            id += 1
        }
    }
}
