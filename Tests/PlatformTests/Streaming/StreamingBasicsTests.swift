import Testing
import Platform
import Metrics

@Suite struct StreamingBasicsTests {
    @Test func lowLoadLatencyIsTheSumOfTheFixedCosts() {
        let c = StreamingTestSupport.simple()
        let r = StreamingTestSupport.run(c, workload: StreamingTestSupport.workload(rate: 500), seconds: 10)
        for s in r.stages { print(s.name, StreamingTestSupport.p(s.latency, 50), StreamingTestSupport.p(s.latency, 99)) }
        #expect(r.conservation.balanced)
    }
}
