/// An arrival rate that changes over time, for non-homogeneous Poisson sources.
///
/// The rate is piecewise linear between breakpoints `(time, rate)` and
/// constant before the first and after the last; with a period it repeats
/// (a diurnal curve with `period = 24h`). A source with this profile
/// generates a non-homogeneous Poisson process by thinning (Lewis and
/// Shedler, 1979): candidates come at the profile's maximum rate and each is
/// kept with probability `rate(t) / maxRate`, which is exact for any
/// bounded rate function.

import SimCore

/// A piecewise-linear rate function of time, in events per second.
public struct RateProfile: Sendable, Equatable {
    /// Breakpoint times in seconds, increasing.
    public let times: [Double]
    /// The rate at each breakpoint, per second.
    public let rates: [Double]
    /// The period in seconds after which the profile repeats, or `nil`.
    public let period: Double?
    /// The largest rate of the profile (the thinning rate), per second.
    public let maxRate: Double

    /// A profile through `points` (time in seconds, rate per second).
    /// - Throws: ``PlatformError`` when there is no point, times do not
    ///   increase, a rate is negative or not finite, every rate is 0, or the
    ///   period is not positive or shorter than the last breakpoint.
    public init(points: [(time: Double, rate: Double)], period: Double? = nil) throws {
        guard !points.isEmpty else { throw PlatformError(field: "rate profile", "needs at least one (time, rate) point") }
        for (i, p) in points.enumerated() {
            guard p.time.isFinite, p.time >= 0 else {
                throw PlatformError(field: "rate profile point \(i + 1).time", "must be a finite time of at least 0 s, got \(p.time)")
            }
            guard p.rate.isFinite, p.rate >= 0 else {
                throw PlatformError(field: "rate profile point \(i + 1).rate", "must be a finite rate of at least 0 per second, got \(p.rate)")
            }
            if i > 0, p.time <= points[i - 1].time {
                throw PlatformError(field: "rate profile point \(i + 1).time", "times must increase, got \(p.time) after \(points[i - 1].time)")
            }
        }
        let top = points.map(\.rate).max()!
        guard top > 0 else { throw PlatformError(field: "rate profile", "every rate is 0: no arrival would ever happen") }
        if let period {
            guard period.isFinite, period > 0, period >= points.last!.time else {
                throw PlatformError(field: "rate profile period", "must be a finite time of at least the last breakpoint (\(points.last!.time) s), got \(period)")
            }
        }
        times = points.map(\.time)
        rates = points.map(\.rate)
        self.period = period
        maxRate = top
    }

    /// The rate at `seconds`, per second.
    /// - Complexity: O(log breakpoints).
    public func rate(at seconds: Double) -> Double {
        var t = seconds
        if let period { t = t.truncatingRemainder(dividingBy: period); if t < 0 { t += period } }
        if t <= times[0] { return rates[0] }
        if t >= times[times.count - 1] { return rates[rates.count - 1] }
        var low = 0, high = times.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if times[mid] <= t { low = mid } else { high = mid }
        }
        let f = (t - times[low]) / (times[high] - times[low])
        return rates[low] + f * (rates[high] - rates[low])
    }

    /// The expected number of arrivals in `[0, seconds]`, ∫ rate, by the
    /// trapezoid rule on the breakpoints (exact for a piecewise-linear rate).
    public func expectedArrivals(until seconds: Double) -> Double {
        precondition(seconds >= 0, "RateProfile: time must be at least 0, got \(seconds)")
        if let period, seconds > period {
            let whole = (seconds / period).rounded(.down)
            return whole * expectedArrivals(until: period) + expectedArrivals(until: seconds - whole * period)
        }
        var total = 0.0
        var t0 = 0.0, r0 = rate(at: 0)
        for (t, r) in zip(times, rates) where t > 0 && t < seconds {
            total += (t - t0) * (r0 + r) / 2
            t0 = t; r0 = r
        }
        total += (seconds - t0) * (r0 + rate(at: seconds)) / 2
        return total
    }
}
