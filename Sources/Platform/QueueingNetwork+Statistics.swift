/// The warm-up reset and the conservation check of a ``QueueingNetwork``.

import SimCore

extension QueueingNetwork {
    /// Resets every component's statistics at `time` (the end of the warm-up);
    /// jobs in flight, queues and the record counters of the conservation
    /// check are kept.
    public mutating func resetStatistics(at time: SimTime) {
        for i in sources.indices { sources[i].resetStatistics(at: time) }
        for i in stations.indices { stations[i].resetStatistics(at: time) }
        for i in delays.indices { delays[i].resetStatistics(at: time) }
        for i in routers.indices { routers[i].resetStatistics() }
        for i in batchers.indices { batchers[i].resetStatistics() }
        for i in sinks.indices { sinks[i].resetStatistics() }
    }

    /// Where every record is: the balance `generated = delivered + dropped +
    /// in flight`, and the jobs the components hold against the jobs the pool holds.
    public struct Conservation: Sendable, Equatable {
        /// Records created by sources.
        public let generated: Int
        /// Records absorbed by sinks.
        public let delivered: Int
        /// Records dropped by full stations.
        public let dropped: Int
        /// Records in flight by the counters.
        public let inFlight: Int
        /// Jobs in the pool.
        public let jobsInPool: Int
        /// Jobs found in components: in stations, delays, open batches, and
        /// waiting at full stations without a sender to hold them.
        public let jobsInComponents: Int

        /// `true` when both balances hold.
        public var holds: Bool {
            generated == delivered + dropped + inFlight && jobsInPool == jobsInComponents && inFlight >= 0
        }
    }

    /// The conservation balance now. - Complexity: O(components + blocked senders).
    public func conservation() -> Conservation {
        var held = 0
        for s in stations {
            held += s.present
            for b in s.blockedSenders {
                // A blocked station still counts its job as present.
                if case .station = b.sender { continue }
                held += 1
            }
        }
        for d in delays { held += d.holding }
        for b in batchers { held += b.pending }
        return Conservation(generated: generatedRecords, delivered: deliveredRecords, dropped: droppedRecords,
                            inFlight: inFlightRecords, jobsInPool: pool.inFlight, jobsInComponents: held)
    }
}
