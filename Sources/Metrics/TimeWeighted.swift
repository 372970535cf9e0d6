/// Time-weighted statistics of a piecewise-constant signal.
///
/// A queue length, a number of busy servers or a consumer's backlog holds a
/// value until the next event changes it. Its average is weighted by how long
/// each value was held, not by how many times it changed:
/// `mean = (1 / (now − start)) · ∫ value(t) dt` over `[start, now]`.
/// Utilization of a `c`-server station is the time-weighted mean of busy
/// servers divided by `c`.
///
/// Times are simulation times in integer nanoseconds (`Int64`) passed in by
/// the caller; this type reads no clock. `reset(at:)` starts a new window at
/// the end of a warm-up period, keeping the current value.

/// The time-weighted mean and maximum of a piecewise-constant signal, in O(1)
/// memory. A value type; updating never allocates.
public struct TimeWeighted: Sendable, Equatable {
    /// Start of the observation window, in nanoseconds.
    public private(set) var startNanos: Int64
    /// Time of the last update (storage of ``lastNanos``).
    @usableFromInline var last: Int64
    /// The value held since the last update (storage of ``current``).
    @usableFromInline var value: Double
    /// `∫ value dt` over `[startNanos, lastNanos]`, in value·nanoseconds.
    @usableFromInline var area: Double = 0
    /// Largest value held in the window (storage of ``max``).
    @usableFromInline var largest: Double
    /// Smallest value held in the window (storage of ``min``).
    @usableFromInline var smallest: Double

    /// Time of the last update, in nanoseconds.
    public var lastNanos: Int64 { last }
    /// The value the signal holds since ``lastNanos``.
    public var current: Double { value }
    /// The largest value held at any moment of the window.
    public var max: Double { largest }
    /// The smallest value held at any moment of the window.
    public var min: Double { smallest }

    /// A signal that holds `value` from `timeNanos` on; the window starts there.
    public init(value: Double = 0, at timeNanos: Int64 = 0) {
        precondition(value.isFinite, "TimeWeighted needs a finite value, got \(value)")
        startNanos = timeNanos
        last = timeNanos
        self.value = value
        largest = value
        smallest = value
    }

    /// The signal changes to `newValue` at `timeNanos`.
    /// - Precondition: `timeNanos` is not before the previous update (time
    ///   runs forward) and `newValue` is finite.
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func update(to newValue: Double, at timeNanos: Int64) {
        precondition(timeNanos >= last,
                     "TimeWeighted.update: time went backwards (\(timeNanos) ns < \(last) ns)")
        precondition(newValue.isFinite, "TimeWeighted.update needs a finite value, got \(newValue)")
        area += value * Double(timeNanos &- last)
        last = timeNanos
        value = newValue
        if newValue > largest { largest = newValue }
        if newValue < smallest { smallest = newValue }
    }

    /// Starts a new window at `timeNanos` (the end of a warm-up): the area and
    /// extremes are forgotten, the current value is kept and holds on.
    /// - Precondition: `timeNanos` is not before the previous update.
    public mutating func reset(at timeNanos: Int64) {
        precondition(timeNanos >= lastNanos,
                     "TimeWeighted.reset: time went backwards (\(timeNanos) ns < \(lastNanos) ns)")
        startNanos = timeNanos
        last = timeNanos
        area = 0
        largest = value
        smallest = value
    }

    /// `∫ value dt` over `[start, nowNanos]`, in value·nanoseconds.
    /// - Precondition: `nowNanos` is not before the last update.
    public func integral(at nowNanos: Int64) -> Double {
        precondition(nowNanos >= lastNanos,
                     "TimeWeighted: asked at \(nowNanos) ns, before the last update at \(lastNanos) ns")
        return area + current * Double(nowNanos &- lastNanos)
    }

    /// The time-weighted mean over `[start, nowNanos]`, or `nil` when the
    /// window has zero length (no time has passed since the start).
    /// - Precondition: `nowNanos` is not before the last update.
    public func mean(at nowNanos: Int64) -> Double? {
        let length = nowNanos &- startNanos
        let total = integral(at: nowNanos)
        return length > 0 ? total / Double(length) : nil
    }

    /// The length of the window `[start, nowNanos]`, in nanoseconds.
    public func elapsedNanos(at nowNanos: Int64) -> Int64 { nowNanos &- startNanos }
}
