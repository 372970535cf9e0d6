/// One bucket of the event calendar's radix heap: a growable buffer of
/// events that the calendar owns and frees (see ``EventCalendar``).
///
/// A plain struct of a pointer and two counts, stored in a raw table by the
/// calendar, so that touching a bucket costs no copy-on-write check and no
/// reference count. Capacity doubles when full and never shrinks.

/// A growable buffer of events, owned and freed by ``EventCalendar``.
@usableFromInline
struct EventBucket {
    /// The events, `base[0 ..< count]`; `nil` before the first append.
    @usableFromInline var base: UnsafeMutablePointer<Event>?
    /// Events held.
    @usableFromInline var count: Int
    /// Slots allocated.
    @usableFromInline var capacity: Int

    /// An empty bucket with no buffer yet.
    @usableFromInline init() {
        base = nil
        count = 0
        capacity = 0
    }

    /// Adds `event` at the end. - Complexity: amortized O(1).
    @inlinable @inline(__always)
    mutating func append(_ event: Event) {
        if count == capacity { grow() }
        base.unsafelyUnwrapped[count] = event
        count &+= 1
    }

    /// Doubles the buffer (to 16 events at first).
    @usableFromInline @inline(never)
    mutating func grow() {
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: Swift.max(16, capacity * 2))
        if let base {
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = bigger
        capacity = Swift.max(16, capacity * 2)
    }

    /// Frees the buffer.
    @usableFromInline mutating func free() {
        base?.deallocate()
        base = nil
        count = 0
        capacity = 0
    }
}
