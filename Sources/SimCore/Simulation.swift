/// The run loop: pop the next event, hand it to the model, repeat, until a
/// stop condition holds.
///
/// `Simulation<M>` owns the model and its calendar. ``run(until:maxEvents:trace:)``
/// may be called again to continue a run. The warm-up point, when set, is
/// crossed exactly once: before the first event at or after it (or at the
/// stop time, if the run ends first) the model's statistics are reset at the
/// warm-up time, so nothing measured during the transient reaches a result.
///
/// Determinism: the loop reads no clock and no global state; the order of
/// events is a pure function of their (time, priority, sequence) keys, and
/// the sequence numbers are a pure function of the order in which the model
/// scheduled them. The same model state gives the same run, bit for bit.

/// Why a run stopped.
public enum StopReason: Sendable, Equatable {
    /// The next pending event is later than the stop time (the clock was moved to it).
    case timeReached
    /// The event limit was reached.
    case eventLimitReached
    /// The model said so (``Model/isFinished``).
    case modelFinished
    /// No event was pending.
    case calendarEmpty
}

/// The outcome of one call to ``Simulation/run(until:maxEvents:trace:)``.
public struct RunSummary: Sendable, Equatable {
    /// Why the run stopped.
    public let reason: StopReason
    /// Events handled in this call.
    public let eventsHandled: Int
    /// Simulated time at the end of the call, in nanoseconds.
    public let endTime: SimTime

    @usableFromInline
    init(reason: StopReason, eventsHandled: Int, endTime: SimTime) {
        self.reason = reason
        self.eventsHandled = eventsHandled
        self.endTime = endTime
    }
}

/// A model, its calendar and the run loop that drives them.
public struct Simulation<M: Model>: ~Copyable {
    /// The model (readable and changeable between runs).
    public var model: M
    /// The pending events and the clock.
    public var calendar: EventCalendar
    /// The time at which statistics are reset once, or `nil` for no warm-up.
    public let warmUp: SimTime?
    /// Storage of ``isWarmedUp``.
    @usableFromInline var warmedUp: Bool
    /// Storage of ``eventsHandled``.
    @usableFromInline var handledSoFar = 0
    /// `true` once the warm-up point has been crossed (and statistics reset).
    public var isWarmedUp: Bool { warmedUp }
    /// Events handled over all runs so far.
    public var eventsHandled: Int { handledSoFar }

    /// A simulation of `model` whose first events are already in `calendar`.
    /// - Parameter warmUp: time (ns) at which to reset statistics; `nil` or 0 for none.
    /// - Precondition: `warmUp` is not negative.
    public init(model: M, calendar: consuming EventCalendar, warmUp: SimTime? = nil) {
        precondition((warmUp ?? 0) >= 0, "Simulation: warm-up must not be negative, got \(warmUp ?? 0) ns")
        self.model = model
        self.calendar = calendar
        self.warmUp = warmUp == 0 ? nil : warmUp
        self.warmedUp = self.warmUp == nil
    }

    /// The current simulated time, in nanoseconds.
    @inlinable public var now: SimTime { calendar.now }

    /// Runs until the first of: the next event is later than `stopTime` (the
    /// clock is then moved to `stopTime`), `maxEvents` events have been
    /// handled in this call, the model is finished, or no event is pending.
    /// - Complexity: O(events × log₄ pending); no allocation per event.
    @inlinable
    public mutating func run<T: TraceHook>(until stopTime: SimTime = .max, maxEvents: Int = .max,
                                          trace: inout T) -> RunSummary {
        precondition(stopTime >= calendar.now, "Simulation: stop time \(stopTime) ns is before now (\(calendar.now) ns)")
        precondition(maxEvents >= 0, "Simulation: maxEvents must be 0 or more, got \(maxEvents)")
        var handled = 0
        var reason = StopReason.calendarEmpty
        if model.isFinished { return RunSummary(reason: .modelFinished, eventsHandled: 0, endTime: calendar.now) }
        // Before the warm-up, stop popping at the warm-up time to reset there.
        var limit = isWarmedUp ? stopTime : Swift.min(stopTime, warmUp.unsafelyUnwrapped - 1)
        while true {
            if handled >= maxEvents { reason = .eventLimitReached; break }
            guard let event = calendar.pop(notAfter: limit) else {
                if !isWarmedUp, let w = warmUp, w <= stopTime,
                   calendar.next.map({ $0.time >= w }) ?? true {
                    // Every event before the warm-up point is done: reset there and go on.
                    calendar.advance(to: w)
                    model.resetStatistics(at: w)
                    warmedUp = true
                    limit = stopTime
                    continue
                }
                if let next = calendar.next, next.time > limit {
                    calendar.advance(to: stopTime)
                    reason = .timeReached
                } else if calendar.isEmpty, stopTime != .max {
                    calendar.advance(to: stopTime)
                    reason = .calendarEmpty
                }
                break
            }
            trace.record(event)
            model.handle(event, in: &calendar)
            handled &+= 1
            if model.isFinished { reason = .modelFinished; break }
        }
        handledSoFar &+= handled
        return RunSummary(reason: reason, eventsHandled: handled, endTime: calendar.now)
    }

    /// ``run(until:maxEvents:trace:)`` without a trace.
    @inlinable
    public mutating func run(until stopTime: SimTime = .max, maxEvents: Int = .max) -> RunSummary {
        var trace = NoTrace()
        return run(until: stopTime, maxEvents: maxEvents, trace: &trace)
    }
}
