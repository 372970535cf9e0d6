import Foundation
import Testing
import Variates
@testable import Workloads

/// Shards concatenate to the unsharded files byte for byte, and one seed
/// gives the same bytes in two runs.
@Suite struct ShardingTests {
    static let from = Timestamp.parse("2026-06-01 22:00")!
    static let to = Timestamp.parse("2026-06-06 02:00")!

    /// Bets with streaks, delays and duplicates, and page views with sessions.
    static func workload() -> Workload {
        let keys = KeyPopularity(count: 500, exponent: 1, hotKeys: [(key: 3, share: 0.05)])
        let bets = StreamSpec(name: "bets", kind: .bets, rate: RateCurve(base: 0.05), keys: keys,
                              disorder: DisorderSpec(fraction: 0.05, delay: try! .parse("lognormal(p50=20s, p99=2h)")),
                              duplicates: DuplicateSpec(fraction: 0.02, delay: try! .parse("exp(mean=5s)")),
                              streaks: StreakSpec(players: 6))
        let views = StreamSpec(name: "page_views", kind: .pageViews, rate: RateCurve(base: 0.1), keys: keys,
                               sessions: SessionSpec())
        return Workload(seed: 5, blockLength: Timestamp.hour, players: 500, games: 50, merchants: 10, cards: 10, streams: [bets, views])
    }

    static func write(_ dir: String, shard: Int, of shards: Int, format: OutputFormat = .csv, seed: UInt64 = 5) throws -> [WrittenFile] {
        let generator = WorkloadGenerator(workload: workload(), seed: seed, from: from, to: to)
        return try DatasetWriter(generator: generator, directory: dir, format: format, shard: shard, shards: shards).write()
    }

    static func temporaryDirectory(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "headroom-workloads-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        return dir
    }

    @Test(arguments: [OutputFormat.csv, .ndjson])
    func shardsConcatenateToTheUnshardedFiles(format: OutputFormat) throws {
        let whole = ShardingTests.temporaryDirectory("whole-\(format)")
        let files = try ShardingTests.write(whole, shard: 0, of: 1, format: format)
        #expect(files.map { ($0.path as NSString).lastPathComponent }
                == ["bets", "truth_streaks_bets", "page_views", "players", "games"].map { "\($0).\(format.fileExtension)" })
        #expect(files.allSatisfy { $0.rows > 0 })
        for shards in [3, 7] {
            var parts: [[String: Data]] = []
            for i in 0..<shards {
                let dir = ShardingTests.temporaryDirectory("shard-\(format)-\(i)-of-\(shards)")
                let written = try ShardingTests.write(dir, shard: i, of: shards, format: format)
                parts.append(Dictionary(uniqueKeysWithValues: written.map { (($0.path as NSString).lastPathComponent, FileManager.default.contents(atPath: $0.path)!) }))
                try FileManager.default.removeItem(atPath: dir)
            }
            for f in files {
                let name = (f.path as NSString).lastPathComponent
                var joined = Data()
                for p in parts { joined.append(p[name]!) }
                #expect(joined == FileManager.default.contents(atPath: f.path)!, "\(name): \(shards) shards differ from the whole (seed 5)")
            }
        }
        try FileManager.default.removeItem(atPath: whole)
    }

    @Test func visitsCrossingBlocksAreWrittenInTimeOrder() throws {
        // Page views have sessions and no delays: arrival = event time, so
        // the whole file, across blocks, is sorted by event_ts.
        let dir = ShardingTests.temporaryDirectory("order")
        let files = try ShardingTests.write(dir, shard: 0, of: 1)
        let text = String(decoding: FileManager.default.contents(atPath: files[2].path)!, as: UTF8.self)
        let times = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(times.count > 10_000)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "page views out of time order (seed 5)")
        try FileManager.default.removeItem(atPath: dir)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = ShardingTests.temporaryDirectory("run-a"), b = ShardingTests.temporaryDirectory("run-b"), c = ShardingTests.temporaryDirectory("run-c")
        let fa = try ShardingTests.write(a, shard: 0, of: 1)
        let fb = try ShardingTests.write(b, shard: 0, of: 1)
        let fc = try ShardingTests.write(c, shard: 0, of: 1, seed: 6)
        for (x, y) in zip(fa, fb) {
            #expect(FileManager.default.contents(atPath: x.path) == FileManager.default.contents(atPath: y.path))
        }
        #expect(FileManager.default.contents(atPath: fa[0].path) != FileManager.default.contents(atPath: fc[0].path))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: a).filter { $0.hasPrefix(".") }.isEmpty)
        for d in [a, b, c] { try FileManager.default.removeItem(atPath: d) }
    }

    @Test func aFailedRunLeavesNoFile() throws {
        // The output "directory" is a regular file: nothing can be created.
        let path = ShardingTests.temporaryDirectory("not-a-dir")
        _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        #expect(throws: DatasetWriteError.self) { try ShardingTests.write(path + "/sub", shard: 0, of: 1) }
        #expect(FileManager.default.contents(atPath: path) == Data("x".utf8))
        try FileManager.default.removeItem(atPath: path)
    }
}
