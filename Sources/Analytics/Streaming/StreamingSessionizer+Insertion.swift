/// Insertion into the streaming sessionizer and the storage it works on:
/// finding the session an event belongs to, extending, merging (an event that
/// bridges two sessions) or opening one, with exact dedup; the pools of
/// session slots and event chunks, and the inline slot of a user's latest session.

extension StreamingSessionizer {
    /// An event that is before the user's latest session's last event, or a user without sessions.
    ///
    /// A session i can take the event when startᵢ − gap ≤ time ≤ lastᵢ + gap. Open
    /// sessions of a user are more than `gap` apart, so at most two can: the
    /// latest one with startᵢ − gap ≤ time, and the one before it (the event then
    /// bridges them and they merge).
    mutating func insertSlow(user: Int32, time: Int64, key: UInt64) {
        var s = hp(Int(user)).pointee.state.last
        while s != -1 && sp(s).pointee.start - gap > time { s = sp(s).pointee.previous }
        guard s != -1 else {
            // Before every open session of the user; the latest one only when there is none.
            let none = hp(Int(user)).pointee.state.last == -1
            linkFirst(none ? newInlineSlot(user: user, time: time, key: key) : newSlot(user: user, time: time, key: key), user: user)
            return
        }
        let p = sp(s).pointee.previous
        let joinsS = time <= sp(s).pointee.last + gap
        let joinsP = p != -1 && time <= sp(p).pointee.last + gap
        switch (joinsP, joinsS) {
        case (true, true):
            appendEvent(to: p, time: time, key: key)
            merge(s, into: p)
        case (false, true):
            appendEvent(to: s, time: time, key: key)
            if time < sp(s).pointee.start { sp(s).pointee.start = time }
            if time > sp(s).pointee.last { sp(s).pointee.last = time }
        case (true, false):
            appendEvent(to: p, time: time, key: key)
            if time > sp(p).pointee.last { sp(p).pointee.last = time }
        case (false, false):
            link(newSlot(user: user, time: time, key: key), after: s, user: user)
        }
    }

    @inline(__always)
    mutating func appendEvent(to s: Int32, time: Int64, key: UInt64) {
        var fill = sp(s).pointee.headFill
        if fill == Int32(Self.chunkEvents) {
            let c = newChunk(next: sp(s).pointee.head)
            sp(s).pointee.head = c
            fill = 0
        }
        let base = Int(sp(s).pointee.head) * Self.chunkWords + 1 + 2 * Int(fill)
        chunks[base] = UInt64(bitPattern: time)
        chunks[base + 1] = key
        sp(s).pointee.headFill = fill + 1
        if time <= sp(s).pointee.lastAppended { sp(s).pointee.needsSort = true }
        sp(s).pointee.lastAppended = time
        sp(s).pointee.count += 1
    }

