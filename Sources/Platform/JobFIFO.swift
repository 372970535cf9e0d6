/// A first-in first-out queue of job slots on a ring buffer.
///
/// A station's waiting line. Capacity doubles when full and never shrinks,
/// so after the longest queue of the run no operation allocates.

/// A growable ring buffer of `Int32` job slots.
public struct JobFIFO: Sendable {
    var buffer: ContiguousArray<Int32>
    var head = 0
    var size = 0

    /// An empty queue with room for `capacity` jobs (rounded up to a power of two).
    public init(capacity: Int = 16) {
        var c = 1
        while c < Swift.max(capacity, 2) { c <<= 1 }
        buffer = ContiguousArray(repeating: -1, count: c)
    }

    /// Jobs waiting.
    public var count: Int { size }
    /// `true` when nobody waits.
    public var isEmpty: Bool { size == 0 }

    /// Adds `job` at the back. - Complexity: amortized O(1).
    @inline(__always)
    public mutating func append(_ job: Int32) {
        if size == buffer.count { grow() }
        buffer[(head &+ size) & (buffer.count &- 1)] = job
        size &+= 1
    }

    /// Removes and returns the job at the front, or `nil` when empty. - Complexity: O(1).
    @inline(__always)
    public mutating func popFirst() -> Int32? {
        guard size > 0 else { return nil }
        let job = buffer[head]
        head = (head &+ 1) & (buffer.count &- 1)
        size &-= 1
        return job
    }

    /// The job at the front, if any.
    public var first: Int32? { size > 0 ? buffer[head] : nil }

    mutating func grow() {
        var bigger = ContiguousArray<Int32>(repeating: -1, count: buffer.count * 2)
        for i in 0..<size { bigger[i] = buffer[(head + i) & (buffer.count - 1)] }
        buffer = bigger
        head = 0
    }
}
