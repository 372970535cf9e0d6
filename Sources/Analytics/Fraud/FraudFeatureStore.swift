/// The online feature state of all cards: one fixed 384-byte ``CardSlot``
/// per *active* card in one huge-page slab, found through a dense index from card id
/// to slot.
///
/// Bounds. A card's state expires after 24 h of silence. The store keeps an
/// expiry schedule (``ExpiryHeap``) with one entry per active card whose time
/// is at most the card's last transaction time; each update first looks at
/// the earliest entry, and while it is 24 h or more behind the stream clock
/// (the largest time seen) it either frees that card's slot (silent for
/// 24 h) or, if the card has transacted since, reschedules it at its last
/// transaction time. So a slot is freed exactly when the clock passes its
/// card's last time + 24 h, and the per-transaction cost is one comparison.
/// Expiry never changes a feature: after 24 h of silence every window of
/// the card is empty and its seconds-since-previous is at its 86,400 s cap
/// either way. The number of slots is further capped by `capacity`: when
/// all are in use, a new card takes the slot of the card with the oldest
/// last transaction (counted in ``evictedCards``; that card starts afresh
/// if it returns). Both rules depend only on the input, so eviction is
/// deterministic. Memory: 384 bytes per active card, plus its ring of
/// non-empty minutes (18 bytes per busy minute of the last 24 h, with at
/// most a fifth unused past 32 buckets: 1.1 KiB for a card busy every
/// minute of an hour, 27 KiB for a whole day) and, for a card with more than 4 busy
/// seconds in a minute, a ring of seconds (at most 1.5 KiB); 12 bytes of
/// schedule per active card and 4 bytes of index per card id ever seen.
/// The slab is reserved once for up to 4 Mi slots (address space only:
/// pages become resident as slots are first used), so it never moves or
/// copies below that many active cards.

import CGSL

/// Bounded per-card feature state. Not thread-safe: one owner at a time.
public final class FraudFeatureStore {
    /// Largest number of cards with state at any one time.
    public let capacity: Int
    /// The slots' memory: anonymous, transparent huge pages requested (card
    /// state is read at random; with 4 KiB pages every slot of a large
    /// population would also miss the TLB).
    private var slabMapping: HugePageMapping
    private var slab: UnsafeMutableRawPointer
    private var slabSlots: Int
    private var usedSlots = 0
    private var slotOfCard: UnsafeMutablePointer<Int32>
    private var indexSize = 0
    private var freeSlots: [Int32] = []
    private var schedule = ExpiryHeap()
    /// The largest transaction time seen, microseconds.
    public private(set) var clock: Int64 = .min
    /// Cards whose state was freed after 24 h of silence.
    public private(set) var expiredCards = 0
    /// Cards whose state was taken over before expiry because the store was full.
    public private(set) var evictedCards = 0

    /// A store holding state for at most `capacity` cards at once.
    /// - Precondition: `capacity` in 1...2^31 − 1.
    public init(capacity: Int = 1 << 22) {
        precondition(capacity >= 1 && capacity <= Int(Int32.max), "capacity must be in 1...\(Int32.max), got \(capacity)")
        CardSlot.checkLayout()
        self.capacity = capacity
        slabSlots = Swift.min(capacity, Self.reservedSlots)
        slabMapping = HugePageMapping(bytes: slabSlots * CardSlot.stride)
        slab = slabMapping.address
        slotOfCard = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    }

    deinit {
        for s in 0..<usedSlots { CardSlot.reset(slab + s * CardSlot.stride, card: -1) }
        slotOfCard.deallocate()
    }

    /// Number of cards that currently hold state.
    public var activeCards: Int { usedSlots - freeSlots.count }

    /// Buckets held over all active cards (each ≤ 60 + 1,440 per card).
    public var bucketCount: Int {
        var n = 0
        for s in 0..<usedSlots { n += CardSlot.bucketCount(slab + s * CardSlot.stride) }
        return n
    }

    /// Updates the state of `txn`'s card with `txn` and returns its features.
    /// - Complexity: amortized O(1).
    @inline(__always)
    public func update(_ txn: CompactTransaction) -> CardFeatures {
        if txn.timestampMicros > clock { clock = txn.timestampMicros }
        if schedule.minimumTime <= clock &- CardSlot.dayMicros { expireSilentCards() }
        let card = Int(txn.card)
        if card >= indexSize { growIndex(to: card) }
        var slot = slotOfCard[card]
        if slot < 0 {
            slot = takeSlot(for: txn.card)
            slotOfCard[card] = slot
            schedule.push(time: txn.timestampMicros, slot: slot)
        }
        return CardSlot.update(slab + Int(slot) * CardSlot.stride, txn)
    }

    /// Asks the CPU to start loading the index entry of `card` (a hint:
    /// no effect on any result).
    @inline(__always)
    public func prefetchIndex(of card: Int32) {
        if Int(card) < indexSize { cgsl_prefetch(slotOfCard + Int(card)) }
    }