    /// Calls `body` with every (time, key) of session `s`, newest chunk first.
    @inline(__always)
    func forEachEvent(of s: Int32, _ body: (Int64, UInt64) -> Void) {
        var c = sp(s).pointee.head
        var fill = Int(sp(s).pointee.headFill)
        while c >= 0 {
            let base = Int(c) * Self.chunkWords
            for i in 0..<fill { body(Int64(bitPattern: chunks[base + 1 + 2 * i]), chunks[base + 2 + 2 * i]) }
            c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[base]))
            fill = Self.chunkEvents
        }
    }

    /// Returns the chunks of session `s` to the pool.
    mutating func releaseChunks(of s: Int32) {
        var c = sp(s).pointee.head
        while c >= 0 {
            freeChunks.append(c)
            c = Int32(truncatingIfNeeded: Int64(bitPattern: chunks[Int(c) * Self.chunkWords]))
        }
    }

    /// Moves the events of `b` (the session after `a`) into `a` and frees `b`.
    mutating func merge(_ b: Int32, into a: Int32) {
        scratch.removeAll(keepingCapacity: true)
        forEachEvent(of: b) { t, k in scratch.append(.init(time: t, key: k)) }
        for e in scratch { appendEvent(to: a, time: e.time, key: e.key) }
        sp(a).pointee.needsSort = true
        sp(a).pointee.last = max(sp(a).pointee.last, sp(b).pointee.last)
        releaseChunks(of: b)
        unlink(b)
        releaseSlot(b)
    }

    @inline(__always)
    mutating func newChunk(next: Int32) -> Int32 {
        let c: Int32
        if let f = freeChunks.popLast() {
            c = f
        } else {
            c = Int32(chunks.count / Self.chunkWords)
            chunks.append(0, count: Self.chunkWords)
        }
        chunks[Int(c) * Self.chunkWords] = UInt64(bitPattern: Int64(next))
        return c
    }

    @inline(__always)
    mutating func newSlot(user: Int32, time: Int64, key: UInt64) -> Int32 {
        let s: Int32
        if freeSlot >= 0 {
            s = freeSlot
            freeSlot = sp(s).pointee.next
        } else {
            slots.append(Slot())
            s = Int32(slots.count - 1)
        }
        let generation = sp(s).pointee.generation
        sp(s).pointee = Slot(user: user, count: 0, start: time, last: time, lastAppended: Int64.min,
                             head: newChunk(next: -1), headFill: 0, previous: -1, next: -1,
                             generation: generation, needsSort: false)
        appendEvent(to: s, time: time, key: key)
        heap.push(.init(deadline: time + gap, slot: s, generation: generation))
        openSessions += 1
        return s
    }

    @inline(__always)
    mutating func releaseSlot(_ s: Int32) {
        sp(s).pointee.generation &+= 1
        sp(s).pointee.user = -1
        if s >= 0 {
            sp(s).pointee.next = freeSlot
            freeSlot = s
        }
        openSessions -= 1
    }

    /// The id of `user`'s inline slot.
    @inline(__always)
    func inlineSlot(_ user: Int32) -> Int32 { -2 - user }

    /// The home record of user `u`.
    @inline(__always)
    func hp(_ u: Int) -> UnsafeMutablePointer<UserHome> { homes.base + u }

    /// The slot with id `s`: pooled (s ≥ 0) or the inline slot of user −2 − s.
    @inline(__always)
    func sp(_ s: Int32) -> UnsafeMutablePointer<Slot> {
        if s >= 0 { return slots.base + Int(s) }
        return UnsafeMutableRawPointer(homes.base + Int(-2 - s)).assumingMemoryBound(to: Slot.self)
    }

    /// Starts a session of `user` in its inline slot. - Precondition: the inline slot is free.
    @inline(__always)
    mutating func newInlineSlot(user: Int32, time: Int64, key: UInt64) -> Int32 {
        let s = inlineSlot(user)
        let generation = sp(s).pointee.generation
        sp(s).pointee = Slot(user: user, count: 0, start: time, last: time, lastAppended: Int64.min,
                             head: newChunk(next: -1), headFill: 0, previous: -1, next: -1,
                             generation: generation, needsSort: false)
        appendEvent(to: s, time: time, key: key)
        heap.push(.init(deadline: time + gap, slot: s, generation: generation))
        openSessions += 1
        return s
    }

    /// Moves the session in `user`'s inline slot (its latest) to a pooled slot; returns that slot.
    mutating func moveInlineToPool(_ user: Int32) -> Int32 {
        let inline = inlineSlot(user)
        let p: Int32
        if freeSlot >= 0 {
            p = freeSlot
            freeSlot = sp(p).pointee.next
        } else {
            slots.append(Slot())
            p = Int32(slots.count - 1)
        }
        var moved = sp(inline).pointee
        moved.generation = sp(p).pointee.generation
        sp(p).pointee = moved
        if moved.previous != -1 { sp(moved.previous).pointee.next = p } else { hp(Int(user)).pointee.state.first = p }
        hp(Int(user)).pointee.state.last = p
        heap.push(.init(deadline: moved.last + gap, slot: p, generation: moved.generation))
        sp(inline).pointee.generation &+= 1
        sp(inline).pointee.user = -1
        return p
    }

    mutating func link(_ n: Int32, after p: Int32, user: Int32) {
        let next = sp(p).pointee.next
        sp(n).pointee.previous = p
        sp(n).pointee.next = next
        sp(p).pointee.next = n
        if next != -1 { sp(next).pointee.previous = n } else { hp(Int(user)).pointee.state.last = n }
    }

    mutating func linkFirst(_ n: Int32, user: Int32) {
        let first = hp(Int(user)).pointee.state.first
        sp(n).pointee.next = first
        if first != -1 { sp(first).pointee.previous = n } else { hp(Int(user)).pointee.state.last = n }
        hp(Int(user)).pointee.state.first = n
    }

    mutating func unlink(_ s: Int32) {
        let user = Int(sp(s).pointee.user)
        let p = sp(s).pointee.previous, n = sp(s).pointee.next
        if p != -1 { sp(p).pointee.next = n } else { hp(user).pointee.state.first = n }
        if n != -1 { sp(n).pointee.previous = p } else { hp(user).pointee.state.last = p }
    }

    mutating func growUsers(_ user: Int) {
        let n = max(user + 1, homes.count * 2)
        homes.append(UserHome(), count: n - homes.count)
    }

    mutating func growPages(_ page: Int) {
        let n = max(page + 1, pageStamp.count * 2, 64)
        pageStamp += [Int](repeating: -1, count: n - pageStamp.count)
    }
}
