/// An event of the calendar: a small value with no reference in it.
///
/// The kernel knows nothing of what it schedules. An event says *when*
/// (``time``), *in which order among equals* (``order``: priority, then the
/// sequence number the calendar gave it, so equal times are first-in
/// first-out), *to whom* (``target``, a component index the model chooses),
/// *what* (``kind``, the model's own action code) and *with what*
/// (``payload``, for example the index of a job in a pool). The layout is
/// 32 bytes, two events per cache line, and copying one is four moves.

/// A scheduled event. 32 bytes, trivially copyable.
public struct Event: Sendable, Equatable {
    /// When the event happens, in nanoseconds of simulated time.
    public var time: SimTime
    /// Priority in the top 8 bits, the calendar's sequence number in the low
    /// 56 bits: among equal times, lower priority values go first, and among
    /// equal priorities the event scheduled first goes first.
    public var order: UInt64
    /// The component the event is for (an index chosen by the model).
    public var target: Int32
    /// What happens (an action code chosen by the model).
    public var kind: Int32
    /// A model-defined value, typically the index of a job in a pool.
    public var payload: Int64

    /// The default priority: between ``urgent`` (0) and ``late`` (255).
    public static let normal: UInt8 = 128
    /// The priority that goes before every other at the same time.
    public static let urgent: UInt8 = 0
    /// The priority that goes after every other at the same time.
    public static let late: UInt8 = 255

    /// Bits of ``order`` holding the sequence number.
    @usableFromInline static let sequenceBits: UInt64 = 56

    /// An event; ``order`` is normally filled in by ``EventCalendar/schedule(_:)``.
    @inlinable
    public init(time: SimTime, target: Int32, kind: Int32, payload: Int64 = 0,
                priority: UInt8 = Event.normal, sequence: UInt64 = 0) {
        self.time = time
        self.order = UInt64(priority) << Event.sequenceBits | (sequence & ((1 << Event.sequenceBits) - 1))
        self.target = target
        self.kind = kind
        self.payload = payload
    }

    /// The priority given when the event was made (0 goes first).
    @inlinable
    public var priority: UInt8 { UInt8(truncatingIfNeeded: order >> Event.sequenceBits) }

    /// The sequence number the calendar gave the event.
    @inlinable
    public var sequence: UInt64 { order & ((1 << Event.sequenceBits) - 1) }

    /// `true` when `self` is served before `other`: earlier time, then lower
    /// priority value, then lower sequence number.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}
