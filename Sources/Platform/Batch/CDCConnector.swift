/// A SQL Server CDC connector as a trace model: the changes of a run are
/// drawn one by one from a seeded stream and their landing times computed
/// arithmetically (no event calendar is needed: the connector is a single
/// first-come-first-served server fed at fixed poll instants, so Lindley's
/// recursion gives every completion exactly).
///
/// - Snapshot: the initial snapshot reads `snapshot-size` at
///   `snapshot-throughput`; change streaming starts when it ends, at
///   S = snapshot bytes ÷ throughput (changes committed meanwhile wait).
/// - Changes: a Poisson process of `change-rate` over the run [0, H).
/// - Polls at S, S + poll, S + 2·poll, …: a poll reads every change
///   committed at or before it and not read yet (one batch of n changes).
/// - Shipping: batches are applied one at a time in poll order; a batch
///   starts at max(poll, end of the previous batch) and takes
///   n ÷ `max-throughput`; it lands `ship-latency` later (one draw per
///   batch, a negative draw counts as 0).
/// - Lag of a change = landing − commit. Recorded in a ``LatencyHistogram``
///   (lags above one hour are counted there as one hour).
///
/// Light load: the mean lag is poll ÷ 2 + E[n] ÷ max-throughput + E[ship
/// latency] (tested). Above capacity the backlog and the lag grow without
/// bound, linearly in time (tested). Memory: one batch of commit times.
/// Streams: `cdc/<name>/changes` and `cdc/<name>/ship` of the run's seed tree.

import Metrics
import Variates

/// The CDC connector's trace model.
public enum CDCConnector {
    /// Runs `connector` over `horizonNanos` of changes; returns its result and the
    /// deliveries to its dataset per day of commit (JSON bytes = changes × change-size).
    /// - Precondition: `connector` passed validation and `horizonNanos` > 0.
    public static func run(_ connector: CDCConfiguration, horizonNanos: Int64, seeds: SeedTree) -> (result: CDCResult, deliveries: [SinkDelivery]) {
        precondition(horizonNanos > 0, "CDCConnector: the horizon must be positive")
        let changes = seeds.stream("cdc/\(connector.name)/changes")
        let ship = seeds.stream("cdc/\(connector.name)/ship")
        let snapshot = Int64((Double(connector.snapshotBytes) / connector.snapshotBytesPerSecond * 1e9).rounded())
        let meanGap = connector.changesPerSecond > 0 ? 1e9 / connector.changesPerSecond : .infinity
        let perChange = 1e9 / connector.maxChangesPerSecond
        var lag = LatencyHistogram()
        var perDay: [Int64] = Array(repeating: 0, count: Int((horizonNanos - 1) / 86_400_000_000_000) + 1)
        var batch: [Int64] = []
        var clock = 0.0                        // commit time of the next change, ns
        var next: Int64? = nil
        func draw() {
            clock += changes.exponential(mean: meanGap)
            next = clock < Double(horizonNanos) ? Int64(clock) : nil
        }
        draw()
        var poll = snapshot
        var busyUntil: Int64 = 0
        var total: Int64 = 0
        while let first = next {
            if first > poll { poll += ((first - poll + connector.pollIntervalNanos - 1) / connector.pollIntervalNanos) * connector.pollIntervalNanos }
            batch.removeAll(keepingCapacity: true)
            while let t = next, t <= poll {
                batch.append(t)
                perDay[Int(t / 86_400_000_000_000)] += 1
                draw()
            }
            let start = max(poll, busyUntil)
            busyUntil = start + Int64((Double(batch.count) * perChange).rounded())
            let landed = busyUntil + Int64((max(0, connector.shipLatency.sample(ship)) * 1e9).rounded())
            for t in batch { lag.record(nanos: landed - t) }
            total += Int64(batch.count)
            poll += connector.pollIntervalNanos
        }
        let deliveries = perDay.enumerated().map { d, n in
            SinkDelivery(dataset: connector.dataset, day: d, records: n, bytes: n * Int64(connector.changeBytes),
                         observedSeconds: Double(min(horizonNanos, Int64(d + 1) * 86_400_000_000_000) - Int64(d) * 86_400_000_000_000) / 1e9)
        }
        let seconds = Double(horizonNanos) / 1e9
        return (CDCResult(name: connector.name, changes: total,
                          bytesPerDay: Double(total * Int64(connector.changeBytes)) * 86_400 / seconds,
                          snapshotNanos: snapshot, lag: lag), deliveries)
    }
}
