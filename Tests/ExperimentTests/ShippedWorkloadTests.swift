import Foundation
import Testing
import ArgumentParser
@testable import Experiment
@testable import HeadroomCLI
import Workloads

/// The example workloads under Scenarios/workloads load, and `headroom
/// generate` runs them end to end (in-process).
@Suite struct ShippedWorkloadTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/workloads")

    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test func everyShippedWorkloadLoads() throws {
        let files = try ShippedWorkloadTests.files()
        #expect(files.count >= 4)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let workload = try WorkloadFile.load(text: text, file: url.lastPathComponent)
            #expect(!workload.streams.isEmpty)
        }
        let bets = try WorkloadFile.load(text: String(contentsOf: ShippedWorkloadTests.directory.appendingPathComponent("betmatrix-bets.yaml"), encoding: .utf8), file: "b")
        // The sporting event's spike is merged into bets and results only.
        #expect(bets.streams.map { $0.rate.spikes.count } == [1, 1, 0, 0, 0])
        #expect(bets.streams[0].rate.rate(at: Timestamp.parse("2026-06-06 20:00")!) > 4.9 * bets.streams[0].rate.rate(at: Timestamp.parse("2026-05-30 20:00")!) / 1.5)
    }

    @Test func generateWritesFilesAndReportsBadFilesWithLines() throws {
        let out = NSTemporaryDirectory() + "headroom-generate-\(getpid())"
        try? FileManager.default.removeItem(atPath: out)
        let workload = ShippedWorkloadTests.directory.appendingPathComponent("transactions-dedup.yaml").path
        var command = try GenerateCommand.parse(["--workload", workload, "--from", "2026-06-01", "--to", "2026-06-01 00:30",
                                                 "--out", out, "--quiet"])
        try command.run()
        let csv = String(decoding: FileManager.default.contents(atPath: out + "/transactions.csv")!, as: UTF8.self)
        #expect(csv.hasPrefix("order_id,transaction_id,user_id,amount,currency,transaction_ts,status,country\n"))
        try FileManager.default.removeItem(atPath: out)

        let bad = NSTemporaryDirectory() + "headroom-bad-\(getpid()).yaml"
        try "workload:\n  streams:\n    bets: {rate: -3/s, keys: {zipf: -1}}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        command = try GenerateCommand.parse(["--workload", bad, "--from", "2026-06-01", "--to", "2026-06-02", "--out", out])
        do {
            try command.run()
            Issue.record("a bad workload must fail")
        } catch {
            let text = "\(error)"
            #expect(text.contains("\(bad):3:18: workload.streams.bets.rate"))
            #expect(text.contains("workload.streams.bets.keys.zipf"))
            #expect(text.contains("2 errors"))
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        try FileManager.default.removeItem(atPath: bad)
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--workload", bad, "--from", "2026-06-02", "--to", "2026-06-01", "--out", out]) }
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--workload", bad, "--from", "2026-06-01", "--to", "2026-06-02", "--out", out, "--shard", "3/3"]) }
    }
}
