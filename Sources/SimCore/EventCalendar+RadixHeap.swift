/// The radix heap that holds a large calendar's events (more than
/// ``EventCalendar/radixAbove`` pending), and the moves between it and the
/// 4-ary heap. See ``EventCalendar`` for the scheme: buckets 1 + 16 L + d by
/// the highest hexadecimal digit L in which a time differs from the base and
/// its digit d there; bucket 0 is a binary heap on ``Event/order`` for the
/// events at the base time.

extension EventCalendar {
    /// The bucket of an event at `time` (≥ `base`) for radix base `base`:
    /// 0 when equal; else, with L the highest hexadecimal digit in which they
    /// differ and d the time's digit there (d > the base's digit there),
    /// 1 + 16 L + d. A lower bucket holds only earlier times.
    @inlinable @inline(__always)
    static func bucket(of time: SimTime, base: UInt64) -> Int {
        let t = UInt64(bitPattern: time)
        let x = t ^ base
        if x == 0 { return 0 }
        let level = (63 &- x.leadingZeroBitCount) >> 2
        let digit = Int(truncatingIfNeeded: (t &>> UInt64(level &<< 2)) & 15)
        return 1 &+ (level &<< 4) &+ digit
    }

    /// Marks radix bucket `b` (1 ... 256) as holding events.
    @inlinable @inline(__always)
    mutating func markOccupied(_ b: Int) {
        let bit = UInt64(1) &<< UInt64((b &- 1) & 63)
        switch (b &- 1) >> 6 {
        case 0: occupied.0 |= bit
        case 1: occupied.1 |= bit
        case 2: occupied.2 |= bit
        default: occupied.3 |= bit
        }
    }

    /// Marks radix bucket `b` (1 ... 256) as empty.
    @inlinable @inline(__always)
    mutating func markEmpty(_ b: Int) {
        let bit = ~(UInt64(1) &<< UInt64((b &- 1) & 63))
        switch (b &- 1) >> 6 {
        case 0: occupied.0 &= bit
        case 1: occupied.1 &= bit
        case 2: occupied.2 &= bit
        default: occupied.3 &= bit
        }
    }

    /// The lowest non-empty radix bucket (1 ... 256), or 0 when all are empty.
    @inlinable @inline(__always)
    var lowestOccupied: Int {
        if occupied.0 != 0 { return occupied.0.trailingZeroBitCount &+ 1 }
        if occupied.1 != 0 { return occupied.1.trailingZeroBitCount &+ 65 }
        if occupied.2 != 0 { return occupied.2.trailingZeroBitCount &+ 129 }
        if occupied.3 != 0 { return occupied.3.trailingZeroBitCount &+ 193 }
        return 0
    }

    /// Puts `e` (with `e.time >= base`) in its radix bucket.
    @inlinable @inline(__always)
    mutating func place(_ e: Event) {
        let b = Self.bucket(of: e.time, base: base)
        if b == 0 {
            pushTie(e)
        } else {
            buckets[b].append(e)
            markOccupied(b)
        }
    }

    /// ``pop(notAfter:)`` on the radix heap.
    @inlinable
    mutating func radixPop(notAfter limit: SimTime) -> Event? {
        if buckets[0].count == 0 {
            let b = lowestOccupied
            guard b != 0 else { return nil }
            let p = buckets[b].base.unsafelyUnwrapped
            let n = buckets[b].count
            var earliest = p[0].time
            var at = 0
            var tied = false
            var k = 1
            while k < n {
                let t = p[k].time
                if t < earliest {
                    earliest = t
                    at = k
                    tied = false
                } else if t == earliest {
                    tied = true
                }
                k &+= 1
            }
            guard earliest <= limit else { return nil }
            // Move the base to the earliest time and spread the bucket over
            // the lower ones (its events all agree with the new base in
            // digit L and above, so none lands in bucket b again).
            base = UInt64(bitPattern: earliest)
            buckets[b].count = 0
            markEmpty(b)
            if !tied {
                // One event at the earliest time (the usual case): it is the
                // next event; the others are later and go to buckets ≥ 1.
                let first = p[at]
                k = 0
                while k < n {
                    if k != at { place(p[k]) }
                    k &+= 1
                }
                releaseIfLarge(b)
                radixSize &-= 1
                clock = earliest
                if radixSize < Self.heapBelow { moveToHeap() }
                return first
            }
            k = 0
            while k < n {
                place(p[k])
                k &+= 1
            }
            releaseIfLarge(b)
        } else if buckets[0].base.unsafelyUnwrapped[0].time > limit {
            return nil
        }
        radixSize &-= 1
        let first = popTie()
        clock = first.time
        if radixSize < Self.heapBelow { moveToHeap() }
        return first
    }

