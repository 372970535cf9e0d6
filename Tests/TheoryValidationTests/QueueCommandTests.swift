import ArgumentParser
import Foundation
import Planning
import Testing
@testable import HeadroomCLI

/// `headroom queue`: same seed, same bytes (in one process and in two);
/// theory beside the measurement; overload reported, never a hang;
/// bad parameters named.
@Suite struct QueueCommandTests {
    /// The JSON `headroom queue <arguments> --json` prints, computed in this process.
    static func json(_ arguments: [String]) throws -> String {
        let command = try QueueCommand.parse(arguments + ["--json"])
        let study = try command.study()
        return QueueReport.json(study, try study.run())
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static let arguments = ["--arrival", "exp(rate=0.9)", "--service", "exp(mean=1)", "--servers", "1",
                            "--customers", "20000", "--seed", "7"]

    @Test func sameSeedGivesIdenticalBytesInProcess() throws {
        let first = try Self.json(Self.arguments)
        #expect(try Self.json(Self.arguments) == first)
        #expect(try Self.json(Self.arguments.dropLast() + ["8"]) != first)
        let object = try Self.object(first)
        for key in ["mean_wait", "mean_sojourn", "utilization", "p50_sojourn", "p95_sojourn", "p99_sojourn"] {
            #expect(object[key] is Double, "\(key) missing")
        }
        let analytic = try #require(object["analytic"] as? [String: Double])
        let theory = try #require(QueueingFormulas.mm1(arrivalRate: 0.9, serviceRate: 1).metrics)
        // λ is 1 / E[gap] = 1 / (1/0.9): equal to 0.9 up to rounding.
        #expect(abs(try #require(analytic["mean_wait"]) - theory.meanWait) < 1e-9)
        let p99 = try #require(QueueingFormulas.mm1SojournQuantile(0.99, arrivalRate: 0.9, serviceRate: 1))
        #expect(abs(try #require(analytic["p99_sojourn"]) - p99) < 1e-9)
    }

    @Test func sameSeedGivesIdenticalBytesInTwoProcesses() throws {
        // The headroom executable built next to this test bundle.
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("headroom")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "no headroom executable at \(binary.path): build it with `swift build --build-tests`")
        func runBinary() throws -> String {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["queue"] + Self.arguments + ["--json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let a = try runBinary(), b = try runBinary()
        #expect(a == b)
        #expect(a == (try Self.json(Self.arguments)))
    }

    @Test func unstableSystemIsReportedWithItsGrowingQueue() throws {
        // ρ = 1.25: the run stops at the last arrival; the queue grows at about λ − μ = 0.25/s.
        let object = try Self.object(try Self.json(["--arrival", "exp(rate=1.25)", "--customers", "20000", "--seed", "3"]))
        #expect(object["stable"] as? Bool == false)
        let growth = try #require(object["queue_growth_per_second"] as? Double)
        #expect(abs(growth - 0.25) < 0.05)
        #expect(try #require(object["in_system_at_end"] as? Double) > 1000)
        #expect(object["analytic_queue_growth_per_second"] as? Double == 0.25)
        // A finite room makes the same load stable: M/M/1/10 has a steady state.
        let finite = try Self.object(try Self.json(["--arrival", "exp(rate=1.25)", "--capacity", "10", "--customers", "20000"]))
        #expect(finite["stable"] as? Bool == true)
        let analytic = try #require(finite["analytic"] as? [String: Double])
        #expect(try #require(analytic["blocking_probability"]) > 0.2)
    }

    @Test func overloadGuardStopsTheRun() throws {
        let object = try Self.object(try Self.json(["--arrival", "exp(rate=5)", "--customers", "100000", "--max-in-system", "500"]))
        #expect(object["stopped_by_guard"] as? Bool == true)
        #expect(try #require(object["in_system_at_end"] as? Double) <= 501)
    }

    @Test func tandemLineReportsEachStationAndTheLine() throws {
        let object = try Self.object(try Self.json(["--arrival", "exp(rate=0.6)", "--service", "exp(mean=1)",
                                                    "--service", "exp(mean=1.25)", "--customers", "20000"]))
        #expect(object["model"] as? String == "M/M/1 → M/M/1")
        let stations = try #require(object["stations"] as? [[String: Any]])
        #expect(stations.count == 2)
        let second = try #require(stations[1]["analytic"] as? [String: Double])
        #expect(abs(try #require(second["mean_sojourn"]) - 5) < 1e-9)
        let analytic = try #require(object["analytic"] as? [String: Double])
        #expect(abs(try #require(analytic["mean_sojourn"]) - 7.5) < 1e-9)
        // Reich: the end-to-end p99 solves 2 e^{−0.2t} − e^{−0.4t} = 0.01.
        let p99 = try #require(analytic["p99_sojourn"])
        #expect(abs(2 * exp(-0.2 * p99) - exp(-0.4 * p99) - 0.01) < 1e-9)
        // The line's mean sojourn is measured end to end, near the sum of the stations'.
        let measured = try #require(object["mean_sojourn"] as? Double)
        let sum = try stations.map { try #require($0["mean_sojourn"] as? Double) }.reduce(0, +)
        #expect(abs(measured - sum) / sum < 0.01)
    }

    @Test("bad parameters get an error naming the flag", arguments: [
        (["--servers", "0"], "--servers"),
        (["--service", "exp(mean=-1)"], "--service"),
        (["--arrival", "normal(mean=1, sd=1)"], "--arrival"),
        (["--capacity", "1", "--servers", "2"], "--capacity"),
        (["--customers", "0"], "--customers"),
        (["--warmup", "5"], "--warmup"),
        (["--replications", "0"], "--replications"),
        (["--service", "exp(mean=1)", "--service", "exp(mean=2)", "--servers", "1", "--servers", "2", "--servers", "3"], "--servers"),
        (["--service", "exp(mean=1)", "--service", "fixed(-1)"], "--service (station 2)"),
    ])
    func badParameters(arguments: [String], flag: String) {
        do {
            _ = try HeadroomCommand.parseAsRoot(["queue"] + arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            let message = HeadroomCommand.message(for: error)
            #expect(message.contains(flag), "\(message)")
        }
    }
}
