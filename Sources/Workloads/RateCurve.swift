/// The arrival rate of a stream over time:
///
///     λ(t) = base × diurnal(second of day) × weekly(weekday) × Π spikes(t)
///
/// in events per second. Every factor is optional (1 when absent). Factors
/// multiply as given, without normalization: `base` is the rate at a moment
/// when every factor is 1. ``bound(from:to:)`` is an exact upper bound of λ
/// on an interval inside one day (the product of each factor's exact
/// maximum there), which is what makes thinning exact.

/// A stream's rate over time, events per second.
public struct RateCurve: Sendable {
    /// Events per second when every factor is 1.
    public var base: Double
    /// The 24-hour factor curve (UTC), if any.
    public var diurnal: DiurnalCurve?
    /// Seven factors, Monday first, if any.
    public var weekly: [Double]?
    /// Spike windows, in any order; overlapping spikes multiply.
    public var spikes: [Spike]

    /// A curve; factors are validated by the caller.
    /// - Precondition: `base` finite and ≥ 0; `weekly` has 7 finite factors ≥ 0.
    public init(base: Double, diurnal: DiurnalCurve? = nil, weekly: [Double]? = nil, spikes: [Spike] = []) {
        precondition(base.isFinite && base >= 0, "a base rate must be finite and ≥ 0")
        precondition(weekly.map { $0.count == 7 && $0.allSatisfy { $0.isFinite && $0 >= 0 } } ?? true,
                     "a weekly pattern has 7 finite factors ≥ 0")
        self.base = base
        self.diurnal = diurnal
        self.weekly = weekly
        self.spikes = spikes.sorted { ($0.start, $0.duration) < ($1.start, $1.duration) }
    }

    /// A constant rate.
    public static func constant(_ perSecond: Double) -> RateCurve { RateCurve(base: perSecond) }

    /// λ(t) in events per second.
    /// - Complexity: O(log knots + spikes).
    public func rate(at t: Int64) -> Double {
        rate(at: t, spikes: spikes[...])
    }

    /// λ(t) counting only the given spikes (those known to overlap `t`'s piece).
    @inline(__always)
    func rate(at t: Int64, spikes active: ArraySlice<Spike>) -> Double {
        var r = base
        let dayStart = Timestamp.dayIndex(t) * Timestamp.day
        if let diurnal { r *= diurnal.factor(atSecond: Double(t - dayStart) * 1e-6) }
        if let weekly { r *= weekly[Timestamp.weekday(t)] }
        for s in active { r *= s.factor(at: t) }
        return r
    }

    /// The spikes that overlap `[a, b)`.
    func spikes(overlapping a: Int64, _ b: Int64) -> ArraySlice<Spike> {
        let active = spikes.filter { $0.overlaps(a, b) }
        return active[...]
    }

    /// An upper bound of λ on `[a, b)` (exact maximum of each factor).
    /// - Precondition: `a < b` within one UTC day.
    public func bound(from a: Int64, to b: Int64) -> Double {
        let day = Timestamp.dayIndex(a)
        precondition(b > a && Timestamp.dayIndex(b - 1) == day, "bound(from:to:) needs an interval inside one day")
        var r = base
        let dayStart = day * Timestamp.day
        if let diurnal {
            r *= diurnal.maximum(from: Double(a - dayStart) * 1e-6, to: Double(b - dayStart) * 1e-6)
        }
        if let weekly { r *= weekly[Timestamp.weekday(a)] }
        for s in spikes where s.overlaps(a, b) { r *= s.maximum(from: a, to: b) }
        // Guard the bound against rounding in the spline's evaluation.
        return r * (1 + 1e-9)
    }

    /// `true` when λ is constant on `[a, b)` (no curve, no spike there).
    func isConstant(from a: Int64, to b: Int64) -> Bool {
        diurnal == nil && !spikes.contains { $0.overlaps(a, b) }
    }

    /// ∫ λ dt over `[a, b)`, the expected number of events, by composite
    /// Simpson's rule on steps of at most `step` µs (exact for a constant
    /// rate; used for accounting and tests).
    public func expectedCount(from a: Int64, to b: Int64, step: Int64 = Timestamp.second) -> Double {
        guard b > a else { return 0 }
        let steps = Int((b - a + step - 1) / step)
        let n = max(2, steps + steps % 2)   // Simpson needs an even count
        let h = Double(b - a) / Double(n)
        var sum = rate(at: a) + rate(at: b - 1)
        for i in 1..<n {
            let t = a + Int64(Double(i) * h)
            sum += rate(at: t) * (i % 2 == 1 ? 4 : 2)
        }
        return sum * h / 3 * 1e-6
    }
}
