/// Simulated time: integer nanoseconds since the start of the run.
///
/// Time in the kernel is an `Int64` count of nanoseconds: exact (no drift from
/// adding floating-point seconds a billion times), totally ordered, and with
/// 292 years of range. Durations drawn from distributions in seconds are
/// converted once, when an event is scheduled, by rounding to the nearest
/// nanosecond (``SimClock/nanoseconds(seconds:)``).

/// A point in simulated time, or a duration, in nanoseconds.
public typealias SimTime = Int64

/// Conversions between seconds (as distributions and reports use them) and
/// ``SimTime`` nanoseconds.
public enum SimClock {
    /// Nanoseconds in one second.
    public static let nanosecondsPerSecond: Double = 1e9

    /// The largest time a run may reach: about 292 years.
    public static let end: SimTime = .max

    /// `seconds` rounded to the nearest nanosecond, halves away from zero.
    /// - Precondition: `seconds` is finite and within ±292 years.
    /// - Complexity: O(1): a multiply, an add and a truncation (no libm call).
    @inlinable @inline(__always)
    public static func nanoseconds(seconds: Double) -> SimTime {
        let scaled = seconds * 1e9
        precondition(scaled.magnitude < 9.2e18, "SimClock: time outside the 292-year range of SimTime")
        // Truncation toward zero after adding ±0.5 rounds half away from zero.
        return SimTime(scaled + (scaled < 0 ? -0.5 : 0.5))
    }

    /// `nanos` nanoseconds in seconds.
    @inlinable @inline(__always)
    public static func seconds(_ nanos: SimTime) -> Double {
        Double(nanos) * 1e-9
    }
}
