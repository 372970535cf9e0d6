/// A batcher: gathers jobs into batches and sends each batch on as one job,
/// when it holds `size` jobs or when `linger` has passed since its first job,
/// whichever comes first (Kafka's producer with `batch.size` counted in
/// records and `linger.ms`).
///
/// The batch job carries the sum of its members' records, the key of its
/// first member and the creation time of its oldest record, so a sink after
/// it measures the worst end-to-end latency of the batch. The batcher
/// measures how long each record waited in it and the batch sizes.
///
/// A linger timer is an event carrying the batch's number; a batch sent
/// early because it filled up makes its timer stale, and a stale timer is
/// ignored when it fires (no cancellation, no search of the calendar).

import Metrics
import SimCore

/// A count-or-time batcher.
public struct Batcher {
    /// The batcher's name.
    public let name: String
    /// Jobs per full batch (`batch.size`, in records here).
    public let size: Int
    /// Longest time the first job of a batch waits, ns (`linger.ms`).
    public let linger: SimTime
    /// Where batches go.
    public var output: Port
    /// Members of the open batch, in arrival order.
    var members: ContiguousArray<Int32> = []
    /// Number of the open batch (for its linger timer).
    var batchNumber: Int64 = 0
    /// Time each record waited in the batcher, seconds.
    public internal(set) var recordWaits = Welford()
    /// Records per batch sent.
    public internal(set) var batchSizes = Welford()
    /// Batches sent because they were full.
    public internal(set) var sentFull = 0
    /// Batches sent because their linger time was over.
    public internal(set) var sentByLinger = 0

    /// A batcher sending to `output`.
    /// - Throws: ``PlatformError`` unless `size >= 1` and `linger >= 0`.
    public init(name: String, size: Int, linger: SimTime, output: Port) throws {
        let field = "batcher \"\(name)\""
        guard size >= 1 else { throw PlatformError(field: field + ".size", "must be at least 1, got \(size)") }
        guard linger >= 0 else { throw PlatformError(field: field + ".linger", "must be at least 0 ns, got \(linger)") }
        self.name = name
        self.size = size
        self.linger = linger
        self.output = output
        members.reserveCapacity(size)
    }

    /// Jobs in the open batch.
    public var pending: Int { members.count }

    /// Adds `job` now; returns the batch job's slot when the batch is full.
    mutating func add(_ job: Int32, index: Int32, pool: inout JobPool, calendar: inout EventCalendar) -> Int32? {
        pool[job].enteredAt = calendar.now
        members.append(job)
        if members.count >= size {
            sentFull &+= 1
            return close(pool: &pool, now: calendar.now)
        }
        if members.count == 1 {
            calendar.schedule(at: calendar.now &+ linger, target: index, kind: NetworkEvent.lingerEnd.rawValue,
                              payload: batchNumber)
        }
        return nil
    }

    /// The linger timer of batch `number` fired now; returns the batch job's
    /// slot unless that batch was already sent.
    mutating func lingerEnded(batch number: Int64, pool: inout JobPool, now: SimTime) -> Int32? {
        guard number == batchNumber, !members.isEmpty else { return nil }
        sentByLinger &+= 1
        return close(pool: &pool, now: now)
    }

    /// Merges the open batch into its first member's slot and frees the others.
    mutating func close(pool: inout JobPool, now: SimTime) -> Int32 {
        let head = members[0]
        var batch = pool[head]
        batch.records = 0
        for m in members {
            let member = pool[m]
            recordWaits.add(SimClock.seconds(now - member.enteredAt))
            batch.records += member.records
            batch.createdAt = Swift.min(batch.createdAt, member.createdAt)
            if m != head { pool.remove(m) }
        }
        batch.enteredAt = now
        pool[head] = batch
        batchSizes.add(Double(batch.records))
        members.removeAll(keepingCapacity: true)
        batchNumber &+= 1
        return head
    }

    /// Forgets what was measured (the open batch is kept).
    mutating func resetStatistics() {
        recordWaits.reset()
        batchSizes.reset()
        sentFull = 0
        sentByLinger = 0
    }
}
