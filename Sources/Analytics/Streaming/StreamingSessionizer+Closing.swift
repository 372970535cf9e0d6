/// Closing in the streaming sessionizer: sessions whose last event + gap the
/// watermark has passed are emitted in deadline order and their state freed.

extension StreamingSessionizer {
    /// Closes sessions whose last event + gap is before `watermark`, in deadline order.
    @inline(__always)
    mutating func closeSessions(before watermark: Int64) {
        while !heap.isEmpty && heap.top.deadline < watermark {
            let entry = heap.top
            heap.removeTop()
            let slot = sp(entry.slot).pointee
            guard slot.generation == entry.generation, slot.user >= 0 else { continue }   // merged away
            let deadline = slot.last + gap
            if deadline != entry.deadline {
                heap.push(.init(deadline: deadline, slot: entry.slot, generation: entry.generation))
                continue
            }
            close(entry.slot)
        }
    }

    mutating func close(_ s: Int32) {
        let slot = sp(s).pointee
        stamp += 1
        var unique = 0
        var count = Int(slot.count)
        // Unique pages do not depend on duplicates (a duplicate has its original's page).
        let stampNow = stamp
        if slot.needsSort {
            scratch.removeAll(keepingCapacity: true)
            forEachEvent(of: s) { t, k in scratch.append(.init(time: t, key: k)) }
            scratch.sort(by: BatchSessionizer.PackedEvent.precedes)
            var previous = BatchSessionizer.PackedEvent(time: Int64.min, key: UInt64.max)
            for x in scratch {
                if x.time == previous.time && x.key == previous.key { duplicates += 1; count -= 1; continue }
                previous = x
                let page = Int(x.key >> 32)
                if pageStamp[page] != stampNow { pageStamp[page] = stampNow; unique += 1 }
            }
        } else {
            // Strictly increasing times: no two events are equal.
            var c = slot.head
            var fill = Int(slot.headFill)
            while c >= 0 {
                let base = Int(c) * Self.chunkWords
                for i in 0..<fill {
                    let page = Int(chunks[base + 2 + 2 * i] >> 32)
                    if pageStamp[page] != stampNow { pageStamp[page] = stampNow; unique += 1 }
                }
                c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[base]))
                fill = Self.chunkEvents
            }
        }
        let user = Int(slot.user)
        hp(user).pointee.state.sequence += 1
        closed.append(SessionRecord(user: slot.user, sequence: Int(hp(user).pointee.state.sequence),
                                    start: UTCTimestamp(microseconds: slot.start), end: UTCTimestamp(microseconds: slot.last),
                                    events: count, uniquePages: unique))
        releaseChunks(of: s)
        unlink(s)
        releaseSlot(s)
    }
}
