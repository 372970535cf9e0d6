/// The `workload:` section of a file, decoded into a ``Workloads/Workload``.
///
/// The same vocabulary will be the `workload:` section of scenario files
/// (docs/workloads.md lists every field):
///
///     workload:
///       seed: 7
///       block: 1m
///       dimensions: {players: 100000, games: 2000, merchants: 5000, cards: 200000}
///       events:
///         - {name: Cup final, start: 2026-06-06 19:00, duration: 3h, multiplier: 5,
///            ramp_up: 15m, ramp_down: 30m, streams: [bets, results]}
///       streams:
///         bets:
///           rate: 500/s
///           diurnal: {"00:00": 0.4, "13:00": 1.0, "20:00": 1.8}
///           keys: {zipf: 1.1, hot: [{key: 42, share: 5%}], salt: 8}
///           disorder: {fraction: 2%, delay: "lognormal(p50=2s, p99=2m)"}
///
/// Every problem of the file is collected (see ``ConfigDocument``) and
/// thrown together as ``ConfigErrors``.

import Variates
import Workloads

/// Decoding of workload files.
public enum WorkloadFile {
    /// Top-level keys of a workload file.
    public static let topLevelFields = ["workload"]
    /// Fields of the `workload:` section.
    public static let workloadFields = ["seed", "block", "lookback", "dimensions", "events", "streams"]
    /// Fields of `dimensions:`.
    public static let dimensionFields = ["players", "games", "merchants", "cards"]
    /// Fields of a spike or a sporting event.
    public static let spikeFields = ["name", "start", "duration", "multiplier", "ramp", "ramp_up", "ramp_down"]

    /// Parses and validates a workload file.
    /// - Throws: ``ConfigErrors`` with every issue of the file.
    public static func load(text: String, file: String) throws -> Workload {
        let document = ConfigDocument(text: text, file: file)
        var workload: Workload?
        if let root = document.root, let top = root.fields(topLevelFields) {
            if let section = top.required("workload", expected: "a `workload:` section") {
                workload = decodeWorkload(section)
            }
        }
        try document.finish()
        guard let workload else {
            // Unreachable when no issue was recorded; kept as a clear error.
            throw ConfigErrors([ConfigIssue(file: file, line: 0, column: 0, path: "workload", message: "no workload could be read")])
        }
        return workload
    }

    /// Decodes the `workload:` mapping; nil when any field has an issue.
    public static func decodeWorkload(_ node: ConfigNode) -> Workload? {
        guard let f = node.fields(workloadFields) else { return nil }
        let before = node.issues.issues.count
        let seed = f["seed"].map { $0.unsigned() } ?? 1
        var block: Int64? = Timestamp.minute
        if let b = f["block"] {
            block = b.duration()
            if let length = block, length <= 0 || length % 1000 != 0 || Timestamp.day % length != 0 {
                b.fail("a block length must be a whole number of milliseconds that divides one day, got \(b.text() ?? "")",
                       expected: "a duration such as 10s, 1m, 5m or 1h")
                block = nil
            }
        }
        var lookback: Int64? = 2 * Timestamp.hour
        if let l = f["lookback"] {
            lookback = l.duration()
            if let v = lookback, v < 30 * Timestamp.minute {
                l.fail("the lookback must be at least 30m (fraud bursts last up to 30 minutes), got \(l.text() ?? "")",
                       expected: "a duration such as 2h")
                lookback = nil
            }
        }
        var counts = ["players": 100_000, "games": 2_000, "merchants": 5_000, "cards": 200_000]
        if let d = f["dimensions"], let df = d.fields(dimensionFields) {
            for name in dimensionFields {
                if let v = df[name]?.integer(in: 1...100_000_000, expected: "a count between 1 and 100,000,000") {
                    counts[name] = v
                }
            }
        }
        var streams: [StreamSpec] = []
        var streamNames: [String] = []
        if let s = f.required("streams", expected: "a mapping of stream names to definitions"), let entries = s.namedEntries() {
            if entries.isEmpty { s.fail("a workload needs at least one stream", expected: "e.g. bets: {rate: 500/s}") }
            for (name, streamNode, keyMark) in entries {
                streamNames.append(name)
                if let spec = StreamDecoder(node: streamNode, name: name, keyMark: keyMark, counts: counts).decode() {
                    streams.append(spec)
                }
            }
        }
        var events: [SportingEvent] = []
        if let e = f["events"], let items = e.list() {
            for item in items {
                guard let ef = item.fields(spikeFields + ["streams"]) else { continue }
                let spike = decodeSpike(item, ef)
                let targets = ef.required("streams", expected: "the streams the event raises, e.g. [bets, results]")?.strings()
                if let targets {
                    for (i, target) in targets.enumerated() where !streamNames.contains(target) {
                        let node = ef["streams"]!.list()![i]
                        node.fail("no stream named `\(target)`" + Spelling.suggestion(for: target, in: streamNames),
                                  expected: "one of " + streamNames.joined(separator: ", "))
                    }
                }
                if let spike, let targets { events.append(SportingEvent(spike: spike, streams: targets)) }
            }
        }
        guard node.issues.issues.count == before, let seed, let block, let lookback else { return nil }
        return Workload(seed: seed, blockLength: block, lookback: lookback, players: counts["players"]!, games: counts["games"]!,
                        merchants: counts["merchants"]!, cards: counts["cards"]!, events: events, streams: streams)
    }

    /// Decodes a spike window (also the window of a sporting event).
    static func decodeSpike(_ node: ConfigNode, _ f: ConfigFields) -> Spike? {
        let name = f["name"]?.text(expected: "a name") ?? ""
        let start = f.required("start", expected: "a UTC time such as 2026-06-06 19:00")?.timestamp()
        let duration = f.required("duration", expected: "a duration such as 2h")?.duration()
        let multiplier = f.required("multiplier", expected: "a factor greater than 0, e.g. 5 for a 5× spike")?
            .positive(expected: "a factor greater than 0, e.g. 5 for a 5× spike")
        let ramp = f["ramp"]?.duration()
        let up = f["ramp_up"]?.duration() ?? ramp ?? 0
        let down = f["ramp_down"]?.duration() ?? ramp ?? 0
        guard let start, let duration, let multiplier else { return nil }
        guard duration > 0 else {
            f["duration"]!.fail("a spike needs a duration greater than 0", expected: "a duration such as 2h")
            return nil
        }
        guard up + down <= duration else {
            node.fail("the ramps (\(up / Timestamp.second) s up + \(down / Timestamp.second) s down) are longer than the duration (\(duration / Timestamp.second) s)",
                      expected: "ramp_up + ramp_down ≤ duration")
            return nil
        }
        return Spike(name: name, start: start, duration: duration, multiplier: multiplier, rampUp: up, rampDown: down)
    }
}
