import ArgumentParser
import Foundation
import Testing
@testable import HeadroomCLI

/// `headroom check` exit codes and its JUnit XML.
@Suite(.serialized) struct CheckCommandTests {
    static func write(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-check-\(getpid())-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try HeadroomCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return HeadroomCommand.exitCode(for: error).rawValue
        }
    }

    static let passing = """
        name: check-pass
        seed: 5
        horizon: 20m
        components:
          a: {kind: source, rate: 2/s, to: s}
          s: {kind: station, servers: 2, service: exp(mean=0.25s), to: d}
          d: {kind: sink}
        expect: [drops == 0, "p99 <= 1m"]
        """

    /// An M/M/1/3 at ρ = 2 drops about half its arrivals: `drops == 0` fails.
    static let failing = """
        name: check-fail
        seed: 5
        horizon: 20m
        components:
          a: {kind: source, rate: 2/s, to: s}
          s: {kind: station, service: exp(mean=1s), capacity: 3, to: d}
          d: {kind: sink}
        expect: [drops == 0, "throughput <= 5/s"]
        """

    @Test func passingScenarioExitsZeroAndWritesJUnit() throws {
        let file = try CheckCommandTests.write(CheckCommandTests.passing, "pass.yaml")
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-junit-\(getpid())-pass.xml").path
        #expect(CheckCommandTests.exitCode(["check", file, "--junit", junit, "--quiet"]) == 0)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"check-pass\" tests=\"3\" failures=\"0\""), "\(xml)")
        #expect(xml.contains("name=\"drops == 0\"/>"))
    }

    @Test func failingExpectationExitsOneWithAFailureElement() throws {
        let file = try CheckCommandTests.write(CheckCommandTests.failing, "fail.yaml")
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-junit-\(getpid())-fail.xml").path
        #expect(CheckCommandTests.exitCode(["check", file, "--junit", junit, "--quiet"]) == 1)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("failures=\"1\""), "\(xml)")
        #expect(xml.contains("<testcase classname=\"check-fail\" name=\"drops == 0\">\n      <failure message=\"drops = "), "\(xml)")
        #expect(xml.contains("name=\"throughput &lt;= 5/s\"/>"))
    }

    @Test func invalidScenarioIsAnErrorCase() throws {
        let file = try CheckCommandTests.write("name: broken\nhorizon: 1h\ncomponents: {}\n", "broken.yaml")
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-junit-\(getpid())-broken.xml").path
        #expect(CheckCommandTests.exitCode(["check", file, "--junit", junit, "--quiet"]) == 1)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("errors=\"1\"") && xml.contains("<error message="), "\(xml)")
    }

    @Test func validateExitCodes() throws {
        let good = try CheckCommandTests.write(CheckCommandTests.passing, "v-good.yaml")
        let bad = try CheckCommandTests.write("name: b\nhorizn: 1h\n", "v-bad.yaml")
        #expect(CheckCommandTests.exitCode(["validate", good]) == 0)
        #expect(CheckCommandTests.exitCode(["validate", good, bad]) == 1)
        #expect(CheckCommandTests.exitCode(["validate", "/no/such/file.yaml"]) == 1)
    }

    @Test func runWritesTheReportDirectory() throws {
        let file = try CheckCommandTests.write(CheckCommandTests.passing, "run.yaml")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-run-\(getpid())").path
        #expect(CheckCommandTests.exitCode(["run", file, "--out", out, "--quiet", "--seed", "7"]) == 0)
        for name in ["report.md", "report.html", "report.json", "timeseries.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) missing")
        }
        let json = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(json.contains("\"seed\": 7,"))
        #expect(json.contains("\"reproducible\": false"))
    }
}
