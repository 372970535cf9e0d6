/// The small-files arithmetic of a rolling policy for a steady stream,
/// used when only daily totals are known (no record-by-record feed).
///
/// Each of `w` writers receives `r ÷ w` stored bytes per second. A file
/// lives until it is full or old: its life is min(max-file-age,
/// max-file-size ÷ (r ÷ w)) seconds, so the writers close
/// w × 86,400 ÷ life files a day, each of (r ÷ w) × life bytes. This is the
/// limit of ``BronzeWriter`` for records much smaller than a file, evenly
/// spread over writers and time (tested against it).

extension FileRolling {
    /// Seconds a file stays open at `storedBytesPerSecond` over all writers (> 0).
    public func fileLifeSeconds(storedBytesPerSecond: Double) -> Double {
        precondition(storedBytesPerSecond > 0, "a file's life needs a positive byte rate")
        let perWriter = storedBytesPerSecond / Double(writers)
        let bySize = maxFileBytes.map { Double($0) / perWriter } ?? .infinity
        let byAge = maxFileAgeNanos.map { Double($0) / 1e9 } ?? .infinity
        return min(bySize, byAge)
    }

    /// Files closed per day at a steady `storedBytesPerSecond` over all writers (0 when nothing is written).
    public func expectedFilesPerDay(storedBytesPerSecond: Double) -> Double {
        guard storedBytesPerSecond > 0 else { return 0 }
        return Double(writers) * 86_400 / fileLifeSeconds(storedBytesPerSecond: storedBytesPerSecond)
    }

    /// Whether files close by size (true) or by age (false) at that rate.
    public func closesBySize(storedBytesPerSecond: Double) -> Bool {
        guard storedBytesPerSecond > 0, let b = maxFileBytes else { return false }
        let bySize = Double(b) / (storedBytesPerSecond / Double(writers))
        return maxFileAgeNanos.map { bySize <= Double($0) / 1e9 } ?? true
    }

    /// The file counts a steady stream of `storedBytesPerSecond` gives over `observedSeconds`.
    public func expectedStats(storedBytesPerSecond: Double, observedSeconds: Double) -> BronzeFileStats {
        let perDay = expectedFilesPerDay(storedBytesPerSecond: storedBytesPerSecond)
        let files = Int64((perDay * observedSeconds / 86_400).rounded(.up))
        let bySize = closesBySize(storedBytesPerSecond: storedBytesPerSecond)
        return BronzeFileStats(files: files, bytes: Int64((storedBytesPerSecond * observedSeconds).rounded()),
                               closedBySize: bySize ? files : 0, closedByTime: bySize ? 0 : files,
                               observedSeconds: observedSeconds)
    }
}
