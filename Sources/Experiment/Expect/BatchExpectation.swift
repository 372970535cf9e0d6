/// Expectations on the batch side (`batch:`), one line each in `expect:`:
///
///     expect:
///       - cdc lag p99 <= 1m              # every connector (the worst); or cdc[sqlserver] lag max <= 10m
///       - file_drop load p99 <= 15m      # every drop; or file_drop[provider] load max <= 20m
///       - file_drop backlog <= 12        # most files waiting or loading at once
///       - elt duration <= 2h
///       - elt finished before 06:00      # time of day (UTC) a run ends, same day
///       - elt scanned <= 2TB             # bytes one run scans
///       - elt cost.aws <= 300 USD        # per month (30 runs)
///       - escalation flagged >= 15       # players with a stake-escalation streak
///
/// Parsed by ``parse(_:text:line:node:)`` (called first by ``StatementParser``),
/// checked against the scenario's `batch:` at decoding (``problem(_:)``), and
/// evaluated on the run's storage result (``evaluate(_:_:)``).

import Foundation
import Metrics
import Planning
import Platform
import Variates

/// One batch-side expectation.
public struct BatchExpectation: Sendable, Equatable {
    /// What is measured.
    public enum Subject: Sendable, Equatable {
        /// A percentile (100: max) of the CDC lag, seconds; `connector` nil: the worst connector.
        case cdcLag(connector: String?, percentile: Double)
        /// A percentile (100: max) of the file-drop load time, seconds; `drop` nil: the worst drop.
        case loadTime(drop: String?, percentile: Double)
        /// The most files waiting or loading at once; `drop` nil: the worst drop.
        case backlog(drop: String?)
        /// One ELT run's duration, seconds.
        case eltDuration
        /// Time of day an ELT run finishes, seconds after 00:00 UTC (past 24 h when it ends the next day).
        case eltFinish
        /// Bytes one ELT run scans.
        case eltScanned
        /// The ELT's cost per month on a cloud, USD.
        case eltCost(cloud: String)
        /// Players flagged for stake escalation (distinct players with a streak).
        case escalationFlagged
    }

    /// What is measured.
    public var subject: Subject
    /// How it compares (`finished before` is `<`).
    public var op: Expectation.Comparator
    /// The bound in the subject's unit (seconds, bytes, USD, count).
    public var value: Double

    /// Forms shown when a batch statement does not parse.
    public static let forms = "`cdc lag p99 <= 1m`, `cdc[NAME] lag max <= 10m`, `file_drop load p99 <= 15m`, `file_drop backlog <= 12`, "
        + "`elt duration <= 2h`, `elt finished before 06:00`, `elt scanned <= 2TB`, `elt cost.aws <= 300 USD`, `escalation flagged >= 15`"

    /// The batch expectation in `words` (``StatementParser/split(_:)`` of `text`):
    /// nil when the statement is not about the batch side (its first word is
    /// not `cdc`, `file_drop`, `elt` or `escalation`); `.some(nil)` with an issue at `node` when it does not parse.
    static func parse(_ words: [String], text: String, node: ConfigNode) -> BatchExpectation?? {
        guard let first = words.first else { return nil }
        var head = first.lowercased()
        var name: String?
        if let open = head.firstIndex(of: "["), head.hasSuffix("]") {
            name = String(first[first.index(after: open)..<first.index(before: first.endIndex)])
            head = String(head[..<open])
        }
        guard ["cdc", "file_drop", "file_drops", "elt", "escalation"].contains(head) else { return nil }
        func bad(_ why: String) -> BatchExpectation?? { node.fail("\"\(text)\": \(why)", expected: forms); return .some(nil) }
        if name?.isEmpty == true { return bad("empty name in `\(first)`") }
        let rest = words.dropFirst().map { $0.lowercased() }
        if head == "elt", rest.count == 3, rest[0] == "finished", rest[1] == "before" {
            guard let s = ConfigNode.timeOfDay(words[3]) else { return bad("\"\(words[3])\" is not a time of day (HH:MM)") }
            return .some(BatchExpectation(subject: .eltFinish, op: .below, value: s))
        }
        guard words.count >= 4 else { return bad("not a batch expectation") }
        let opIndex = words.count - 2
        guard let op = Expectation.Comparator(rawValue: words[opIndex]), op != .near else {
            return bad("`\(words[opIndex])` is not a comparison (<=, <, >=, >, ==)")
        }
        let what = words[1..<opIndex].map { $0.lowercased() }
        let target = words[words.count - 1]
        func percentile(_ w: String) -> Double? { StatementParser.percentile(w) }
        let subject: Subject
        let unit: ExpectationMetric.Unit
        switch (head, what.count, what.first) {
        case ("cdc", 2, "lag"):
            guard let p = percentile(what[1]) else { return bad("unknown percentile `\(what[1])` (p50, p95, p99, p999 or max)") }
            subject = .cdcLag(connector: name, percentile: p); unit = .seconds
        case ("file_drop", 2, "load"), ("file_drops", 2, "load"):
            guard let p = percentile(what[1]) else { return bad("unknown percentile `\(what[1])` (p50, p95, p99, p999 or max)") }
            subject = .loadTime(drop: name, percentile: p); unit = .seconds
        case ("file_drop", 1, "backlog"), ("file_drops", 1, "backlog"):
            subject = .backlog(drop: name); unit = .count
        case ("elt", 1, "duration") where name == nil: subject = .eltDuration; unit = .seconds
        case ("elt", 1, "scanned") where name == nil: subject = .eltScanned; unit = .bytes
        case ("elt", 1, let w?) where name == nil && w.hasPrefix("cost."):
            let cloud = String(w.dropFirst(5))
            guard CostCatalogClouds.ordered.contains(cloud) else {
                return bad("unknown cloud `\(cloud)`" + Spelling.suggestion(for: cloud, in: CostCatalogClouds.ordered))
            }
            subject = .eltCost(cloud: cloud); unit = .usd
        case ("escalation", 1, "flagged") where name == nil: subject = .escalationFlagged; unit = .count
        default:
            return bad("not a batch expectation")
        }
        guard let value = StatementParser.quantity(target, unit, node) else { return .some(nil) }
        return .some(BatchExpectation(subject: subject, op: op, value: value))
    }

