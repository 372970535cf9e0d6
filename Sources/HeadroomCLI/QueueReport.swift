/// Text and JSON renderings of a `headroom queue` outcome.
///
/// JSON keys come in a fixed order and numbers in Swift's shortest
/// round-trip form, so equal outcomes give identical bytes.

import Foundation
import Planning

/// Renders a ``QueueStudy`` and its outcome.
enum QueueReport {
    /// The JSON object (one line and a newline).
    static func json(_ study: QueueStudy, _ outcome: QueueStudy.Outcome) -> String {
        func number(_ x: Double?) -> String { x.map { $0.isFinite ? "\($0)" : "null" } ?? "null" }
        var fields: [String] = []
        for f in outcome.measured { fields.append("\"\(f.key)\": \(number(f.value))") }
        let analytic = outcome.analytic.compactMap { f in f.value.map { "\"\(f.key)\": \(number($0))" } }
        fields.append("\"analytic\": {" + analytic.joined(separator: ", ") + "}")
        if !outcome.halfWidths.isEmpty {
            let ci = QueueStudy.keys.compactMap { k in outcome.halfWidths[k.0].map { "\"\(k.0)\": \(number($0))" } }
            fields.append("\"ci95_half_width\": {" + ci.joined(separator: ", ") + "}")
        }
        fields.append("\"model\": \"\(study.kendall)\"")
        fields.append("\"offered_load\": \(number(study.offeredLoad))")
        fields.append("\"stable\": \(study.isStable)")
        if !study.isStable {
            fields.append("\"in_system_at_end\": \(number(outcome.inSystemAtEnd))")
            fields.append("\"queue_growth_per_second\": \(number(growth(study, outcome)))")
            fields.append("\"analytic_queue_growth_per_second\": \(number(study.arrivalRate - Double(study.servers) / study.service.mean))")
        }
        fields.append("\"stopped_by_guard\": \(outcome.overflowed)")
        fields.append("\"customers\": \(study.customers)")
        fields.append("\"replications\": \(study.replications)")
        fields.append("\"warmup_seconds\": \(number(study.warmUpSeconds))")
        fields.append("\"simulated_seconds\": \(number(outcome.simulatedSeconds))")
        fields.append("\"events\": \(outcome.events)")
        fields.append("\"seed\": \(study.seed)")
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    /// Customers added to the station per simulated second: those present at
    /// the end over the whole run (it started empty).
    static func growth(_ study: QueueStudy, _ outcome: QueueStudy.Outcome) -> Double {
        let total = outcome.simulatedSeconds + study.warmUpSeconds
        return total > 0 ? outcome.inSystemAtEnd / total : 0
    }

    /// The text table.
    static func text(_ study: QueueStudy, _ outcome: QueueStudy.Outcome) -> String {
        var out = "headroom queue: \(study.kendall), arrival \(study.arrival), service \(study.service), "
            + "ρ = \(NumberText.significant(study.offeredLoad, digits: 4))\n"
        out += "seed \(study.seed); \(study.replications) replication(s) of \(study.customers) customers; "
            + "warm-up \(TimeSpan(seconds: study.warmUpSeconds).formatted); \(outcome.events) events\n"
        if !study.isStable {
            let theory = study.arrivalRate - Double(study.servers) / study.service.mean
            out += "UNSTABLE: ρ = \(NumberText.significant(study.offeredLoad, digits: 4)) ≥ 1 with no capacity limit: "
                + "no steady state, the queue grows without bound.\n"
            out += "  the run stopped when the last customer arrived, after \(TimeSpan(seconds: outcome.simulatedSeconds).formatted) "
                + "past the warm-up, with \(Int(outcome.inSystemAtEnd.rounded())) customers in the station: "
                + "\(NumberText.significant(growth(study, outcome), digits: 3)) more per second "
                + "(theory λ − c/E[S] = \(NumberText.significant(theory, digits: 3)) per second).\n"
            out += "  the figures below are those of a transient and keep growing with the run length.\n"
        }
        if outcome.sojournsAboveRange > 0 {
            out += "NOTE: \(outcome.sojournsAboveRange) sojourn(s) above 1 h: the percentiles count them as 1 h (means are exact).\n"
        }
        if outcome.overflowed {
            out += "STOPPED: more than \(study.maxInSystem) customers were in the station (--max-in-system).\n"
        }
        let ci = !outcome.halfWidths.isEmpty
        out += pad("", 24) + pad(ci ? "measured (95% CI)" : "measured", 34) + "analytic\n"
        for (m, a) in zip(outcome.measured, outcome.analytic) where m.value != nil || a.value != nil {
            var measured = format(m.value, time: m.isTime)
            if let h = outcome.halfWidths[m.key] { measured += " ± " + format(h, time: m.isTime) }
            out += pad(m.label, 24) + pad(measured, 34) + (a.value.map { format($0, time: a.isTime) } ?? "-") + "\n"
        }
        return out
    }

    static func format(_ x: Double?, time: Bool) -> String {
        guard let x else { return "-" }
        return time ? TimeSpan(seconds: x).formatted : NumberText.significant(x, digits: 4)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
