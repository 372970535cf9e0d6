/// Time spent at each integer level of a piecewise-constant count.
///
/// Queueing theory predicts state probabilities: for an M/M/1 queue,
/// `P(N = n) = (1 − ρ) ρⁿ`. A simulation estimates them as the fraction of
/// the observation window the count `N` (customers in system, busy servers)
/// spent at each level. Levels `0 ... maxLevel` get their own slot; time at
/// any level above `maxLevel` is summed into one overflow slot, so memory is
/// fixed at `maxLevel + 2` integers whatever the run length.
///
/// The same updates also feed a ``TimeWeighted`` of the level, so the exact
/// time-weighted mean (which the capped slots could not give) comes for free.

/// Time at each level `0 ... maxLevel` (plus an overflow slot) of an integer
/// signal, in integer nanoseconds. A value type; updating never allocates.
public struct LevelTimes: Sendable, Equatable {
    /// The highest level with its own slot.
    public let maxLevel: Int
    /// Nanoseconds spent at each level `0 ... maxLevel` up to the last update.
    @usableFromInline var slots: [Int64]
    /// Nanoseconds spent above `maxLevel` up to the last update.
    @usableFromInline var overflow: Int64 = 0
    /// The level held since the last update.
    @usableFromInline var level: Int
    /// The time-weighted mean, extremes and window of the same signal.
    @usableFromInline var weighted: TimeWeighted

    /// The time-weighted mean, extremes and window of the same signal.
    public var signal: TimeWeighted { weighted }

    /// A count that holds `level` from `timeNanos` on, with slots for levels
    /// `0 ... maxLevel`.
    /// - Throws: ``MetricsError`` naming `maxLevel` if it is negative or above
    ///   10,000,000 (80 MB of slots), or `level` if it is negative.
    public init(maxLevel: Int, level: Int = 0, at timeNanos: Int64 = 0) throws {
        guard maxLevel >= 0, maxLevel <= 10_000_000 else {
            throw MetricsError(field: "maxLevel", "must be between 0 and 10,000,000, got \(maxLevel)")
        }
        guard level >= 0 else {
            throw MetricsError(field: "level", "must be 0 or more, got \(level)")
        }
        self.maxLevel = maxLevel
        self.slots = [Int64](repeating: 0, count: maxLevel + 1)
        self.level = level
        self.weighted = TimeWeighted(value: Double(level), at: timeNanos)
    }

    /// The count changes to `newLevel` at `timeNanos`.
    /// - Precondition: `newLevel >= 0` and time does not go backwards.
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func update(to newLevel: Int, at timeNanos: Int64) {
        precondition(newLevel >= 0, "LevelTimes.update needs a level of 0 or more, got \(newLevel)")
        let held = timeNanos &- weighted.last
        weighted.update(to: Double(newLevel), at: timeNanos)
        credit(held)
        level = newLevel
    }

    /// Adds `nanos` to the slot of the level currently held.
    @inlinable @inline(__always)
    mutating func credit(_ nanos: Int64) {
        if level <= maxLevel {
            slots[level] &+= nanos
        } else {
            overflow &+= nanos
        }
    }

    /// Starts a new window at `timeNanos` (the end of a warm-up): every slot is
    /// cleared, the current level is kept.
    /// - Precondition: `timeNanos` is not before the previous update.
    public mutating func reset(at timeNanos: Int64) {
        weighted.reset(at: timeNanos)
        for i in slots.indices { slots[i] = 0 }
        overflow = 0
    }

    /// The level held now.
    public var current: Int { level }

    /// Nanoseconds spent at level `n` over `[start, nowNanos]`; for
    /// `n > maxLevel`, the time above `maxLevel` (all such levels together).
    /// - Precondition: `n >= 0`, `nowNanos` not before the last update.
    public func timeNanos(atLevel n: Int, at nowNanos: Int64) -> Int64 {
        precondition(n >= 0, "LevelTimes: level must be 0 or more, got \(n)")
        precondition(nowNanos >= signal.lastNanos,
                     "LevelTimes: asked at \(nowNanos) ns, before the last update at \(signal.lastNanos) ns")
        let pending = nowNanos &- signal.lastNanos
        if n <= maxLevel {
            return slots[n] &+ (level == n ? pending : 0)
        }
        return overflow &+ (level > maxLevel ? pending : 0)
    }

    /// The fraction of `[start, nowNanos]` spent at level `n` (`P(N = n)`), or
    /// `nil` for a window of zero length. For `n > maxLevel` this is
    /// `P(N > maxLevel)`.
    public func probability(ofLevel n: Int, at nowNanos: Int64) -> Double? {
        let length = signal.elapsedNanos(at: nowNanos)
        guard length > 0 else { return nil }
        return Double(timeNanos(atLevel: n, at: nowNanos)) / Double(length)
    }

    /// `P(N = 0) ... P(N = maxLevel)` followed by `P(N > maxLevel)`, or `nil`
    /// for a window of zero length. They sum to 1 (up to rounding).
    /// - Complexity: O(maxLevel); allocates the result.
    public func probabilities(at nowNanos: Int64) -> [Double]? {
        let length = signal.elapsedNanos(at: nowNanos)
        guard length > 0 else { return nil }
        return (0...(maxLevel + 1)).map {
            Double(timeNanos(atLevel: $0, at: nowNanos)) / Double(length)
        }
    }

    /// The time-weighted mean level over `[start, nowNanos]`, or `nil` for a
    /// window of zero length (exact, also above `maxLevel`).
    public func mean(at nowNanos: Int64) -> Double? { signal.mean(at: nowNanos) }
}
