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
        if !outcome.stations.isEmpty {
            let stations = outcome.stations.enumerated().map { i, station -> String in
                var items = ["\"name\": \"station\(i + 1)\""]
                for f in station.measured { items.append("\"\(f.key)\": \(number(f.value))") }
                let a = station.analytic.compactMap { f in f.value.map { "\"\(f.key)\": \(number($0))" } }
                items.append("\"analytic\": {" + a.joined(separator: ", ") + "}")
                if !station.halfWidths.isEmpty {
                    let ci = QueueStudy.stationKeys.compactMap { k in station.halfWidths[k.0].map { "\"\(k.0)\": \(number($0))" } }
                    items.append("\"ci95_half_width\": {" + ci.joined(separator: ", ") + "}")
                }
                return "{" + items.joined(separator: ", ") + "}"
            }
            fields.append("\"stations\": [" + stations.joined(separator: ", ") + "]")
        }
        fields.append("\"model\": \"\(study.kendall)\"")
        fields.append("\"offered_load\": \(number(study.offeredLoad))")
        fields.append("\"stable\": \(study.isStable)")
        if !study.isStable {
            fields.append("\"in_system_at_end\": \(number(outcome.inSystemAtEnd))")
            fields.append("\"queue_growth_per_second\": \(number(growth(study, outcome)))")
            fields.append("\"analytic_queue_growth_per_second\": \(number(study.arrivalRate - study.bottleneckRate))")
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

    /// Customers added to the network per simulated second: those present at
    /// the end over the whole run (it started empty).
    static func growth(_ study: QueueStudy, _ outcome: QueueStudy.Outcome) -> Double {
        let total = outcome.simulatedSeconds + study.warmUpSeconds
        return total > 0 ? outcome.inSystemAtEnd / total : 0
    }

    /// The text table.
    static func text(_ study: QueueStudy, _ outcome: QueueStudy.Outcome) -> String {
        let serviceText = study.services.map(\.description).joined(separator: " then ")
        var out = "headroom queue: \(study.kendall), arrival \(study.arrival), service \(serviceText), "
            + "ρ = \(NumberText.significant(study.offeredLoad, digits: 4))" + (study.stationCount > 1 ? " (bottleneck)" : "") + "\n"
        out += "seed \(study.seed); \(study.replications) replication(s) of \(study.customers) customers; "
            + "warm-up \(TimeSpan(seconds: study.warmUpSeconds).formatted); \(outcome.events) events\n"
        if !study.isStable {
            let theory = study.arrivalRate - study.bottleneckRate
            out += "UNSTABLE: ρ = \(NumberText.significant(study.offeredLoad, digits: 4)) ≥ 1 with no capacity limit: "
                + "no steady state, the queue grows without bound.\n"
            out += "  the run stopped when the last customer arrived, after \(TimeSpan(seconds: outcome.simulatedSeconds).formatted) "
                + "past the warm-up, with \(Int(outcome.inSystemAtEnd.rounded())) customers in the station: "
                + "\(NumberText.significant(growth(study, outcome), digits: 3)) more per second "
                + "(theory λ − c/E[S] of the bottleneck = \(NumberText.significant(theory, digits: 3)) per second).\n"
            out += "  the figures below are those of a transient and keep growing with the run length.\n"
        }
        if outcome.sojournsAboveRange > 0 {
            out += "NOTE: \(outcome.sojournsAboveRange) sojourn(s) above 1 h: the percentiles count them as 1 h (means are exact).\n"
        }
        if outcome.overflowed {
            out += "STOPPED: more than \(study.maxInSystem) customers were in the station (--max-in-system).\n"
        }
        let ci = study.replications >= 2
        for (i, station) in outcome.stations.enumerated() {
            out += "station \(i + 1): \(study.services[i]), \(study.servers[i]) server(s), "
                + "ρ = \(NumberText.significant(study.offeredLoad(station: i), digits: 4))\n"
            out += table(station.measured, station.halfWidths, station.analytic, ci: ci)
        }
        if !outcome.stations.isEmpty { out += "end to end (waits and numbers summed, utilization of the bottleneck):\n" }
        out += table(outcome.measured, outcome.halfWidths, outcome.analytic, ci: ci)
        return out
    }

    /// Rows of measured (± half-width) and analytic values, skipping rows with neither.
    static func table(_ measured: [QueueFigure], _ halfWidths: [String: Double], _ analytic: [QueueFigure], ci: Bool) -> String {
        var out = pad("", 24) + pad(ci ? "measured (95% CI)" : "measured", 34) + "analytic\n"
        for (m, a) in zip(measured, analytic) where m.value != nil || a.value != nil {
            var text = format(m.value, time: m.isTime)
            if let h = halfWidths[m.key] { text += " ± " + format(h, time: m.isTime) }
            out += pad(m.label, 24) + pad(text, 34) + (a.value.map { format($0, time: a.isTime) } ?? "-") + "\n"
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
