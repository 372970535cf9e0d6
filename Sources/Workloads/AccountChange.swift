/// CDC change records of the players' accounts table (SQL Server CDC in
/// the BetMatrix seed): `lsn, op, key, before, after, commit_ts`.
///
/// `op` is `c` (insert: a new account, `before` empty), `u` (update of
/// balance, status or VIP level) or `d` (delete: `after` empty). The images
/// are JSON objects (`{"player_id":…,"balance":…,"status":…,"vip_level":…}`),
/// quoted in CSV and nested in NDJSON. The log sequence number increases
/// with commit time within a run (`block index × 10¹⁰ + sequence`); with
/// disorder, delivery order differs from LSN order. Images are consistent
/// within a record (an update changes what it says it changes); successive
/// changes of one key are not chained across records.

import Variates

/// One change record.
public struct AccountChange: WorkloadRecord, Equatable {
    public static let columns = ["lsn", "op", "key", "before", "after", "commit_ts"]
    /// Log sequence number.
    public var lsn: Int64
    /// 0 insert, 1 update, 2 delete.
    public var op: UInt8
    /// The account's player id.
    public var key: Int64
    /// Balance before, cents (unused for inserts).
    public var balanceBefore: Int64
    /// Balance after, cents (unused for deletes).
    public var balanceAfter: Int64
    /// Status before and after (index into `statuses`).
    public var statusBefore: UInt8, statusAfter: UInt8
    /// VIP level before and after.
    public var vipBefore: UInt8, vipAfter: UInt8
    /// Commit time, µs.
    public var commitTS: Int64
    public var arrival: Int64

    public var eventTime: Int64 { commitTS }

    static let ops: [StaticString] = ["c", "u", "d"]
    static let statuses = ["active", "suspended", "self_excluded", "closed"]

    func image(balance: Int64, status: UInt8, vip: UInt8) -> String {
        var b = RowBuffer(capacity: 96)
        b.append("{\"player_id\":")
        b.append(int: key)
        b.append(",\"balance\":")
        b.append(cents: balance)
        b.append(",\"status\":\"")
        b.append(raw: AccountChange.statuses[Int(status)])
        b.append("\",\"vip_level\":")
        b.append(int: Int64(vip))
        b.append(UInt8(ascii: "}"))
        return String(decoding: b.bytes, as: UTF8.self)
    }

    public func encode(_ e: inout RecordEncoder) {
        e.int(lsn)
        e.word(AccountChange.ops[Int(op)])
        e.int(key)
        e.json(op == 0 ? nil : image(balance: balanceBefore, status: statusBefore, vip: vipBefore))
        e.json(op == 2 ? nil : image(balance: balanceAfter, status: statusAfter, vip: vipAfter))
        e.timestamp(commitTS)
    }
}

/// Generates the account changes of a block.
public struct AccountChangeSource: RecordSource {
    /// The arrivals (commits).
    public let arrivals: ArrivalProcess
    /// Which accounts change.
    public let players: KeyPopularity
    /// The dimension tables.
    public let dimensions: Dimensions

    /// A source.
    public init(arrivals: ArrivalProcess, players: KeyPopularity, dimensions: Dimensions) {
        self.arrivals = arrivals
        self.players = players
        self.dimensions = dimensions
    }

    public func generate(_ block: Block, stream: RandomStream, into records: inout [AccountChange]) {
        var lsn = block.idBase + Int64(records.count)
        arrivals.forEachArrival(from: block.start, to: block.end, stream: stream) { t in
            let u = stream.uniform()
            let op: UInt8 = u < 0.05 ? 0 : u < 0.99 ? 1 : 2
            // New accounts get ids beyond every dimension id: 10¹² + lsn.
            let key = op == 0 ? 1_000_000_000_000 + lsn : players.sample(stream)
            let vip = op == 0 ? 0 : dimensions.playerVIP[Int(key - 1)]
            let before = Int64(stream.uniformInt(below: 500_000))
            var after = before
            var statusAfter: UInt8 = 0
            var vipAfter = vip
            let change = stream.uniform()
            if op == 1 {
                if change < 0.9 {
                    after = max(0, before + Int64(stream.uniformInt(below: 40_001)) - 20_000)
                } else if change < 0.97 {
                    statusAfter = UInt8(1 + stream.uniformInt(below: 3))
                } else {
                    vipAfter = min(4, vip + 1)
                }
            }
            records.append(AccountChange(lsn: lsn, op: op, key: key, balanceBefore: before, balanceAfter: op == 0 ? 0 : after,
                                         statusBefore: 0, statusAfter: statusAfter, vipBefore: vip, vipAfter: vipAfter,
                                         commitTS: t, arrival: t))
            lsn += 1
        }
    }
}
