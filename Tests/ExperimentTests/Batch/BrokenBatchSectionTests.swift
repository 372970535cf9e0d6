import Foundation
import Testing
@testable import Experiment

/// Broken `batch:` sections: each gets a clear error at its line and field
/// (unknown fields with the nearest name, impossible values from Platform's
/// validation surfaced at the field, dangling dataset names), never a crash.
@Suite struct BrokenBatchSectionTests {
    /// A broken file: the first issue at `path` must be on `line` and mention `message`.
    typealias Case = BrokenScenarioTests.Case

    /// A valid file with lines replaced (1-based) and text appended.
    static func base(_ replacements: [Int: String] = [:], append: String = "") -> String {
        var lines = [
            "name: t",                                                      // 1
            "horizon: 1h",                                                  // 2
            "workload:",                                                    // 3
            "  streams:",                                                   // 4
            "    bets: {rate: 1/s}",                                        // 5
            "    transactions: {rate: 1/s}",                                // 6
            "components:",                                                  // 7
            "  a: {kind: source, stream: bets, to: d}",                     // 8
            "  d: {kind: sink}",                                            // 9
            "storage:",                                                     // 10
            "  datasets:",                                                  // 11
            "    bets: {sink: d, event_size: 250B}",                        // 12
            "batch:",                                                       // 13
            "  cdc:",                                                       // 14
            "    sqlserver: {change_rate: 200/s, ship_latency: 2s}",        // 15
            "  file_drops:",                                                // 16
            "    provider: {file_size: 20MB}",                              // 17
            "  elt:",                                                       // 18
            "    inputs: [bets, sqlserver, provider]",                      // 19
            "    analytics: {revenue: bets, bets: bets}",                   // 20
        ]
        for (at, text) in replacements { lines[at - 1] = text }
        return lines.joined(separator: "\n") + "\n" + append
    }

    static func cdc(_ fields: String) -> [Int: String] { [15: "    sqlserver: {\(fields)}"] }
    static func drop(_ fields: String) -> [Int: String] { [17: "    provider: {\(fields)}"] }

