/// A window of raised (or lowered) traffic: a big match, a promotion, an
/// attack. The factor ramps linearly from 1 to `multiplier` over `rampUp`,
/// holds, and ramps back to 1 over `rampDown`, all inside `duration`.
/// Overlapping spikes multiply.

/// A spike window on a stream's rate.
public struct Spike: Sendable, Equatable {
    /// A label for reports (`Champions League final`).
    public var name: String
    /// Start, µs since the epoch.
    public var start: Int64
    /// Total length in µs, ramps included.
    public var duration: Int64
    /// Factor at the plateau (5 for a 5× spike); > 0.
    public var multiplier: Double
    /// Length of the linear ramp from 1 to `multiplier`, µs.
    public var rampUp: Int64
    /// Length of the linear ramp back to 1, µs.
    public var rampDown: Int64

    /// A spike; ramps must fit in the duration.
    /// - Precondition: `duration > 0`, `multiplier > 0`, `rampUp + rampDown ≤ duration`.
    public init(name: String = "", start: Int64, duration: Int64, multiplier: Double, rampUp: Int64 = 0, rampDown: Int64 = 0) {
        precondition(duration > 0 && multiplier > 0 && multiplier.isFinite && rampUp >= 0 && rampDown >= 0
                     && rampUp + rampDown <= duration, "spike parameters must be validated before use")
        self.name = name
        self.start = start
        self.duration = duration
        self.multiplier = multiplier
        self.rampUp = rampUp
        self.rampDown = rampDown
    }

    /// End of the window (exclusive), µs.
    public var end: Int64 { start + duration }

    /// The factor at time `t` (1 outside the window).
    public func factor(at t: Int64) -> Double {
        if t < start || t >= start + duration { return 1 }
        let intoWindow = t - start
        if intoWindow < rampUp {
            return 1 + (multiplier - 1) * Double(intoWindow) / Double(rampUp)
        }
        let left = start + duration - t
        if left < rampDown {
            return 1 + (multiplier - 1) * Double(left) / Double(rampDown)
        }
        return multiplier
    }

    /// `true` when the window overlaps `[a, b)`.
    public func overlaps(_ a: Int64, _ b: Int64) -> Bool { start < b && end > a }

    /// The exact maximum factor on `[a, b]`: the factor is piecewise linear,
    /// so the maximum is at an end or at a kink inside.
    public func maximum(from a: Int64, to b: Int64) -> Double {
        var best = max(factor(at: a), factor(at: b))
        for kink in [start, start + rampUp, end - rampDown, end - 1] where kink > a && kink < b {
            best = max(best, factor(at: kink))
        }
        return best
    }
}
