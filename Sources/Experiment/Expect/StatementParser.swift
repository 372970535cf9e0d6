/// Parsing of the one-line statements of `slos:` (`p99 <= 5s`) and
/// `expect:` (see ``Expectation``). A statement that does not parse is an
/// issue at its node with the accepted forms and the nearest metric name.

import Planning
import Variates

/// Reads SLO and expectation statements from their nodes.
public enum StatementParser {
    /// Forms shown when an expectation does not parse.
    public static let expectationForms = "`throughput held`, `slo met`, `drops == 0`, `lag drained within 10m`, "
        + "`p99 <= 5s`, `mean_sojourn[server] ~ analytic`, `storage <= 5TB`, `cost.aws <= 12000 USD`, "
        + "and for streaming scenarios `recall >= 50%`, `precision >= 10%`, `dead_letters <= 1%`, `lag <= 100k`, "
        + "`max parallelism <= 64`, `hot_partitions == 0`, `review_backlog <= 500`, `scaled up during spike`, "
        + "`scaled down after spike`, `review backlog drained`"

    /// `p99 <= 5s` (also `p99.9 < 250ms`, `max <= 10s`); nil with an issue otherwise.
    public static func objective(_ node: ConfigNode) -> (percentile: Double, strict: Bool, seconds: Double)? {
        guard let text = node.text(expected: "an objective such as p99 <= 5s") else { return nil }
        let parts = split(text)
        let form = "an objective such as p99 <= 5s (p50, p90, p95, p99, p99.9, p999 or max; <= or <)"
        guard parts.count == 3 else {
            node.fail("\"\(text)\" is not an objective", expected: form)
            return nil
        }
        guard let p = percentile(parts[0]) else {
            node.fail("unknown percentile `\(parts[0])`" + Spelling.suggestion(for: parts[0], in: ["p50", "p90", "p95", "p99", "p999", "max"]), expected: form)
            return nil
        }
        guard parts[1] == "<=" || parts[1] == "<" else {
            node.fail("an objective is an upper bound: `\(parts[1])` must be <= or <", expected: form)
            return nil
        }
        guard let seconds = duration(parts[2], node) else { return nil }
        guard seconds > 0 else {
            node.fail("a latency bound must be greater than 0, got \(parts[2])", expected: form)
            return nil
        }
        return (p, parts[1] == "<", seconds)
    }

    /// An expectation; nil with an issue when it does not parse.
    public static func expectation(_ node: ConfigNode) -> Expectation? {
        guard let text = node.text(expected: "an expectation such as drops == 0") else { return nil }
        let line = node.mark?.line ?? 0
        var words = split(text)
        if words.count >= 2, words[0].lowercased() == "max", words[1].lowercased().hasPrefix("parallelism") {
            words = ["max_" + words[1]] + words.dropFirst(2)
        }
        let lower = words.map { $0.lowercased() }
        func make(_ check: Expectation.Check) -> Expectation { Expectation(text: text, line: line, check: check) }
        if let batch = BatchExpectation.parse(words, text: text, node: node) { return batch.map { make(.batch($0)) } }
        if lower.first == "throughput", lower.count >= 2, lower[1] == "held" {
            guard lower.count <= 3 else { node.fail("\"\(text)\": too many words", expected: "throughput held [95%]"); return nil }
            var share = 0.99
            if lower.count == 3 {
                guard let s = fraction(words[2]), s > 0 else {
                    node.fail("\"\(words[2])\" is not a share of the offered rate", expected: "throughput held 95%")
                    return nil
                }
                share = s
            }
            return make(.throughputHeld(share: share))
        }
        if lower == ["slo", "met"] || (lower.count == 3 && lower[1] == "within" && lower[2] == "slo") {
            return make(.sloMet)
        }
        if lower.first == "scaled" {
            let spikes = ["spike", "spikes"]
            if lower.count == 4, lower[1] == "up", lower[2] == "during", spikes.contains(lower[3]) { return make(.scaled(up: true)) }
            if lower.count == 4, lower[1] == "down", lower[2] == "after", spikes.contains(lower[3]) { return make(.scaled(up: false)) }
            node.fail("\"\(text)\" is not an autoscaler expectation", expected: "scaled up during spike, or scaled down after spike")
            return nil
        }
        if lower.count >= 2, lower[0] == "review", lower[1] == "backlog", lower.count != 3 || !Expectation.Comparator.allCases.map(\.rawValue).contains(lower[2]) {
            guard lower == ["review", "backlog", "drained"] else {
                node.fail("\"\(text)\" is not a review-queue expectation", expected: "review backlog drained, or review_backlog <= 500")
                return nil
            }
            return make(.reviewBacklogDrained)
        }
        if lower.count == 4, lower[0] == "lag", lower[1] == "drained", lower[2] == "within" {
            guard let seconds = duration(words[3], node) else { return nil }
            return make(.lagDrained(withinSeconds: seconds))
        }
        guard words.count == 3, let op = Expectation.Comparator(rawValue: words[1]) else {
            node.fail("\"\(text)\" is not an expectation", expected: expectationForms)
            return nil
        }
        var name = words[0]
        var stage: String?
        if let open = name.firstIndex(of: "["), name.hasSuffix("]") {
            stage = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            name = String(name[..<open])
            if stage!.isEmpty { node.fail("empty stage name in `\(words[0])`", expected: "metric[stage], e.g. mean_sojourn[server]"); return nil }
        }
        guard let metric = ExpectationMetric(name: name) else {
            node.fail("unknown metric `\(name)`" + Spelling.suggestion(for: name, in: ExpectationMetric.names),
                      expected: "one of " + ExpectationMetric.names.joined(separator: ", "))
            return nil
        }
        if metric.needsStage, stage == nil {
            node.fail("`\(name)` belongs to one stage", expected: "\(name)[STAGE], e.g. \(name)[server]"); return nil
        }
        if stage != nil, !metric.allowsStage {
            node.fail("`\(name)` is a figure of the whole run, not of a stage", expected: "\(name) \(op.rawValue) …"); return nil
        }
        if words[2].lowercased() == "analytic" {
            guard metric.hasAnalytic else {
                node.fail("queueing theory gives no value for `\(name)`", expected: "a metric among mean_sojourn, mean_wait, utilization, p50, p95, p99, p999, throughput")
                return nil
            }
            guard op == .near else {
                node.fail("compare with `analytic` using ~ (the analytic value inside the 99% confidence interval)", expected: "\(words[0]) ~ analytic")
                return nil
            }
            return make(.compare(metric: metric, stage: stage, op: op, target: .analytic))
        }
        guard op != .near else {
            node.fail("`~` compares with `analytic` only", expected: "\(words[0]) ~ analytic, or <=, <, >=, >, == with a value")
            return nil
        }
        if words[2].hasSuffix("%"), metric.unit == .count {
            guard metric.allowsShare else {
                node.fail("`\(name)` is a count, not a share", expected: metric.unit.example)
                return nil
            }
            guard let share = fraction(words[2]), share >= 0, share <= 1 else {
                node.fail("\"\(words[2])\" is not a share between 0% and 100%", expected: "a share of the records generated such as 1%")
                return nil
            }
            return make(.compare(metric: metric, stage: stage, op: op, target: .share(share)))
        }
        guard let value = quantity(words[2], metric.unit, node) else { return nil }
        return make(.compare(metric: metric, stage: stage, op: op, target: .value(value)))
    }