    static let cases: [Case] = [
        Case(label: "unknown batch field", text: base([14: "  cdcs:"]), line: 14, path: "batch.cdcs", message: "did you mean `cdc`?"),
        Case(label: "misspelled cdc field", text: base(cdc("change_rat: 200/s, ship_latency: 2s")), line: 15, path: "batch.cdc.sqlserver.change_rat", message: "did you mean `change_rate`?"),
        Case(label: "missing ship latency", text: base(cdc("change_rate: 200/s")), line: 15, path: "batch.cdc.sqlserver.ship_latency", message: "missing required field"),
        Case(label: "negative change rate", text: base(cdc("change_rate: -5/s, ship_latency: 2s")), line: 15, path: "batch.cdc.sqlserver.change_rate", message: "negative"),
        Case(label: "snapshot rate zero", text: base(cdc("change_rate: 5/s, ship_latency: 2s, snapshot_rate: 0MB/s")), line: 15, path: "batch.cdc.sqlserver.snapshot_rate", message: "must be positive"),
        Case(label: "snapshot rate without time", text: base(cdc("change_rate: 5/s, ship_latency: 2s, snapshot_rate: 100MB")), line: 15, path: "batch.cdc.sqlserver.snapshot_rate", message: "a throughput is a size per time"),
        Case(label: "poll zero", text: base(cdc("change_rate: 5/s, ship_latency: 2s, poll: 0s")), line: 15, path: "batch.cdc.sqlserver.poll", message: "must be positive"),
        Case(label: "max changes zero", text: base(cdc("change_rate: 5/s, ship_latency: 2s, max_changes: 0/s")), line: 15, path: "batch.cdc.sqlserver.max_changes", message: "must be positive"),
        Case(label: "ship latency unparsable", text: base(cdc("change_rate: 5/s, ship_latency: \"lognormal(p50=2s\"")), line: 15, path: "batch.cdc.sqlserver.ship_latency", message: "a distribution"),
        Case(label: "cdc dataset is a storage dataset", text: base(cdc("dataset: bets, change_rate: 5/s, ship_latency: 2s")), line: 15, path: "batch.cdc.sqlserver.dataset", message: "is a storage dataset fed by the sink `d`"),
        Case(label: "cdc not a mapping", text: base([15: "    sqlserver: 5"]), line: 15, path: "batch.cdc.sqlserver", message: "expected a mapping"),
        Case(label: "drop dataset declared twice", text: base(drop("dataset: sqlserver, file_size: 20MB")), line: 17, path: "batch.file_drops.provider.dataset", message: "already declared"),
        Case(label: "load rate zero", text: base(drop("file_size: 20MB, load_rate: 0MB/s")), line: 17, path: "batch.file_drops.provider.load_rate", message: "must be positive"),
        Case(label: "zero files", text: base(drop("file_size: 20MB, files: 0")), line: 17, path: "batch.file_drops.provider.files", message: "between 1 and"),
        Case(label: "file size bad unit", text: base(drop("file_size: 20XB")), line: 17, path: "batch.file_drops.provider.file_size", message: "unknown unit"),
        Case(label: "missing file size", text: base(drop("every: 1h")), line: 17, path: "batch.file_drops.provider.file_size", message: "missing required field"),
        Case(label: "elt input not a dataset", text: base([19: "    inputs: [bets, sqlservr, provider]"]), line: 19, path: "batch.elt.inputs[1]", message: "no dataset named `sqlservr` (did you mean `sqlserver`?)"),
        Case(label: "elt inputs missing", text: base([19: "    name: job"]), line: 19, path: "batch.elt.inputs", message: "missing required field"),
        Case(label: "scan days zero", text: base(append: "    scan_days: 0\n"), line: 21, path: "batch.elt.scan_days", message: "must be at least 1"),
        Case(label: "scan rate zero", text: base(append: "    scan_rate: 0GB/s\n"), line: 21, path: "batch.elt.scan_rate", message: "must be positive"),
        Case(label: "start not a time of day", text: base(append: "    start: \"25:00\"\n"), line: 21, path: "batch.elt.start", message: "is not a time of day"),
        Case(label: "unknown scan layer", text: base(append: "    scan_layer: silvr\n"), line: 21, path: "batch.elt.scan_layer", message: "did you mean `silver`?"),
        Case(label: "price misses clouds", text: base(append: "    price: {per_tib_scanned: {aws: 5 USD}}\n"), line: 21, path: "batch.elt.price.per_tib_scanned", message: "no warehouse price for gcp, azure"),
        Case(label: "both price bases", text: base(append: "    price: {per_tib_scanned: {aws: 5}, per_compute_hour: {aws: 1}}\n"), line: 21, path: "batch.elt.price", message: "not both"),
        Case(label: "compute hours without units", text: base(append: "    price: {per_compute_hour: {gcp: 1, aws: 1, azure: 1}}\n"), line: 21, path: "batch.elt.price", message: "needs `units`"),
        Case(label: "negative price", text: base(append: "    price: {per_tib_scanned: {gcp: -1, aws: 5, azure: 5}}\n"), line: 21, path: "batch.elt.price.per_tib_scanned.gcp", message: "cannot be negative"),
        Case(label: "analytics dataset misspelled", text: base([20: "    analytics: {revenue: bets, bets: bet}"]), line: 20, path: "batch.elt.analytics.bets", message: "did you mean `bets`?"),
        Case(label: "revenue without transactions stream", text: base([6: "    logins: {rate: 1/s}"]), line: 20, path: "batch.elt.analytics.revenue", message: "needs a stream of kind transactions"),
        Case(label: "negative escalation threshold", text: base([20: "    analytics: {bets: bets, escalation_threshold: -0.5}"]), line: 20, path: "batch.elt.analytics.escalation_threshold", message: "must be ≥ 0"),
        Case(label: "escalation threshold not exact", text: base([20: "    analytics: {bets: bets, escalation_threshold: 1e-3}"]), line: 20, path: "batch.elt.analytics.escalation_threshold", message: "is not a decimal number"),
        Case(label: "dedup window zero", text: base([20: "    analytics: {bets: bets, dedup_window: 0s}"]), line: 20, path: "batch.elt.analytics.dedup_window", message: "must be positive"),
        Case(label: "top zero", text: base([20: "    analytics: {bets: bets, top: 0}"]), line: 20, path: "batch.elt.analytics.top", message: "must be at least 1"),
        Case(label: "batch without storage", text: base([10: "# no storage", 11: "#", 12: "#"]), line: 14, path: "batch", message: "needs a `storage:` section"),
        Case(label: "expectation bad percentile", text: base(append: "expect: [\"cdc lag q99 <= 1m\"]\n"), line: 21, path: "expect[0]", message: "unknown percentile `q99`"),
        Case(label: "expectation names no drop", text: base(append: "expect: [\"file_drop[provdr] load p99 <= 1m\"]\n"), line: 21, path: "expect[0]", message: "did you mean `provider`?"),
        Case(label: "expectation finish not a time", text: base(append: "expect: [elt finished before 6pm]\n"), line: 21, path: "expect[0]", message: "is not a time of day"),
        Case(label: "escalation expectation without bets analytics", text: base([20: "    analytics: {revenue: bets}"], append: "expect: [escalation flagged >= 1]\n"), line: 21, path: "expect[0]", message: "runs only with"),
        Case(label: "batch expectation without batch", text: base([13: "#", 14: "#", 15: "#", 16: "#", 17: "#", 18: "#", 19: "#", 20: "#"], append: "expect: [elt duration <= 2h]\n"), line: 21, path: "expect[0]", message: "needs a `batch:` section"),
    ]