    /// Frees the buffer of emptied bucket `b` when it holds more than
    /// ``keptBucketCapacity`` events: a bucket that took a large share of the
    /// events once must not keep that memory while others fill in turn, so
    /// the calendar's memory stays bounded by the events pending (at most
    /// twice their size, plus ``keptBucketCapacity`` per bucket), never by
    /// the length of the run.
    @inlinable @inline(__always)
    mutating func releaseIfLarge(_ b: Int) {
        if buckets[b].capacity > Self.keptBucketCapacity { buckets[b].free() }
    }

    /// Largest buffer (in events) an emptied radix bucket keeps.
    @usableFromInline static var keptBucketCapacity: Int { 1024 }

    /// ``next`` on the radix heap.
    /// - Complexity: O(1) at a tie, else O(events in the lowest bucket).
    @inlinable
    var radixNext: Event? {
        if buckets[0].count > 0 { return buckets[0].base.unsafelyUnwrapped[0] }
        let b = lowestOccupied
        guard b != 0 else { return nil }
        let bucket = buckets[b]
        let p = bucket.base.unsafelyUnwrapped
        var best = p[0]
        var k = 1
        while k < bucket.count {
            if p[k].precedes(best) { best = p[k] }
            k &+= 1
        }
        return best
    }
    /// Adds `e` (at the base time) to bucket 0's heap on ``Event/order``.
    @inlinable @inline(__always)
    mutating func pushTie(_ e: Event) {
        buckets[0].append(e)
        let p = buckets[0].base.unsafelyUnwrapped
        var hole = buckets[0].count &- 1
        while hole > 0 {
            let parent = (hole &- 1) >> 1
            guard e.order < p[parent].order else { break }
            p[hole] = p[parent]
            hole = parent
        }
        p[hole] = e
    }

    /// Removes the first event of bucket 0's heap (lowest ``Event/order``).
    /// - Precondition: bucket 0 is not empty (checked by the caller).
    @inlinable @inline(__always)
    mutating func popTie() -> Event {
        let p = buckets[0].base.unsafelyUnwrapped
        let first = p[0]
        let n = buckets[0].count &- 1
        buckets[0].count = n
        if n > 0 {
            let last = p[n]
            var hole = 0
            while true {
                var child = 2 &* hole &+ 1
                if child >= n { break }
                if child &+ 1 < n, p[child &+ 1].order < p[child].order { child &+= 1 }
                guard p[child].order < last.order else { break }
                p[hole] = p[child]
                hole = child
            }
            p[hole] = last
        }
        return first
    }

    /// Moves every pending event from the 4-ary heap to the radix heap, with
    /// the base at ``now`` (no pending event is earlier).
    @usableFromInline @inline(never)
    mutating func moveToRadixHeap() {
        if rootIsHole { closeHole() }
        base = UInt64(bitPattern: clock)
        for i in 0..<size { place(heap[i]) }
        radixSize = size
        size = 0
        isLarge = true
    }

    /// Moves every pending event from the radix heap back to the 4-ary heap.
    @usableFromInline @inline(never)
    mutating func moveToHeap() {
        isLarge = false
        let events = pending
        for b in 0..<Self.bucketCount { buckets[b].count = 0 }
        occupied = (0, 0, 0, 0)
        radixSize = 0
        size = 0
        for e in events {
            if size == capacity { grow() }
            var hole = size
            size &+= 1
            while hole > 0 {
                let parent = (hole &- 1) >> 2
                guard e.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = e
        }
    }
}
