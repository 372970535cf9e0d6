import Testing
import Platform
import Variates
import Workloads

/// Checkpoint pauses, degraded mode and the sessionize operator.
@Suite struct OperatorBehaviourTests {
    /// A 200 ms pause every second at low load: about 20 % of the records
    /// arrive during a pause and wait for its end (uniformly 0–200 ms).
    @Test func checkpointPausesDelayTheRecordsThatArriveDuringThem() {
        var c = StreamingTestSupport.simple(partitions: 4, tasks: 4, service: "fixed(100us)")
        c.job.checkpoint = CheckpointConfiguration(intervalNanos: 1_000_000_000, pauseNanos: 200_000_000)
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 500), seconds: 10, seed: 41)
        let buffer = r.stages.first { $0.name == "buffer" }!.latency
        #expect(StreamingTestSupport.p(buffer, 50) < 0.005)
        let p90 = StreamingTestSupport.p(buffer, 90)
        #expect(p90 > 0.08 && p90 < 0.16, "p90 \(p90)")
        #expect(StreamingTestSupport.p(buffer, 100) <= 0.2 + 0.002)
        #expect(r.conservation.balanced)
    }

    /// An enrich operator with a slow feature store and too few tasks: lag
    /// passes the threshold, enrichment is skipped (0 ns for it) while the
    /// job is degraded, and the time degraded is reported.
    @Test func degradedModeSkipsEnrichmentWhileLagIsHigh() {
        var c = StreamingTestSupport.simple(partitions: 4, tasks: 2, service: "fixed(500us)", buffer: 100)
        c.featureStore = FeatureStoreConfiguration(latency: StreamingTestSupport.dist("fixed(2ms)"), opsPerSecondPerNode: 100_000, nodes: 2)
        c.job.operators.append(OperatorConfiguration(name: "enrich", kind: .enrich, service: .distribution(StreamingTestSupport.dist("fixed(10us)"))))
        c.degradedMode = DegradedModeConfiguration(lagThresholdRecords: 2_000, recoverBelowRecords: 200)
        let spike = Spike(start: StreamingTestSupport.origin + 2 * Timestamp.second, duration: 4 * Timestamp.second, multiplier: 4)
        // 2 tasks at 2.51 ms per record serve about 800/s; 500/s normal, 2,000/s in the spike.
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 500, spikes: [spike]), seconds: 20, seed: 43)
        let enrich = r.stages.first { $0.name == "enrich" }!.latency
        #expect(r.degradedNanos > 1_000_000_000)
        #expect(StreamingTestSupport.p(enrich, 0) == 0)
        #expect(StreamingTestSupport.p(enrich, 100) >= 0.002)
        #expect(r.conservation.balanced)
        var normal = c
        normal.degradedMode = nil
        let slow = StreamingTestSupport.run(normal, workload: StreamingTestSupport.workload(rate: 500, spikes: [spike]), seconds: 20, seed: 43)
        #expect(StreamingTestSupport.p(r.endToEnd, 99) < StreamingTestSupport.p(slow.endToEnd, 99))
    }

    /// Page views through the real StreamingSessionizer: sessions close, and
    /// events delayed beyond the allowed lateness are dead letters.
    @Test func sessionizeCountsSessionsAndLateEventsAsDeadLetters() {
        var c = StreamingTestSupport.simple(partitions: 4, tasks: 4, service: "fixed(50us)")
        c.stream = "page_views"
        c.job.operators = [OperatorConfiguration(name: "sessions", kind: .sessionize, service: .distribution(StreamingTestSupport.dist("fixed(20us)")),
                                                 sessionTimeoutNanos: 30 * 60 * 1_000_000_000)]
        c.job.allowedLatenessNanos = 60 * 1_000_000_000
        let spec = StreamSpec(name: "page_views", kind: .pageViews, rate: .constant(300), keys: KeyPopularity(count: 2_000, exponent: 0),
                              disorder: DisorderSpec(fraction: 0.05, delay: StreamingTestSupport.dist("fixed(70s)")), sessions: SessionSpec())
        let w = Workload(seed: 1, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, streams: [spec])
        let span = Int64(120e6)
        let generator = WorkloadGenerator(workload: w, seed: 47, from: StreamingTestSupport.origin, to: StreamingTestSupport.origin + span)
        let input = PageViewInput(generator: generator, stream: "page_views", originMicros: StreamingTestSupport.origin)!
        let r = StreamingRun.run(c, input: input, fraudModel: nil, horizonNanos: span * 1_000, seed: 47)
        #expect(r.operators.sessionsClosed > 100)
        #expect(r.operators.lateEvents > 0)
        #expect(r.deadLetters.first?.count == r.operators.lateEvents)
        #expect(r.conservation.balanced)
    }
}