    /// Asks the CPU to start loading the 512-byte slot of `card`, if it has
    /// one (a hint: no effect on any result).
    @inline(__always)
    public func prefetchState(of card: Int32) {
        guard Int(card) < indexSize else { return }
        let slot = slotOfCard[Int(card)]
        guard slot >= 0 else { return }
        let base = slab + Int(slot) * CardSlot.stride
        for line in 0..<(CardSlot.stride / 64) { cgsl_prefetch(base + line * 64) }
    }

    /// For a card whose bucket rings have moved out of its slot (a busy
    /// card), asks the CPU to start loading the ring entries the next update
    /// reads: the heads of the 1 min, 1 h and 24 h windows and the tails.
    /// Reads the slot header, so call it after ``prefetchState(of:)`` had
    /// time to bring it in. A hint: no effect on any result.
    @inline(__always)
    public func prefetchRings(of card: Int32) {
        guard Int(card) < indexSize else { return }
        let slot = slotOfCard[Int(card)]
        guard slot >= 0 else { return }
        let h = CardSlot.header(slab + Int(slot) * CardSlot.stride)
        if let ring = h.pointee.secondsSpill {
            let mask = Int(h.pointee.secondsCapacity) - 1, head = Int(h.pointee.secondsHead)
            cgsl_prefetch(ring + head)
            cgsl_prefetch(ring + ((head + Int(h.pointee.secondsCount) - 1) & mask))
        }
        if let ring = h.pointee.minutesSpill, h.pointee.minutesCount > 0 {
            let cap = Int(h.pointee.minutesCapacity), head = Int(h.pointee.minutesHead)
            let skip = MinuteRing.wrap(head + Int(h.pointee.hourSkip), cap)
            let tail = MinuteRing.wrap(head + Int(h.pointee.minutesCount) - 1, cap)
            cgsl_prefetch(ring + head * MinuteRing.stride)
            cgsl_prefetch(ring + skip * MinuteRing.stride)
            cgsl_prefetch(ring + tail * MinuteRing.stride + MinuteRing.stride - 1)
        }
    }

    /// Grows the card index to cover `card`, doubling to keep growth O(1).
    private func growIndex(to card: Int) {
        let size = Swift.max(card + 1, indexSize * 2, 1024)
        let new = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        new.update(from: slotOfCard, count: indexSize)
        (new + indexSize).initialize(repeating: -1, count: size - indexSize)
        slotOfCard.deallocate()
        slotOfCard = new
        indexSize = size
    }

    /// Frees the slots of cards silent for 24 h at the clock; reschedules
    /// the due entries of cards that transacted since they were scheduled.
    private func expireSilentCards() {
        while schedule.count > 0 && schedule.minimumTime <= clock &- CardSlot.dayMicros {
            let slot = schedule.minimumSlot
            schedule.popMinimum()
            let last = CardSlot.header(slab + Int(slot) * CardSlot.stride).pointee.lastTime
            if last <= clock &- CardSlot.dayMicros {
                release(slot)
                expiredCards += 1
            } else {
                schedule.push(time: last, slot: slot)
            }
        }
    }

    /// A free slot, a new one, or (when full) the slot of the card with the
    /// oldest last transaction, made empty and owned by `card`.
    private func takeSlot(for card: Int32) -> Int32 {
        if freeSlots.isEmpty && usedSlots == capacity { evictOldest() }
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            if usedSlots == slabSlots { growSlab() }
            slot = Int32(usedSlots)
            usedSlots += 1
            (slab + Int(slot) * CardSlot.stride).initializeMemory(as: UInt8.self, repeating: 0, count: CardSlot.stride)
            CardSlot.header(slab + Int(slot) * CardSlot.stride).initialize(to: CardSlotHeader())
        }
        CardSlot.reset(slab + Int(slot) * CardSlot.stride, card: card)
        return slot
    }

    /// Frees the slot of the card whose last transaction is the oldest.
    private func evictOldest() {
        while true {
            let slot = schedule.minimumSlot
            schedule.popMinimum()
            let last = CardSlot.header(slab + Int(slot) * CardSlot.stride).pointee.lastTime
            if last == Int64.min || last <= schedule.minimumTime {
                release(slot)
                evictedCards += 1
                return
            }
            schedule.push(time: last, slot: slot)
        }
    }

    /// Slots reserved (as address space) when the store is made: 4 Mi
    /// slots, 1.5 GiB of address space, resident only as slots are used.
    static let reservedSlots = 1 << 22

    /// Doubles the slab (up to `capacity` slots), moving the slots: only
    /// for a store of more than ``reservedSlots`` cards.
    private func growSlab() {
        let size = Swift.min(slabSlots * 2, capacity)
        let mapping = HugePageMapping(bytes: size * CardSlot.stride)
        mapping.address.copyMemory(from: slab, byteCount: usedSlots * CardSlot.stride)
        slabMapping = mapping
        slab = mapping.address
        slabSlots = size
    }

    /// Detaches `slot`'s card and puts the slot on the free list.
    private func release(_ slot: Int32) {
        let base = slab + Int(slot) * CardSlot.stride
        slotOfCard[Int(CardSlot.header(base).pointee.card)] = -1
        CardSlot.reset(base, card: -1)
        freeSlots.append(slot)
    }
}
