/// A payment transaction of the SQL seed's `transactions` table:
/// `order_id, transaction_id, user_id, amount, currency, transaction_ts,
/// status, country`, with `status` SUCCESS or FAILED.
///
/// A producer retry is the exact case the seed's dedup handles: the copy
/// keeps `transaction_id` and arrives later; with `status_change` it also
/// carries a later `transaction_ts` and the other status (a FAILED attempt
/// that later succeeded, or the reverse), so "keep the latest
/// transaction_ts per transaction_id" picks the copy.

import Variates

/// One transaction.
public struct Transaction: WorkloadRecord, Equatable {
    public static let columns = ["order_id", "transaction_id", "user_id", "amount", "currency", "transaction_ts", "status", "country"]
    /// External order id.
    public var orderID: Int64
    /// Event id (the dedup key).
    public var transactionID: Int64
    /// The user.
    public var userID: Int64
    /// Amount in minor units.
    public var amountCents: Int64
    /// When the transaction happened, µs.
    public var transactionTS: Int64
    /// `true` for SUCCESS, `false` for FAILED.
    public var success: Bool
    /// Index into ``Vocabulary/countries`` (and currencies).
    public var countryIndex: UInt8
    public var arrival: Int64

    public var eventTime: Int64 { transactionTS }

    public func encode(_ e: inout RecordEncoder) {
        e.int(orderID)
        e.int(transactionID)
        e.int(userID)
        e.cents(amountCents)
        e.word(Vocabulary.currencies[Int(countryIndex)])
        e.timestamp(transactionTS)
        e.word(success ? "SUCCESS" : "FAILED")
        e.word(Vocabulary.countries[Int(countryIndex)])
    }
}

/// Generates the transactions of a block.
public struct TransactionSource: RecordSource {
    /// The arrivals.
    public let arrivals: ArrivalProcess
    /// User popularity.
    public let users: KeyPopularity
    /// Amount, major units.
    public let amount: Distribution

    /// A source; `amount` defaults to a lognormal with median 30 and p99 800.
    public init(arrivals: ArrivalProcess, users: KeyPopularity, amount: Distribution?) {
        self.arrivals = arrivals
        self.users = users
        self.amount = amount ?? (try! Distribution.parse("lognormal(p50=30, p99=800)"))
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [Transaction]) {
        var id = block.idBase + Int64(records.count)
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { t in
            let user = users.sample(stream)
            records.append(Transaction(orderID: 500_000_000_000_000 + id, transactionID: id, userID: user,
                                       amountCents: max(1, Int64((amount.sample(stream) * 100).rounded())),
                                       transactionTS: t, success: stream.uniform() < 0.93,
                                       countryIndex: Dimensions.countryOfKey(user), arrival: t))
            id += 1
        }
    }

    public func retried(_ record: Transaction, delay: Int64, changeStatus: Bool) -> Transaction {
        var copy = record
        copy.arrival += delay
        if changeStatus {
            copy.transactionTS += delay
            copy.success.toggle()
        }
        return copy
    }
}
