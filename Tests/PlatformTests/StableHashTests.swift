import Testing
@testable import Platform
import Variates

/// The key hash is Kafka's: checked against the vectors of Kafka's own
/// `UtilsTest.testMurmur2` (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
@Suite struct StableHashTests {
    @Test("murmur2 equals Kafka's on its test vectors", arguments: [
        ("21", Int32(-973_932_308)),
        ("foobar", -790_332_482),
        ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829),
        ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107),
    ])
    func kafkaVectors(key: String, hash: Int32) {
        #expect(StableHash.murmur2(Array(key.utf8)) == hash)
    }

    @Test func partitionOfAKeyIsKafkasPartitionOfItsDecimalString() {
        // Kafka: toPositive(murmur2("21")) % 16 = (-973932308 & 0x7fffffff) % 16.
        #expect(StableHash.partition(ofKey: 21, partitions: 16) == Int(UInt32(bitPattern: -973_932_308) & 0x7fff_ffff) % 16)
        for key: UInt64 in [0, 7, 99, 12_345, 1 << 40, .max] {
            let expected = Int(UInt32(bitPattern: StableHash.murmur2(Array(String(key).utf8))) & 0x7fff_ffff) % 12
            #expect(StableHash.partition(ofKey: key, partitions: 12) == expected)
        }
    }

    @Test func keyHashRouterSendsAKeyToTheSameOutputEveryTime() throws {
        let outputs = (0..<8).map { Port(.sink, $0) }
        var router = try Router(name: "partitioner", rule: .keyHash, outputs: outputs, stream: RandomStream(seed: 1))
        for key: UInt64 in 0..<200 {
            let job = Job(id: key, key: key, createdAt: 0)
            let first = router.choose(for: job)
            #expect(router.choose(for: job) == first)
            #expect(first == StableHash.partition(ofKey: key, partitions: 8))
        }
        #expect(router.sent.reduce(0, +) == 400)
    }

    @Test func roundRobinAndProbabilityRouting() throws {
        let outputs = (0..<3).map { Port(.sink, $0) }
        var rr = try Router(name: "rr", rule: .roundRobin, outputs: outputs, stream: RandomStream(seed: 1))
        let job = Job(id: 0, key: 0, createdAt: 0)
        #expect((0..<7).map { _ in rr.choose(for: job) } == [0, 1, 2, 0, 1, 2, 0])
        // Seed 11: 60,000 draws with weights 1:2:3; each share within 4 standard errors.
        var p = try Router(name: "p", rule: .probability([1, 2, 3]), outputs: outputs, stream: RandomStream(seed: 11))
        for _ in 0..<60_000 { _ = p.choose(for: job) }
        for (i, share) in [1.0 / 6, 2.0 / 6, 3.0 / 6].enumerated() {
            let se = (share * (1 - share) / 60_000).squareRoot()
            #expect(abs(Double(p.sent[i]) / 60_000 - share) < 4 * se)
        }
        #expect(throws: PlatformError.self) { try Router(name: "bad", rule: .probability([1, -1, 0]), outputs: outputs, stream: RandomStream(seed: 1)) }
        #expect(throws: PlatformError.self) { try Router(name: "bad", rule: .probability([1]), outputs: outputs, stream: RandomStream(seed: 1)) }
    }
}
