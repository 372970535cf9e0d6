/// A small bounded set of the most recently seen distinct keys with their
/// last-seen times: the distinct-merchant and distinct-country state of a
/// card. It always holds the `capacity` most recently seen distinct keys,
/// so the number of its keys seen inside a window is exactly
/// `min(true distinct count in the window, capacity)`.

/// Up to ``CardFeatures/distinctCap`` keys with their last-seen times.
struct RecentKeys {
    /// Keys, in slot order (not time order).
    private(set) var keys: [Int32] = []
    /// Last-seen time of each key, microseconds.
    private(set) var lastSeen: [Int64] = []

    /// Records `key` seen at `time`: refreshes it, adds it, or replaces the
    /// key seen longest ago (the first such slot on ties, so eviction is
    /// deterministic).
    /// - Complexity: O(capacity).
    mutating func record(_ key: Int32, at time: Int64) {
        for i in keys.indices where keys[i] == key {
            lastSeen[i] = time
            return
        }
        if keys.count < CardFeatures.distinctCap {
            keys.append(key)
            lastSeen.append(time)
            return
        }
        var oldest = 0
        for i in 1..<lastSeen.count where lastSeen[i] < lastSeen[oldest] { oldest = i }
        keys[oldest] = key
        lastSeen[oldest] = time
    }

    /// Number of keys last seen strictly after `start`.
    /// - Complexity: O(capacity).
    func count(seenAfter start: Int64) -> Int32 {
        var n: Int32 = 0
        for t in lastSeen where t > start { n += 1 }
        return n
    }

    /// Forgets every key, keeping the storage for reuse.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        lastSeen.removeAll(keepingCapacity: true)
    }
}
