/// Scheduled file drops and the load job that copies them into a dataset,
/// as a trace model (a single first-come-first-served loader, completions
/// by Lindley's recursion; no event calendar needed).
///
/// - Drops arrive at offset, offset + every, … before the end of the run;
///   each brings `files` files whose sizes are drawn from `file-size`
///   (bytes; a negative draw counts as 0) from the stream
///   `file-drop/<name>` of the run's seed tree.
/// - The load job takes files one at a time in arrival order (files of a
///   drop in draw order): a file starts at max(arrival, end of the previous
///   file) and takes start-up + size ÷ load-throughput.
/// - Load time of a file = end of its load − arrival of its drop (waiting
///   included), in a ``LatencyHistogram`` (above one hour counted as one hour).
/// - Backlog: files waiting or loading just after a drop arrives; its
///   maximum is reported. When a drop's work exceeds the interval the
///   backlog grows every drop (tested).
///
/// Memory: the end times of unfinished files.

import Metrics
import Variates

/// The file drop's trace model.
public enum FileDropLoader {
    /// Runs `drop` over `horizonNanos`; returns its result and the bytes delivered to its dataset
    /// per day of arrival (records are not known for files: 0).
    /// - Precondition: `drop` passed validation and `horizonNanos` > 0.
    public static func run(_ drop: FileDropConfiguration, horizonNanos: Int64, seeds: SeedTree) -> (result: FileDropResult, deliveries: [SinkDelivery]) {
        precondition(horizonNanos > 0, "FileDropLoader: the horizon must be positive")
        let sizes = seeds.stream("file-drop/\(drop.name)")
        var loadTime = LatencyHistogram()
        var perDay: [Int64] = Array(repeating: 0, count: Int((horizonNanos - 1) / 86_400_000_000_000) + 1)
        var unfinished: [Int64] = []     // end times, increasing; `head` is the first not yet known to be finished
        var head = 0
        var busyUntil: Int64 = 0
        var drops: Int64 = 0, files: Int64 = 0, bytes: Int64 = 0
        var maxBacklog = 0
        var arrival = drop.offsetNanos
        while arrival < horizonNanos {
            drops += 1
            while head < unfinished.count, unfinished[head] <= arrival { head += 1 }
            for _ in 0..<drop.filesPerDrop {
                let size = Int64(max(0, drop.fileSize.sample(sizes)).rounded())
                let start = max(arrival, busyUntil)
                busyUntil = start + drop.loadStartupNanos + Int64((Double(size) / drop.loadBytesPerSecond * 1e9).rounded())
                loadTime.record(nanos: busyUntil - arrival)
                unfinished.append(busyUntil)
                perDay[Int(arrival / 86_400_000_000_000)] += size
                files += 1
                bytes += size
            }
            maxBacklog = max(maxBacklog, unfinished.count - head)
            if head > 1024 && head * 2 > unfinished.count { unfinished.removeFirst(head); head = 0 }
            arrival += drop.intervalNanos
        }
        let deliveries = perDay.enumerated().map { d, b in
            SinkDelivery(dataset: drop.dataset, day: d, records: 0, bytes: b,
                         observedSeconds: Double(min(horizonNanos, Int64(d + 1) * 86_400_000_000_000) - Int64(d) * 86_400_000_000_000) / 1e9)
        }
        return (FileDropResult(name: drop.name, drops: drops, files: files, bytesPerDay: Double(bytes) * 86_400e9 / Double(horizonNanos),
                               loadTime: loadTime, maxBacklogFiles: maxBacklog), deliveries)
    }
}
