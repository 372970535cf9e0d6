import Testing
import Platform
import Metrics

@Suite struct StreamingBasicsTests {
    /// At low load nothing queues: each stage is its fixed cost (gateway
    /// 100 µs; produce ≤ linger 2 ms + append 1 ms + replication 1 ms + wire;
    /// operator 1 ms; sink 1 ms), and Kafka time is at most the 5 ms poll.
    @Test func lowLoadLatencyIsTheSumOfTheFixedCosts() {
        let r = StreamingTestSupport.run(StreamingTestSupport.simple(), workload: StreamingTestSupport.workload(rate: 200), seconds: 10)
        let stage = Dictionary(uniqueKeysWithValues: r.stages.map { ($0.name, $0.latency) })
        #expect(abs(StreamingTestSupport.p(stage["gateway"]!, 50) - 100e-6) < 1e-6)
        // plus the bytes on the wire: 1 KB at 125 MB/s = 8 µs at the leader and again at a follower
        #expect(StreamingTestSupport.p(stage["produce"]!, 100) <= 4.05e-3 + 20e-6)
        #expect(StreamingTestSupport.p(stage["produce"]!, 0) >= 1.99e-3)
        #expect(StreamingTestSupport.p(stage["kafka"]!, 100) <= 5.01e-3)
        #expect(abs(StreamingTestSupport.p(stage["work"]!, 50) - 1e-3) < 1e-5)
        let e2e = StreamingTestSupport.p(r.endToEnd, 100)
        #expect(e2e <= 0.1e-3 + 4e-3 + 5e-3 + 1e-3 + 1e-3 + 1e-3 + 1e-4)
        #expect(r.conservation.balanced)
        #expect(r.decisions.total == 0)  // a custom operator decides nothing
    }

    @Test func validationNamesImpossibleValuesAndWarnsOfConfigurationsThatCannotWork() {
        var c = StreamingTestSupport.simple(partitions: 4, tasks: 6)
        c.kafka.topics[0].partitionBytesPerSecondLimit = 500
        #expect(c.problems().isEmpty)
        let w = c.warnings()
        #expect(w.contains { $0.hasPrefix("job.parallelism") && $0.contains("6 consumers for 4 partitions") })
        #expect(w.contains { $0.hasPrefix("kafka.topics[0].partition_limit") && $0.contains("below one event") })
        c.kafka.topics[0].minInsyncReplicas = 4
        c.job.bufferCapacityRecords = 0
        c.job.operators[0].kind = .fraudScore
        let p = c.problems()
        #expect(p.contains { $0.hasPrefix("kafka.topics[0].min_insync_replicas") })
        #expect(p.contains { $0.hasPrefix("job.buffer_capacity") })
        #expect(p.contains { $0.contains("fraud-score needs fraud_model") })
    }
}
