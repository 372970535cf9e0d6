import Testing
import Platform
import Workloads

/// Hot keys, salting, and lag after a spike against the arithmetic.
@Suite struct HotKeyAndLagTests {
    /// 8 partitions, 8 tasks of 1,000 records/s each (1 ms per record);
    /// 2,000/s with one card taking 60 %: its partition gets about 1,275/s,
    /// above a task's capacity, so lag builds there and nowhere else.
    @Test func aHotKeyMakesOneHotPartitionWithTheLag() {
        let c = StreamingTestSupport.simple(partitions: 8, tasks: 8, service: "fixed(1ms)", buffer: 100)
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 2_000, hotShare: 0.6), seconds: 12, seed: 3)
        let hot = r.partitionRecords.indices.max { r.partitionRecords[$0] < r.partitionRecords[$1] }!
        let others = r.partitionRecords.indices.filter { $0 != hot }
        let meanOther = Double(others.map { r.partitionRecords[$0] }.reduce(0, +)) / Double(others.count)
        #expect(Double(r.partitionRecords[hot]) > 5 * meanOther)
        // Growth about (1,275 − 1,000)/s over 12 s: thousands of records, all on the hot partition.
        #expect(r.partitionMaxLag[hot] > 2_000)
        #expect(others.allSatisfy { r.partitionMaxLag[$0] < 100 })
        #expect(r.conservation.balanced)
    }

    /// The same traffic with salting: the hot card is spread over 8 salts
    /// after the first one-second window, so no partition keeps the load.
    @Test func saltingSpreadsTheHotKey() {
        let c = StreamingTestSupport.simple(partitions: 8, tasks: 8, service: "fixed(1ms)", buffer: 100,
                                            salting: SaltingConfiguration(hotKeyShare: 0.1, buckets: 8))
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 2_000, hotShare: 0.6), seconds: 12, seed: 3)
        let most = Double(r.partitionRecords.max()!)
        let mean = Double(r.partitionRecords.reduce(0, +)) / Double(r.partitionRecords.count)
        #expect(most < 2 * mean)
        // Only the first second (before the key is known hot) queues on one partition: about 275 records.
        #expect(r.partitionMaxLag.max()! < 600)
        #expect(r.conservation.balanced)
    }

    /// Two tasks of 500/s each (2 ms per record) serve 500/s at half load; a
    /// 5× spike (2,500/s) for 8 s builds lag at 1,500/s, about 12,000
    /// records, which then drains at the spare 500/s: about 24 s.
    @Test func aSpikeBuildsLagThatDrainsAtTheSpareCapacity() {
        let spikeStart = StreamingTestSupport.origin + 5 * Timestamp.second
        let spike = Spike(start: spikeStart, duration: 8 * Timestamp.second, multiplier: 5)
        let c = StreamingTestSupport.simple(partitions: 8, tasks: 2, service: "fixed(2ms)", buffer: 50)
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 500, spikes: [spike]), seconds: 45, seed: 5)
        let bins = r.lag.bins
        let peak = bins.compactMap(\.max).max()!
        let expectedPeak = (2_500.0 - 1_000.0) * 8
        #expect(abs(peak - expectedPeak) < 0.1 * expectedPeak, "peak lag \(peak), expected about \(expectedPeak)")
        // Drained: the first bin after the spike whose largest lag is under 1 % of the peak.
        let spikeEnd = 13.0
        let drained = bins.first { Double($0.startNanos) / 1e9 > spikeEnd && ($0.max ?? 0) < 0.01 * peak }
        let drainSeconds = Double(drained!.startNanos) / 1e9 - spikeEnd
        let expectedDrain = peak / (1_000.0 - 500.0)
        #expect(abs(drainSeconds - expectedDrain) < 0.15 * expectedDrain + 1, "drained in \(drainSeconds) s, expected about \(expectedDrain) s")
        #expect(r.conservation.balanced)
    }

    /// A consumer slower than the traffic with a 200-record buffer: the
    /// buffers never hold more than 200, and the excess waits in Kafka.
    @Test func backpressureKeepsTheBacklogInKafka() {
        let c = StreamingTestSupport.simple(partitions: 4, tasks: 2, service: "fixed(4ms)", buffer: 200)
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 1_000), seconds: 10, seed: 9)
        #expect(r.maxBufferOccupancy <= 200)
        #expect(r.maxBufferOccupancy >= 150)
        #expect(r.bufferOccupancy.bins.compactMap(\.max).max()! <= 400)  // two tasks of 200
        // Capacity 500/s against 1,000/s: about 5,000 records behind after 10 s, nearly all in Kafka.
        let finalLag = r.lag.bins.compactMap(\.max).last!
        #expect(finalLag > 4_000)
        #expect(r.conservation.balanced)
        #expect(r.conservation.inFlight >= Int64(finalLag))
    }
}
