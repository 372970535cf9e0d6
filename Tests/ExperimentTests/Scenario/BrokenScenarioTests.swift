import Foundation
import Testing
@testable import Experiment

/// Broken scenario files, generated from a table: each gets a clear error at
/// the exact line and field (or a warning), never a crash.
@Suite struct BrokenScenarioTests {
    /// A broken file: its text, and the first issue's line, field path and a fragment of its message.
    struct Case: CustomStringConvertible, Sendable {
        let label: String
        let text: String
        let line: Int
        let path: String
        let message: String
        var description: String { label }
    }

    /// A valid file with `lines` replacing line `at` (1-based) of it, or appended when `at` is 0.
    static func base(_ replacements: [Int: String] = [:], append: String = "") -> String {
        var lines = [
            "name: t",                                                  // 1
            "horizon: 1h",                                              // 2
            "components:",                                              // 3
            "  a: {kind: source, rate: 1/s, to: s}",                    // 4
            "  s: {kind: station, service: exp(mean=0.5s), to: d}",     // 5
            "  d: {kind: sink}",                                        // 6
        ]
        for (at, text) in replacements { lines[at - 1] = text }
        return lines.joined(separator: "\n") + "\n" + append
    }

    static let cases: [Case] = [
        // Syntax
        Case(label: "unclosed flow sequence", text: "name: t\nhorizon: [1h\ncomponents: {}\n", line: 3, path: "", message: "YAML syntax error"),
        Case(label: "tab indentation", text: "name: t\ncomponents:\n\ta: 1\n", line: 3, path: "", message: "YAML syntax error"),
        Case(label: "duplicate key", text: base(append: "horizon: 2h\n"), line: 2, path: "", message: "duplicate key"),
        Case(label: "empty file", text: "", line: 0, path: "", message: "the file is empty"),
        Case(label: "top level is a list", text: "- a\n- b\n", line: 1, path: "", message: "expected a mapping"),
        Case(label: "unclosed quote", text: "name: \"t\nhorizon: 1h\n", line: 3, path: "", message: "YAML syntax error"),
        // Unknown fields and misspellings
        Case(label: "misspelt top-level field", text: base(append: "horizn: 2h\n"), line: 7, path: "horizn", message: "did you mean `horizon`"),
        Case(label: "misspelt warm_up", text: base(append: "warmup: 1m\n"), line: 7, path: "warmup", message: "did you mean `warm_up`"),
        Case(label: "misspelt component field", text: base([5: "  s: {kind: station, servrs: 2, service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.servrs", message: "did you mean `servers`"),
        Case(label: "field of another kind", text: base([5: "  s: {kind: station, weights: [1], service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.weights", message: "a station has no field `weights`"),
        Case(label: "unknown kind", text: base([5: "  s: {kind: staton, service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.kind", message: "did you mean `station`"),
        Case(label: "missing kind", text: base([5: "  s: {service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.kind", message: "missing required field `kind`"),
        Case(label: "sink with to", text: base([6: "  d: {kind: sink, to: s}"]), line: 6, path: "components.d.to", message: "a sink has no field `to`"),
        Case(label: "misspelt price field", text: base(append: "prices: {clods: [aws]}\n"), line: 7, path: "prices.clods", message: "did you mean `clouds`"),
        Case(label: "unknown cloud", text: base(append: "prices: {clouds: [amazon]}\n"), line: 7, path: "prices.clouds[0]", message: "unknown cloud `amazon`"),
        Case(label: "missing price file", text: base(append: "prices: {file: no-such-prices.json}\n"), line: 7, path: "prices.file", message: "cannot read the price file"),
        Case(label: "misspelt SLO field", text: base(append: "slos:\n  - {objectiv: p99 <= 5s}\n"), line: 8, path: "slos[0].objectiv", message: "did you mean `objective`"),
        // Missing required fields
        Case(label: "missing name", text: base([1: "seed: 3"]), line: 1, path: "name", message: "missing required field `name`"),
        Case(label: "missing horizon", text: base([2: "seed: 3"]), line: 1, path: "horizon", message: "missing required field `horizon`"),
        Case(label: "missing components", text: "name: t\nhorizon: 1h\n", line: 1, path: "components", message: "missing required field `components`"),
        Case(label: "station without service", text: base([5: "  s: {kind: station, to: d}"]), line: 5, path: "components.s.service", message: "missing required field `service`"),
        Case(label: "source without to", text: base([4: "  a: {kind: source, rate: 1/s}"]), line: 4, path: "components.a.to", message: "missing required field `to`"),
        Case(label: "source without arrivals", text: base([4: "  a: {kind: source, to: s}"]), line: 4, path: "components.a", message: "a source needs its arrivals"),
        Case(label: "router without to", text: base([5: "  s: {kind: router}"]), line: 5, path: "components.s.to", message: "missing required field `to`"),
        Case(label: "delay without duration", text: base([5: "  s: {kind: delay, to: d}"]), line: 5, path: "components.s.duration", message: "missing required field `duration`"),
        // Wrong types
        Case(label: "horizon without unit", text: base([2: "horizon: 3600"]), line: 2, path: "horizon", message: "has no unit"),
        Case(label: "horizon is a list", text: base([2: "horizon: [1h]"]), line: 2, path: "horizon", message: "expected a duration"),
        Case(label: "seed is text", text: base(append: "seed: lucky\n"), line: 7, path: "seed", message: "expected a whole number"),
        Case(label: "negative seed", text: base(append: "seed: -4\n"), line: 7, path: "seed", message: "expected a whole number"),
        Case(label: "replications is fractional", text: base(append: "replications: 2.5\n"), line: 7, path: "replications", message: "expected a whole number"),
        Case(label: "servers is text", text: base([5: "  s: {kind: station, servers: many, service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.servers", message: "expected a whole number"),
        Case(label: "rate without unit", text: base([4: "  a: {kind: source, rate: 5, to: s}"]), line: 4, path: "components.a.rate", message: "rate"),
        Case(label: "bad distribution", text: base([5: "  s: {kind: station, service: exponential(1), to: d}"]), line: 5, path: "components.s.service", message: "takes named parameters"),
        Case(label: "components is a list", text: "name: t\nhorizon: 1h\ncomponents: [a, b]\n", line: 3, path: "components", message: "expected a mapping of names"),
        Case(label: "router to is a name", text: base([5: "  s: {kind: router, to: d}"]), line: 5, path: "components.s.to", message: "expected a list"),
        Case(label: "expect is a mapping", text: base(append: "expect: {drops: 0}\n"), line: 7, path: "expect", message: "expected a list"),
        Case(label: "when_full unknown", text: base([5: "  s: {kind: station, service: exp(mean=0.5s), capacity: 5, when_full: dorp, to: d}"]), line: 5, path: "components.s.when_full", message: "did you mean `drop`"),
        Case(label: "rule unknown", text: base([5: "  s: {kind: router, rule: roundrobin, to: [d]}"]), line: 5, path: "components.s.rule", message: "did you mean `round_robin`"),
        // Impossible values
        Case(label: "zero horizon", text: base([2: "horizon: 0s"]), line: 2, path: "horizon", message: "longer than 0"),
        Case(label: "warm-up longer than horizon", text: base(append: "warm_up: 2h\n"), line: 7, path: "warm_up", message: "must be shorter than the horizon"),
        Case(label: "zero servers", text: base([5: "  s: {kind: station, servers: 0, service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.servers", message: "between 1 and"),
        Case(label: "capacity below servers", text: base([5: "  s: {kind: station, servers: 4, capacity: 2, service: exp(mean=0.5s), to: d}"]), line: 5, path: "components.s.capacity", message: "at least the number of servers"),
        Case(label: "negative rate", text: base([4: "  a: {kind: source, rate: -1/s, to: s}"]), line: 4, path: "components.a.rate", message: "negative"),
        Case(label: "zero rate", text: base([4: "  a: {kind: source, rate: 0/s, to: s}"]), line: 4, path: "components.a.rate", message: "greater than 0"),
        Case(label: "two arrival forms", text: base([4: "  a: {kind: source, rate: 1/s, interarrival: exp(mean=1s), to: s}"]), line: 4, path: "components.a", message: "one of rate, interarrival and stream"),
        Case(label: "weights count", text: base([5: "  s: {kind: router, weights: [1, 2], to: [d]}"]), line: 5, path: "components.s.weights", message: "2 weight(s) for 1 output(s)"),
        Case(label: "weights all zero", text: base([5: "  s: {kind: router, weights: [0], to: [d]}"]), line: 5, path: "components.s.weights", message: "every weight is 0"),
        Case(label: "weights on round robin", text: base([5: "  s: {kind: router, rule: round_robin, weights: [1], to: [d]}"]), line: 5, path: "components.s.weights", message: "apply to rule: probability only"),
        Case(label: "zero replications", text: base(append: "replications: 0\n"), line: 7, path: "replications", message: "between 1 and 1000"),
        Case(label: "bad scenario name", text: base([1: "name: my scenario/1"]), line: 1, path: "name", message: "letters, digits"),
        Case(label: "too many samples", text: base(append: "sample_every: 1ms\n"), line: 7, path: "sample_every", message: "at most 100,000"),
        Case(label: "SLO bound zero", text: base(append: "slos: [p99 <= 0s]\n"), line: 7, path: "slos[0]", message: "greater than 0"),
        Case(label: "SLO lower bound", text: base(append: "slos: [p99 >= 5s]\n"), line: 7, path: "slos[0]", message: "must be <= or <"),
        Case(label: "SLO unknown percentile", text: base(append: "slos: [q99 <= 5s]\n"), line: 7, path: "slos[0]", message: "unknown percentile"),
        Case(label: "SLO bad unit", text: base(append: "slos: [p99 <= 5 parsecs]\n"), line: 7, path: "slos[0]", message: "is not an objective"),
        // Dangling connections
        Case(label: "dangling to", text: base([4: "  a: {kind: source, rate: 1/s, to: sx}"]), line: 4, path: "components.a.to", message: "`a` sends to `sx`, which is not a component (did you mean `s`?)"),
        Case(label: "dangling router output", text: base([5: "  s: {kind: router, to: [d, e]}"]), line: 5, path: "components.s.to[1]", message: "`s` sends to `e`, which is not a component"),
        Case(label: "sends to a source", text: base([5: "  s: {kind: station, service: exp(mean=0.5s), to: a}"]), line: 5, path: "components.s.to", message: "which is a source"),
        Case(label: "sends to itself", text: base([5: "  s: {kind: station, service: exp(mean=0.5s), to: s}"]), line: 5, path: "components.s.to", message: "sends to itself"),
        Case(label: "no sink", text: "name: t\nhorizon: 1h\ncomponents:\n  a: {kind: source, rate: 1/s, to: s}\n  s: {kind: delay, duration: 1s, to: t}\n  t: {kind: delay, duration: 1s, to: s}\n", line: 4, path: "components", message: "the network has no sink"),
        Case(label: "SLO stage dangling", text: base(append: "slos:\n  - {stage: server, objective: p99 <= 5s}\n"), line: 8, path: "slos[0].stage", message: "no station or delay named `server`"),
        Case(label: "expect stage dangling", text: base(append: "expect: [\"p99[ss] <= 5s\"]\n"), line: 7, path: "expect[0]", message: "did you mean `s`"),
        Case(label: "stream without workload", text: base([4: "  a: {kind: source, stream: bets, to: s}"]), line: 4, path: "components.a.stream", message: "needs a `workload:` section"),
        Case(label: "unknown workload stream", text: base([4: "  a: {kind: source, stream: bts, to: s}"], append: "workload: {streams: {bets: {rate: 5/s}}}\n"), line: 4, path: "components.a.stream", message: "did you mean `bets`"),
        // Storage
        Case(label: "dataset without event size", text: base(append: "storage: {datasets: {e: {sink: d}}}\n"), line: 7, path: "storage.datasets.e.event_size", message: "missing required field `event_size`"),
        Case(label: "dataset format unknown", text: base(append: "storage: {datasets: {e: {sink: d, event_size: 1KB, format: parquet}}}\n"), line: 7, path: "storage.datasets.e.format", message: "unknown format `parquet`"),
        Case(label: "retention not whole days", text: base(append: "storage: {retention: 36h, datasets: {e: {sink: d, event_size: 1KB}}}\n"), line: 7, path: "storage.retention", message: "whole number of days"),
        Case(label: "compression below 1", text: base(append: "storage: {datasets: {e: {sink: d, event_size: 1KB, compression_ratio: 0.5}}}\n"), line: 7, path: "storage.datasets.e.compression_ratio", message: "at least 1"),
        // Expectations
        Case(label: "unknown metric", text: base(append: "expect: [\"p98 <= 5s\"]\n"), line: 7, path: "expect[0]", message: "unknown metric `p98`"),
        Case(label: "metric misspelt", text: base(append: "expect: [\"drop == 0\"]\n"), line: 7, path: "expect[0]", message: "did you mean `drops`"),
        Case(label: "not an expectation", text: base(append: "expect: [\"everything fine\"]\n"), line: 7, path: "expect[0]", message: "is not an expectation"),
        Case(label: "analytic without ~", text: base(append: "replications: 3\nexpect: [\"mean_sojourn[s] <= analytic\"]\n"), line: 8, path: "expect[0]", message: "using ~"),
        Case(label: "analytic needs replications", text: base(append: "expect: [\"mean_sojourn[s] ~ analytic\"]\n"), line: 7, path: "expect[0]", message: "set `replications:` to 2 or more"),
        Case(label: "utilization needs stage", text: base(append: "expect: [\"utilization <= 80%\"]\n"), line: 7, path: "expect[0]", message: "belongs to one stage"),
        Case(label: "storage has no stage", text: base(append: "expect: [\"storage[s] <= 5TB\"]\n"), line: 7, path: "expect[0]", message: "not of a stage"),
        Case(label: "wrong unit for latency", text: base(append: "expect: [\"p99 <= 5TB\"]\n"), line: 7, path: "expect[0]", message: "unknown time unit"),
        Case(label: "slo met without slos", text: base(append: "expect: [slo met]\n"), line: 7, path: "expect[0]", message: "needs an objective under `slos:`"),
        Case(label: "lag drained without spike", text: base(append: "expect: [lag drained within 5m]\n"), line: 7, path: "expect[0]", message: "needs a spike"),
        Case(label: "fraction above 1", text: base(append: "expect: [\"utilization[s] <= 150%\"]\n"), line: 7, path: "expect[0]", message: "is not a fraction"),
        Case(label: "throughput held bad share", text: base(append: "expect: [throughput held lots]\n"), line: 7, path: "expect[0]", message: "is not a share"),
    ]

    @Test(arguments: cases) func brokenFileGetsAClearError(_ c: Case) throws {
        try Self.expectClearError(c)
    }

    /// Decodes `c.text`: it must fail, with an issue at `c.path` of file
    /// `broken.yaml` on `c.line` whose message or expectation mentions
    /// `c.message`, among issues that all have a line and a message (the
    /// check of every broken-file suite).
    static func expectClearError(_ c: Case) throws {
        do {
            _ = try ScenarioFile.decode(text: c.text, file: "broken.yaml")
            Issue.record("\(c.label): decoded without error")
        } catch let errors as ConfigErrors {
            // The issue of the broken field, among every issue of the file.
            let issue = try #require(errors.issues.first { $0.path == c.path }, "\(c.label): no issue at \(c.path): \(errors)")
            #expect(issue.file == "broken.yaml")
            #expect(issue.line == c.line, "\(c.label): \(errors)")
            #expect(issue.message.contains(c.message) || issue.expected.contains(c.message), "\(c.label): \(errors)")
            #expect(errors.issues.allSatisfy { $0.line >= 0 && !$0.message.isEmpty })
        }
    }

    @Test func thereAreAtLeastFiftyBrokenFiles() {
        #expect(BrokenScenarioTests.cases.count >= 50)
    }

    @Test func everyErrorOfAFileAtOnce() throws {
        let text = BrokenScenarioTests.base([2: "horizon: 0s", 4: "  a: {kind: source, rate: 1/s, to: x}", 5: "  s: {kind: station, servrs: 2, service: exp(mean=0.5s), to: d}"],
                        append: "expect: [\"p98 <= 5s\"]\n")
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.decode(text: text, file: "many.yaml") }
        #expect(errors.issues.map(\.line) == [2, 4, 5, 7], "\(errors)")
    }

    @Test func warningsForConfigurationsThatCannotWork() throws {
        let overloaded = try ScenarioFile.decode(text: BrokenScenarioTests.base([5: "  s: {kind: station, service: exp(mean=2s), to: d}"]), file: "w.yaml")
        #expect(overloaded.warnings.count == 1)
        #expect(overloaded.warnings[0].line == 5 && overloaded.warnings[0].message.contains("ρ = 2 ≥ 1"), "\(overloaded.warnings)")
        #expect(overloaded.warnings[0].expected.contains("at least 3 servers"))
        let unreachable = try ScenarioFile.decode(text: BrokenScenarioTests.base(append: "  x: {kind: delay, duration: 1s, to: d}\n"), file: "u.yaml")
        #expect(unreachable.warnings.contains { $0.path == "components.x" && $0.message.contains("no source reaches") }, "\(unreachable.warnings)")
        let fine = try ScenarioFile.decode(text: BrokenScenarioTests.base(), file: "ok.yaml")
        #expect(fine.warnings.isEmpty)
    }
}
