import Foundation
import Testing
@testable import Planning

@Suite("Capacity plan: the seed's fraud service")
struct CapacityPlanTests {
    let plan = CapacityPlan.derive(.fraudService)

    func step(_ label: String) throws -> DerivationStep {
        try #require(plan.steps.first { $0.label == label }, "no step \(label)")
    }

    @Test("reproduces 50 MB/s, 4.32 TB/day, 1,576.8 TB = 1.58 PB (1.40 PiB)")
    func seedFigures() throws {
        let ingress = try step("Ingress at average")
        #expect(ingress.value == 50 && ingress.unit == "MB/s")
        #expect(ingress.substituted == "50,000/s × 1 KB")
        let day = try step("Raw volume per day")
        #expect(abs(day.value - 4.32) < 1e-12 && day.unit == "TB/day")
        #expect(day.substituted.contains("4,320,000 MB"))
        let year = try step("Raw volume over retention")
        #expect(abs(year.value - 1576.8) < 1e-9 && year.unit == "TB")
        #expect(year.display == "1,576.8 TB = 1.58 PB (1.40 PiB)")
        #expect(year.note?.contains("1.54") == true)
    }

    @Test("flags the seed's 1,576.8 TB ≈ 1.54 PB as a mixed-system slip")
    func seedSlip() {
        #expect(plan.warnings.contains { $0.contains("1.54 PB") && $0.contains("mixes unit systems") })
        #expect(CapacityPlan.derive(SizingInputs()).warnings.allSatisfy { !$0.contains("1.54") })
    }

    @Test("partitions are max(t/p, t/c) with headroom, then at least one per consumer")
    func partitions() throws {
        #expect(try step("Partitions for producers").value == 10)        // the seed's ~10 partitions
        #expect(try step("Partitions for throughput with headroom").value == 15)
        let consumers = try #require(plan.result("consumers")).value
        #expect(consumers == ceil(50_000 * 0.001 / 0.7))
        #expect(plan.result("partitions")?.value == max(15, consumers))
    }

    @Test("brokers: gp3 250 MiB/s at RF 3 leaves ~83 MiB/s of client ingress per broker")
    func brokers() throws {
        var inputs = SizingInputs()
        inputs.eventRate = EventRate(perSecond: 500_000)       // 500 MB/s at 1 KB
        inputs.brokerDiskCapacity = ByteCount(1, .PB)          // take capacity out of the picture
        inputs.targetUtilization = 0.999999
        let d = CapacityPlan.derive(inputs)
        let disk = try #require(d.steps.first { $0.label == "Brokers by disk throughput" })
        #expect(disk.note?.contains("83.3 MiB/s") == true)
        let expected = ceil(500e6 / (250 * 1_048_576 / 3.0) / 0.999999 - 1e-9)
        #expect(disk.value == expected)
        #expect(d.result("brokers")!.value >= expected)
    }

    @Test("latency budget and slack; a budget over the SLO warns")
    func latency() throws {
        #expect(plan.result("latency_budget_ms")?.value == 1500)
        var inputs = SizingInputs()
        inputs.latencySLO = TimeSpan(seconds: 1)
        #expect(CapacityPlan.derive(inputs).warnings.contains { $0.contains("exceed") })
    }

    @Test("renderers carry every step: text, Markdown, JSON with steps/results/warnings")
    func renderers() throws {
        #expect(plan.text.contains("1,576.8 TB = 1.58 PB (1.40 PiB)"))
        #expect(plan.markdown.contains("| 1 | Ingress at average |"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.json().utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == plan.steps.count)
        for s in steps { for key in ["label", "formula", "value", "unit"] { #expect(s[key] != nil) } }
        #expect((object["results"] as? [String: Any])?["brokers"] != nil)
        #expect((object["warnings"] as? [String])?.isEmpty == false)
        #expect(plan.json() == CapacityPlan.derive(.fraudService).json(), "deterministic output")
    }

    @Test("validation names the field")
    func validation() {
        var cases: [(String, SizingInputs)] = []
        var s = SizingInputs(); s.retention = TimeSpan(seconds: 0); cases.append(("retention", s))
        s = SizingInputs(); s.eventRate = EventRate(perSecond: -1); cases.append(("event-rate", s))
        s = SizingInputs(); s.targetUtilization = 1; cases.append(("target-utilization", s))
        s = SizingInputs(); s.archiveAfter = TimeSpan.days(10); cases.append(("archive-after", s))
        for (field, inputs) in cases {
            do {
                try inputs.validate()
                Issue.record("\(field) should be rejected")
            } catch let e as PlanningError {
                #expect(e.field == field)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}

@Suite("Unit slip check")
struct UnitSlipCheckTests {
    @Test("recognizes the mixed-system slip and explains it")
    func seedSlip() throws {
        let check = try UnitSlipCheck(claim: "1,576.8 TB ≈ 1.54 PB")
        #expect(check.verdict == .mixedSystems)
        #expect(abs(check.correctValue - 1.5768) < 1e-12)
        #expect(check.explanation.contains("1.58 PB"))
        #expect(check.explanation.contains("1.40 PiB"))
        #expect(check.explanation.contains("1,024"))
    }

    @Test("verdicts", arguments: [
        ("4,320 GB = 4.32 TB", UnitSlipCheck.Verdict.consistent),
        ("1,576.8 TB ≈ 1.58 PB", .consistent),
        ("1,576.8 TB = 1.40 PiB", .consistent),
        ("1,576.8 TB = 1.40 PB", .wrongLabel),
        ("2048 KiB = 2.048 MiB", .mixedSystems),
        ("50,000 KB = 48.83 MB", .mixedSystems),
        ("1,576.8 TB = 2.5 PB", .wrong),
    ])
    func verdicts(claim: String, verdict: UnitSlipCheck.Verdict) throws {
        #expect(try UnitSlipCheck(claim: claim).verdict == verdict)
    }

    @Test("a claim that is not a conversion is an input error")
    func notAClaim() {
        #expect(throws: PlanningError.self) { try UnitSlipCheck(claim: "about 1.5 PB") }
        #expect(throws: PlanningError.self) { try UnitSlipCheck(claim: "10 KBs = 10 KB") }
    }
}
