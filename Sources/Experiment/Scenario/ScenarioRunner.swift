/// Running a scenario: each replication wired from the scenario
/// (``NetworkWiring``) under its own seed subtree, simulated in sample
/// intervals up to the horizon (the samples are the time series), its
/// figures read after the warm-up; then histograms merged and theory
/// computed. Replications run one after the other, so a run is a pure
/// function of the scenario and the seed.

import Foundation
import Metrics
import Planning
import Platform
import SimCore
import Variates

/// The clouds in report order.
enum CostCatalogClouds {
    static let ordered = ["gcp", "aws", "azure"]
}

/// Runs scenarios.
public enum ScenarioRunner {
    /// Runs `scenario` with root `seed`; `progress(done, total)` is called
    /// after each sample interval; `reproducible` records 0 wall seconds.
    /// - Throws: ``PlatformError`` when a component refuses its parameters.
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, reproducible: Bool = false,
                           progress: (Int, Int) -> Void = { _, _ in }) throws -> ScenarioRunResult {
        let clock = ContinuousClock.now
        let root = seed ?? scenario.seed
        if !scenario.streaming.isEmpty {
            var result = try StreamingScenarioRun.run(scenario, root: root, progress: progress)
            if let batch = scenario.batch { try BatchRun.apply(batch, to: &result) }
            result.wallSeconds = reproducible ? 0 : seconds(since: clock)
            return result
        }
        let stages = scenario.components.enumerated().filter { $0.element.kind == .station || $0.element.kind == .delay }
            .map { StageInfo(name: $0.element.name, kind: $0.element.kind, component: $0.offset) }
        let samples = Int((scenario.horizon + scenario.sampleEvery - 1) / scenario.sampleEvery)
        let spikes = spikeWindows(scenario)
        var replications: [ReplicationResult] = []
        var endToEnd = LatencyHistogram()
        var stageLatency = Array(repeating: LatencyHistogram(), count: stages.count)
        for r in 0..<scenario.replications {
            let seeds = SeedTree(root: root).replication(r)
            let wiring = try NetworkWiring(scenario, seeds: seeds)
            var (result, histograms, e2e) = replicate(wiring, scenario: scenario, stages: stages, samples: samples) { k in
                progress(r * samples + k, scenario.replications * samples)
            }
            result.drainSeconds = spikes.map { drain(after: $0, times: result.times, waiting: result.waiting) }
            endToEnd.merge(e2e)
            for k in stages.indices { stageLatency[k].merge(histograms[k]) }
            replications.append(result)
        }
        let wall = reproducible ? 0 : seconds(since: clock)
        var result = ScenarioRunResult(scenario: scenario, seed: root, stages: stages, replications: replications, endToEnd: endToEnd,
                                       stageLatency: stageLatency, spikes: spikes, wallSeconds: wall,
                                       analytics: ScenarioAnalytics(scenario, stages: stages.map(\.component)))
        if let storage = scenario.storage {
            let observed = replications.reduce(0) { $0 + $1.observedSeconds }
            let records = { (sink: String) in replications.reduce(0) { $0 + ($1.sinkRecords.first { $0.sink == sink }?.records ?? 0) } }
            try applyStorage(storage, records: records, observedSeconds: observed, overrides: scenario.prices.overrides, to: &result)
        }
        if let batch = scenario.batch { try BatchRun.apply(batch, to: &result) }
        return result
    }

    /// Wall-clock seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The storage side of `result`: each dataset's sink delivered `records`
    /// over `observedSeconds`; fills storage, raw bytes per day, retained bytes by tier and the monthly cost.
    /// - Throws: ``PlanningError`` when a catalog lacks a price the lifecycle needs.
    static func applyStorage(_ storage: StorageSection, records: (String) -> Int, observedSeconds: Double,
                             overrides: PriceOverrides?, to result: inout ScenarioRunResult) throws {
        let s = try storage.result(records: records, observedSeconds: observedSeconds, overrides: overrides)
        result.storage = s
        result.rawBytesPerDay = s.rawBytesPerDay
        result.retainedBytesByTier = s.retainedBytesByTier.map { ($0.storageClass.rawValue, $0.bytes) }
        result.monthlyCostUSD = CostCatalogClouds.ordered.map { cloud in
            (cloud, s.monthlyCost.first { $0.cloud == cloud }.map { NSDecimalNumber(decimal: $0.totalUSD).doubleValue } ?? 0)
        }
    }

    /// One replication: the figures, each station's sojourn histogram, and the end-to-end histogram.
    static func replicate(_ wiring: NetworkWiring, scenario: Scenario, stages: [StageInfo], samples: Int,
                          progress: (Int) -> Void) -> (ReplicationResult, [LatencyHistogram], LatencyHistogram) {
        var network = wiring.network
        let calendar = network.start()
        let warmUp = scenario.warmUp * 1000
        var sim = Simulation(model: network, calendar: calendar, warmUp: warmUp)
        let horizon = scenario.horizon * 1000
        let step = scenario.sampleEvery * 1000
        var times: [Double] = [], rate: [Double] = [], waiting: [Double] = []
        var stageWaiting = Array(repeating: [Double](), count: stages.count)
        var delivered = 0
        var previous: SimTime = 0
        for k in 1...samples {
            let until = Swift.min(horizon, SimTime(k) * step)
            _ = sim.runNetwork(until: until)
            let now = sim.now
            let model = sim.model
            times.append(Double(now) / 1e9)
            rate.append(now > previous ? Double(model.deliveredRecords - delivered) / (Double(now - previous) / 1e9) : 0)
            delivered = model.deliveredRecords
            previous = now
            var total = 0.0
            for (j, s) in stages.enumerated() {
                let w = s.kind == .station ? Double(model.stations[wiring.stationIndex[s.component]!].waiting) : 0
                stageWaiting[j].append(w)
                total += w
            }
            waiting.append(total)
            progress(k)
            if model.isFinished { break }
        }
        let now = sim.now
        let model = sim.model
        let conservation = RecordBalance(model.conservation())
        let window = Double(now - Swift.min(now, warmUp)) / 1e9
        var figures: [[String: Double]] = []
        var histograms: [LatencyHistogram] = []
        for s in stages {
            var f: [String: Double] = [:]
            if s.kind == .station {
                let station = model.stations[wiring.stationIndex[s.component]!]
                let summary = station.summary(at: now)
                f["mean_wait"] = summary.meanWait
                f["mean_sojourn"] = summary.meanSojourn
                f["utilization"] = summary.utilization
                f["drops"] = Double(summary.dropped)
                f["throughput"] = window > 0 ? Double(summary.departed) / window : nil
                if let p = summary.sojournPercentiles { f.merge(percentileFigures(p)) { a, _ in a } }
                histograms.append(station.statistics.sojourns)
            } else {
                let delay = model.delays[wiring.delayIndex[s.component]!]
                f["mean_sojourn"] = delay.durations.count > 0 ? delay.durations.mean : nil
                f["throughput"] = window > 0 ? Double(delay.durations.count) / window : nil
                histograms.append(LatencyHistogram())
            }
            figures.append(f)
        }
        var e2eHistogram = LatencyHistogram()
        var deliveredAfterWarmUp = 0
        for sink in model.sinks { e2eHistogram.merge(sink.latencies); deliveredAfterWarmUp += sink.records }
        var e2e: [String: Double] = ["drops": Double(conservation.dropped), "delivered": Double(conservation.delivered),
                                     "lag": waiting.max() ?? 0]
        e2e["throughput"] = window > 0 ? Double(deliveredAfterWarmUp) / window : nil
        if let p = e2eHistogram.percentiles() { e2e.merge(percentileFigures(p)) { a, _ in a } }
        var result = ReplicationResult(stages: figures, endToEnd: e2e, times: times, deliveredRate: rate, waiting: waiting,
                                       stageWaiting: stageWaiting, conservation: conservation, events: sim.eventsHandled,
                                       overflowed: model.overflowed, drainSeconds: [])
        result.sinkRecords = model.sinks.map { ($0.name, $0.records) }
        result.observedSeconds = window
        return (result, histograms, e2eHistogram)
    }

    static func percentileFigures(_ p: Percentiles) -> [String: Double] {
        ["mean_sojourn": p.meanSeconds, "p50": p.p50Seconds, "p95": p.p95Seconds, "p99": p.p99Seconds,
         "p999": p.p999Seconds, "max": p.maxSeconds]
    }

    /// The spikes of the workload streams that drive sources, in seconds since the start, by start time.
    static func spikeWindows(_ s: Scenario) -> [(name: String, start: Double, end: Double)] {
        var out: [(name: String, start: Double, end: Double)] = []
        for c in s.components {
            guard case .source(.profile(let streamName, _), _) = c.role,
                  let stream = s.workload?.streams.first(where: { $0.name == streamName }) else { continue }
            for spike in stream.rate.spikes {
                let window = (name: spike.name.isEmpty ? "spike" : spike.name, start: Double(spike.start - s.start) / 1e6,
                              end: Double(spike.end - s.start) / 1e6)
                if window.end > 0, window.start < Double(s.horizon) / 1e6,
                   !out.contains(where: { $0.start == window.start && $0.end == window.end }) { out.append(window) }
            }
        }
        return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Seconds after `spike` ends until waiting records fall to the highest
    /// level seen in the interval of the same length before it starts
    /// (0 when already there); nil when they never do before the horizon.
    static func drain(after spike: (name: String, start: Double, end: Double), times: [Double], waiting: [Double]) -> Double? {
        let length = spike.end - spike.start
        var level = 0.0
        for (t, w) in zip(times, waiting) where t <= spike.start && t >= spike.start - length { level = Swift.max(level, w) }
        for (t, w) in zip(times, waiting) where t >= spike.end && w <= level { return t - spike.end }
        return nil
    }
}
