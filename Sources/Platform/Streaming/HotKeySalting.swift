/// Detects hot keys and salts them: a key that carried at least
/// ``SaltingConfiguration/hotKeyShare`` of the records in the previous
/// one-second window is salted in the current one, its records spread
/// round-robin over ``SaltingConfiguration/buckets`` salts.
///
/// Counting uses a dictionary per window (only when salting is on); the
/// hot set is tiny (at most 1/share keys).
struct HotKeySalting {
    let configuration: SaltingConfiguration
    var windowStart: Int64 = 0
    var counts: [Int64: Int32] = [:]
    var total = 0
    var hot: [Int64: Int] = [:]
    /// Records of hot keys salted so far.
    var salted: Int64 = 0

    init(_ configuration: SaltingConfiguration) { self.configuration = configuration }

    /// The salt of the next record of `key` arriving at `time`: 0 for a
    /// key that is not hot, else 1...buckets.
    mutating func salt(_ key: Int64, at time: Int64) -> Int {
        if time >= windowStart + 1_000_000_000 {
            let threshold = configuration.hotKeyShare * Double(max(total, 1))
            var next: [Int64: Int] = [:]
            for (k, c) in counts where Double(c) >= threshold && total > 0 { next[k] = hot[k] ?? 0 }
            hot = next
            counts.removeAll(keepingCapacity: true)
            total = 0
            windowStart = time - time % 1_000_000_000
        }
        counts[key, default: 0] += 1
        total += 1
        guard let n = hot[key] else { return 0 }
        hot[key] = n + 1
        salted += 1
        return n % configuration.buckets + 1
    }
}
