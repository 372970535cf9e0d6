/// Jobs and the pool that holds them while they are in flight.
///
/// A job is one unit of work flowing through a network: a record, a request,
/// a Kafka producer batch. It lives in a ``JobPool`` slot from the moment a
/// source creates it until a sink absorbs it or a full station drops it; the
/// event that carries it only carries its slot index (``Event/payload``).
/// Freed slots are reused (a free list), so the pool's memory is bounded by
/// the largest number of jobs in flight at once, never by the run length.

import SimCore

/// One unit of work in flight. 48 bytes, no references.
public struct Job: Sendable, Equatable {
    /// The job's number at its source (0, 1, 2, ...).
    public var id: UInt64
    /// The routing key (for key-hash routers, like a Kafka record key).
    public var key: UInt64
    /// When the first of its records was created, in ns (for end-to-end latency).
    public var createdAt: SimTime
    /// When it entered the component it is in now, in ns.
    public var enteredAt: SimTime
    /// Records it stands for: 1, or the size of a batch.
    public var records: Int32
    /// Priority class: 0 is served first by a priority station.
    public var priority: UInt8
    /// The source that created it.
    public var source: Int32

    /// A job of one record.
    public init(id: UInt64, key: UInt64, createdAt: SimTime, records: Int32 = 1, priority: UInt8 = 0, source: Int32 = 0) {
        self.id = id
        self.key = key
        self.createdAt = createdAt
        self.enteredAt = createdAt
        self.records = records
        self.priority = priority
        self.source = source
    }
}

/// Slots for the jobs in flight, indexed by `Int32`, with a free list
/// threaded through the freed slots themselves (no second array to keep).
public struct JobPool: Sendable {
    /// Every slot ever used; a freed slot is kept for reuse.
    var slots: ContiguousArray<Job> = []
    /// The most recently freed slot, or -1; a freed slot's ``Job/records``
    /// holds the next freed slot.
    var freeHead: Int32 = -1
    /// Jobs in flight now (storage of ``inFlight``).
    var live = 0

    /// An empty pool.
    public init(capacity: Int = 64) {
        slots.reserveCapacity(capacity)
    }

    /// Jobs in flight now.
    public var inFlight: Int { live }
    /// Slots allocated (the high-water mark of jobs in flight).
    public var capacity: Int { slots.count }

    /// Stores `job` and returns its slot.
    /// - Complexity: amortized O(1); allocates only when the pool grows.
    @inline(__always)
    public mutating func add(_ job: Job) -> Int32 {
        live &+= 1
        if freeHead >= 0 {
            let index = freeHead
            freeHead = slots[Int(index)].records
            slots[Int(index)] = job
            return index
        }
        precondition(slots.count < Int(Int32.max), "JobPool: more than 2^31 jobs in flight")
        slots.append(job)
        return Int32(slots.count - 1)
    }

    /// Frees the slot of a job that left the network.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func remove(_ index: Int32) {
        live &-= 1
        slots[Int(index)].records = freeHead
        freeHead = index
    }

    /// The job in slot `index`.
    public subscript(index: Int32) -> Job {
        get { slots[Int(index)] }
        _modify { yield &slots[Int(index)] }
    }
}