    /// Words separated by spaces, with operators split off (`p99<=5s` → p99, <=, 5s);
    /// a unit after a number stays with it (`12000 USD` → 12000USD).
    static func split(_ text: String) -> [String] {
        var spaced = text
        for op in ["<=", ">=", "=="] { spaced = spaced.replacingOccurrences(of: op, with: " \(op) ") }
        var words: [String] = []
        for w in spaced.split(separator: " ").map(String.init) {
            if ["<", ">", "~"].contains(where: { w.hasPrefix($0) && w.count > 1 && !w.hasPrefix("<=") && !w.hasPrefix(">=") }) {
                words.append(String(w.prefix(1))); words.append(String(w.dropFirst()))
            } else if let last = words.last, w.allSatisfy(\.isLetter), w.uppercased() == "USD", last.first?.isNumber == true {
                words[words.count - 1] = last + w
            } else {
                words.append(w)
            }
        }
        return words
    }

    static func percentile(_ text: String) -> Double? {
        switch text.lowercased() {
        case "max", "p100": return 100
        case "p999", "p99.9": return 99.9
        default:
            guard text.lowercased().hasPrefix("p"), let v = Double(text.dropFirst()), v > 0, v < 100 else { return nil }
            return v
        }
    }

    static func duration(_ text: String, _ node: ConfigNode) -> Double? {
        do { return try TimeSpan.parse(text, field: node.path).seconds } catch let e as PlanningError {
            node.fail(e.message, expected: "a duration such as " + e.accepted.joined(separator: ", "))
        } catch { node.fail("\(error)") }
        return nil
    }

    static func fraction(_ text: String) -> Double? {
        if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
        return Double(text)
    }

    /// A whole count, with thousands separators or a k/M/G suffix (`100k`, `1.5M`); nil otherwise.
    static func count(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        if let v = Int(plain) { return Double(v) }
        let scales: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9]
        guard let last = plain.last, let scale = scales[last], let v = Double(plain.dropLast()), v.isFinite else { return nil }
        let n = v * scale
        return n == n.rounded() ? n : nil
    }

    /// A target value in `unit`.
    static func quantity(_ text: String, _ unit: ExpectationMetric.Unit, _ node: ConfigNode) -> Double? {
        do {
            switch unit {
            case .seconds: return try TimeSpan.parse(text, field: node.path).seconds
            case .rate: return try EventRate.parse(text, field: node.path).perSecond
            case .bytes: return try ByteCount.parse(text, field: node.path).bytes
            case .usd: return try Money.parse(text, field: node.path).doubleValue
            case .fraction:
                guard let v = fraction(text), v >= 0, v <= 1 else { break }
                return v
            case .count:
                guard let v = count(text), v >= 0 else { break }
                return v
            }
        } catch let e as PlanningError {
            node.fail(e.message, expected: unit.example)
            return nil
        } catch { node.fail("\(error)"); return nil }
        node.fail("\"\(text)\" is not \(unit.example)", expected: unit.example)
        return nil
    }
}