    /// Why this expectation cannot be checked against `batch` (nil: it can).
    func problem(_ batch: BatchSection?) -> String? {
        guard let batch else { return "a batch expectation needs a `batch:` section" }
        func named(_ name: String?, _ all: [String], _ what: String) -> String? {
            if all.isEmpty { return "there is no \(what) under `batch:`" }
            guard let name, !all.contains(name) else { return nil }
            return "no \(what) named `\(name)`" + Spelling.suggestion(for: name, in: all) + "; \(what)s: " + all.joined(separator: ", ")
        }
        switch subject {
        case .cdcLag(let c, _): return named(c, batch.cdc.map(\.name), "CDC connector")
        case .loadTime(let d, _), .backlog(let d): return named(d, batch.fileDrops.map(\.name), "file drop")
        case .eltDuration, .eltFinish, .eltScanned, .eltCost: return batch.elt == nil ? "there is no `batch.elt` job" : nil
        case .escalationFlagged:
            return batch.elt?.analytics.betsDataset == nil ? "stake escalation runs only with `batch.elt.analytics.bets`" : nil
        }
    }

    /// The measured value on `storage` (nil: nothing measured).
    func measured(_ storage: StorageResult?) -> Double? {
        guard let s = storage else { return nil }
        func worst(_ values: [Double?]) -> Double? { values.contains { $0 == nil } ? nil : values.compactMap { $0 }.max() }
        func at(_ h: LatencyHistogram, _ p: Double) -> Double? {
            p >= 100 ? h.maxNanos.map { Double($0) / 1e9 } : h.valueSeconds(atPercentile: p)
        }
        switch subject {
        case .cdcLag(let c, let p): return worst(s.cdc.filter { c == nil || $0.name == c }.map { at($0.lag, p) })
        case .loadTime(let d, let p): return worst(s.fileDrops.filter { d == nil || $0.name == d }.map { at($0.loadTime, p) })
        case .backlog(let d): return s.fileDrops.filter { d == nil || $0.name == d }.map { Double($0.maxBacklogFiles) }.max()
        case .eltDuration: return s.elt.map { Double($0.durationNanos) / 1e9 }
        case .eltFinish: return s.elt.map { Double($0.finishOfDayNanos) / 1e9 }
        case .eltScanned: return s.elt?.bytesScannedPerRun
        case .eltCost(let cloud): return s.elt.map { NSDecimalNumber(decimal: $0.costPerMonth.first { $0.cloud == cloud }?.usd ?? 0).doubleValue }
        case .escalationFlagged: return s.elt.map { Double(Set($0.analytics.escalationStreaks.map(\.player)).count) }
        }
    }

    /// The outcome of `e` (whose check is this) on `run`.
    static func evaluate(_ b: BatchExpectation, _ e: Expectation, _ run: ScenarioRunResult) -> ExpectationOutcome {
        let text: (Double) -> String
        switch b.subject {
        case .cdcLag, .loadTime, .eltDuration: text = { TimeSpan(seconds: $0).formatted }
        case .eltFinish: text = { BatchReportSection.timeOfDay(Int64($0 * 1e9)) }
        case .eltScanned: text = { ByteCount(bytes: $0).formatted() }
        case .eltCost: text = { Money(usd: Decimal($0)).formatted + " a month" }
        case .backlog, .escalationFlagged: text = { NumberText.plain($0) }
        }
        let required = b.subject == .eltFinish ? "before \(text(b.value))" : "\(b.op.rawValue) \(text(b.value))"
        guard let v = b.measured(run.storage) else {
            return ExpectationOutcome(expectation: e, passed: false, measured: "not measured", required: required)
        }
        return ExpectationOutcome(expectation: e, passed: b.op.holds(v, b.value), measured: text(v), required: required)
    }
}
