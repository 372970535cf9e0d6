/// What the run loop drives: a model, and an optional trace of its events.
///
/// A model is a value type that owns all of its state (components in arrays,
/// statistics, random streams) and reacts to one event at a time. The run
/// loop ``Simulation`` is generic over the model, so `handle(_:in:)` is a
/// direct, specialized (usually inlined) call: no closure, no existential,
/// no allocation per event. The model picks what an event means from its
/// ``Event/target`` and ``Event/kind``.

/// A discrete-event model: state plus a reaction to each event.
public protocol Model {
    /// Reacts to `event`, which happens at `calendar.now`; may schedule more
    /// events in `calendar`.
    mutating func handle(_ event: Event, in calendar: inout EventCalendar)

    /// Forgets every statistic gathered so far and starts a new observation
    /// window at `time` (the end of the warm-up). State (queues, jobs in
    /// service) is kept: only what is *measured* restarts.
    mutating func resetStatistics(at time: SimTime)

    /// `true` when the model wants the run to stop (checked after each
    /// event). The default is `false`.
    var isFinished: Bool { get }
}

extension Model {
    /// Never finished: the run stops on time, event count or an empty calendar.
    @inlinable public var isFinished: Bool { false }
}

/// Sees every event just before the model handles it.
///
/// The run loop is generic over the hook, so with ``NoTrace`` the call is an
/// empty inlined function and costs nothing.
public protocol TraceHook {
    /// Called with each event, at `event.time`, before the model handles it.
    mutating func record(_ event: Event)
}

/// The hook that does nothing (the default): compiled away entirely.
public struct NoTrace: TraceHook {
    /// A hook that records nothing.
    @inlinable public init() {}
    /// Does nothing.
    @inlinable @inline(__always) public mutating func record(_ event: Event) {}
}

/// A hook that keeps the first `limit` events in memory, for tests and for
/// `--trace` style debugging output. Memory is bounded by `limit`.
public struct EventLog: TraceHook {
    /// The events seen, in the order handled (at most ``limit``).
    public private(set) var events: [Event] = []
    /// How many events were seen in all (also beyond ``limit``).
    public private(set) var seen = 0
    /// The most events kept.
    public let limit: Int

    /// A log that keeps at most `limit` events.
    public init(limit: Int = 10_000) {
        precondition(limit >= 0, "EventLog: limit must be 0 or more, got \(limit)")
        self.limit = limit
    }

    /// Keeps `event` if fewer than ``limit`` are kept.
    public mutating func record(_ event: Event) {
        seen += 1
        if events.count < limit { events.append(event) }
    }
}
