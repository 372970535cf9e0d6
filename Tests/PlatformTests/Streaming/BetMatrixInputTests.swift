import Testing
import Platform
import Variates
import Workloads

/// The logins and results streams of BetMatrix feed a stream job: every
/// generated record arrives once, keyed by player (logins) or game (results).
@Suite struct BetMatrixInputTests {
    static let span: Int64 = 30 * Timestamp.second

    static func workload(_ kind: RecordKind, name: String, rate: Double) -> Workload {
        let spec = StreamSpec(name: name, kind: kind, rate: .constant(rate), keys: KeyPopularity(count: 500, exponent: 0.8))
        return Workload(seed: 3, blockLength: Timestamp.second, lookback: 30 * Timestamp.minute, streams: [spec])
    }

    /// Drains `input` and the same stream's records straight from a twin generator.
    static func drain(_ input: StreamInput) -> [StreamRecord] {
        var all: [StreamRecord] = []
        while let block = input.nextBlock() { all.append(contentsOf: block) }
        return all
    }

    @Test func loginsArriveKeyedByPlayerWithTheirOutcome() {
        let w = Self.workload(.logins, name: "logins", rate: 200)
        let origin = StreamingTestSupport.origin
        let twin = WorkloadGenerator(workload: w, seed: 9, from: origin, to: origin + Self.span)
        let expected = (0..<twin.plan.count).flatMap { twin.emitter(named: "logins", source: LoginSource.self)!.records($0) }
        let generator = WorkloadGenerator(workload: w, seed: 9, from: origin, to: origin + Self.span)
        let records = Self.drain(LoginInput(generator: generator, stream: "logins", originMicros: origin)!)
        #expect(records.count == expected.count && records.count > 4_000)
        #expect(records.map(\.key) == expected.map(\.playerID))
        #expect(records.map { $0.mcc == 1 } == expected.map(\.success))
        #expect(Set(records.map(\.id)).count == records.count)
        #expect(records.allSatisfy { $0.arrivalNanos >= 0 && $0.arrivalNanos < Self.span * 1_000 + 60_000_000_000 })
        #expect(LoginInput(generator: generator, stream: "nope", originMicros: origin) == nil)
        #expect(GameResultInput(generator: generator, stream: "logins", originMicros: origin) == nil)
    }

    @Test func resultsFlowThroughAJobAndBalance() {
        let w = Self.workload(.results, name: "results", rate: 300)
        let origin = StreamingTestSupport.origin
        let generator = WorkloadGenerator(workload: w, seed: 5, from: origin, to: origin + Self.span)
        var c = StreamingTestSupport.simple(partitions: 4, tasks: 2, service: "fixed(200us)")
        c.stream = "results"
        let input = GameResultInput(generator: generator, stream: "results", originMicros: origin)!
        let r = StreamingRun.run(c, input: input, fraudModel: nil, horizonNanos: Self.span * 1_000, seed: 5)
        #expect(r.conservation.balanced)
        #expect(r.conservation.generated > 8_000)
        #expect(r.partitionRecords.filter { $0 > 0 }.count == 4)
    }
}
