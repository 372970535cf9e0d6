/// A sink: where jobs leave the network, with their end-to-end latency.

import Metrics
import SimCore

/// The end of a path: counts what arrives and measures how long it took.
public struct Sink {
    /// The sink's name.
    public let name: String
    /// End-to-end latency (creation of the first record to arrival here), ns.
    public internal(set) var latencies = LatencyHistogram()
    /// Jobs absorbed since the last reset.
    public internal(set) var jobs = 0
    /// Records absorbed since the last reset (a batch counts its records).
    public internal(set) var records = 0

    /// An empty sink.
    public init(name: String) {
        self.name = name
    }

    /// Absorbs `job` now. - Complexity: O(1).
    @inline(__always)
    mutating func absorb(_ job: Job, at now: SimTime) {
        latencies.record(nanos: now &- job.createdAt)
        jobs &+= 1
        records &+= Int(job.records)
    }

    /// Forgets what was measured.
    mutating func resetStatistics() {
        latencies.reset()
        jobs = 0
        records = 0
    }
}