    @Test func theBaseFileIsValid() throws {
        let s = try ScenarioFile.decode(text: Self.base(), file: "ok.yaml")
        #expect(s.batch?.cdc.count == 1 && s.batch?.fileDrops.count == 1 && s.batch?.elt != nil)
    }

    @Test(arguments: cases) func brokenBatchSectionGetsAClearError(_ c: Case) throws {
        try BrokenScenarioTests.expectClearError(c)
    }

    @Test func atLeastFifteenBrokenSections() { #expect(Self.cases.count >= 15) }

    @Test func everyErrorOfTheSectionAtOnce() throws {
        let text = Self.base([15: "    sqlserver: {change_rate: 200/s, ship_latency: 2s, poll: 0s}", 17: "    provider: {file_size: 20MB, load_rate: 0MB/s}",
                              19: "    inputs: [bets, sqlservr, provider]"], append: "    scan_days: 0\n")
        let errors = try #require(throws: ConfigErrors.self) { try ScenarioFile.decode(text: text, file: "many.yaml") }
        #expect(errors.issues.map(\.line) == [15, 17, 19, 21], "\(errors)")
    }

    @Test func warningsForConnectorsAndDropsThatCannotKeepUp() throws {
        var lines = Self.cdc("change_rate: 30k/s, ship_latency: 2s, snapshot: 1TB")
        lines[17] = "    provider: {file_size: 2GB, files: 30, load_rate: 10MB/s}"
        let s = try ScenarioFile.decode(text: Self.base(lines), file: "w.yaml")
        let batch = s.warnings.filter { $0.path.hasPrefix("batch.") }
        #expect(batch.map(\.line) == [15, 15, 17], "\(s.warnings)")
        #expect(batch[0].message.contains("applies at most 20,000/s: its lag grows without bound"), "\(batch[0].message)")
        #expect(batch[1].message.contains("no change ships during the run"), "\(batch[1].message)")
        #expect(batch[2].message.contains("the backlog grows every drop"), "\(batch[2].message)")
        #expect(try ScenarioFile.decode(text: Self.base(), file: "ok.yaml").warnings.isEmpty)
    }
}
