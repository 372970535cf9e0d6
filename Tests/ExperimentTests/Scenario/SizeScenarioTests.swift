import Foundation
import Testing
@testable import Experiment
@testable import HeadroomCLI

/// `headroom size --scenario` takes its rate, peak, per-record cost and SLO from a scenario.
@Suite struct SizeScenarioTests {
    /// Tandem: λ = 1/s, work per record 0.5 s + 1.6 s = 2.1 s, SLO 40 s, no peak.
    @Test func tandemScenarioGivesItsSizingInputs() throws {
        let s = try ScenarioRunTests.scenario("Scenarios/validation/tandem.yaml")
        let sizing = ScenarioSizing(s)
        #expect(abs(sizing.eventRate - 1) < 1e-12)
        #expect(sizing.peakMultiplier == 1)
        #expect(abs(try #require(sizing.recordCostSeconds) - 2.1) < 1e-9)
        #expect(sizing.sloSeconds == 40)
    }

    /// A 5× spike of a workload stream over part of the horizon gives a peak multiplier of 5 ÷ (mean factor).
    @Test func spikeGivesThePeakMultiplier() throws {
        let text = """
            name: spiky
            horizon: 2h
            start: 2026-06-06 18:00
            workload:
              events:
                - {name: final, start: 2026-06-06 19:00, duration: 30m, multiplier: 5, streams: [bets]}
              streams:
                bets: {rate: 40/s}
            components:
              bets: {kind: source, stream: bets, to: s}
              s: {kind: station, servers: 4, service: exp(mean=50ms), to: d}
              d: {kind: sink}
            """
        let sizing = ScenarioSizing(try ScenarioFile.decode(text: text, file: "spiky.yaml"))
        // Mean factor over the 2 h: (1.5 h × 1 + 0.5 h × 5) / 2 h = 2, so the peak is 5/2 of the mean.
        #expect(abs(sizing.peakMultiplier - 2.5) < 0.05, "\(sizing)")
        #expect(abs(sizing.eventRate - 80) < 1.5, "\(sizing)")
    }

    @Test func sizeCommandReadsTheScenario() throws {
        let path = ScenarioRunTests.root.appendingPathComponent("Scenarios/validation/mm1.yaml").path
        let command = try SizeCommand.parse(["--scenario", path, "--json"])
        let inputs = try command.sizingInputs()
        #expect(abs(inputs.eventRate.perSecond - 0.8) < 1e-12)
        #expect(inputs.latencySLO.seconds == 30)
        #expect(throws: (any Error).self) { try SizeCommand.parse(["--scenario", "/no/such.yaml"]).sizingInputs() }
        let fraud = ScenarioRunTests.root.appendingPathComponent("Scenarios/fraud-detection-queueing.yaml").path
        let sized = try SizeCommand.parse(["--scenario", fraud]).sizingInputs()
        #expect(sized.eventSize.bytes == 1000)
        #expect(sized.retention.days == 365)
        #expect(sized.peakMultiplier > 1.3, "the 1.5× burst over part of the horizon")
    }
}
