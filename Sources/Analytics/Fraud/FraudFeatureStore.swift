/// The online feature state of all cards: one ``CardWindows`` slot per
/// *active* card, found through a dense index from card id to slot.
///
/// Bounds. A card's state expires after 24 h of silence: the store keeps its
/// slots in a list ordered by last use, and each update first frees the
/// slots at the head of that list whose card has been silent for 24 h at
/// the stream clock (the largest time seen). Expiry never changes a feature:
/// after 24 h of silence every window of the card is empty and its
/// seconds-since-previous is at its 86,400 s cap either way. The number of
/// slots is further capped by `capacity`; when all are in use, a new card
/// takes the slot of the least recently used card (counted in
/// ``evictedCards``; that card starts afresh if it returns). Both rules
/// depend only on the input, so eviction is deterministic. Memory: the slots
/// (bounded by active cards and `capacity`) plus 4 bytes of index per card
/// id ever seen.

/// Bounded per-card feature state. Not thread-safe: one owner at a time.
public final class FraudFeatureStore {
    /// Largest number of cards with state at any one time.
    public let capacity: Int
    private var slots: [CardWindows] = []
    private var cardOfSlot: [Int32] = []
    private var slotOfCard: [Int32] = []
    private var previous: [Int32] = []
    private var next: [Int32] = []
    private var head: Int32 = -1
    private var tail: Int32 = -1
    private var freeSlots: [Int32] = []
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
        self.capacity = capacity
    }

    /// Number of cards that currently hold state.
    public var activeCards: Int { slots.count - freeSlots.count }

    /// Buckets held over all active cards (each ≤ 1,500 per card).
    public var bucketCount: Int {
        var n = 0
        var s = head
        while s >= 0 { n += slots[Int(s)].bucketCount; s = next[Int(s)] }
        return n
    }

    /// Updates the state of `txn`'s card with `txn` and returns its features.
    /// - Complexity: amortized O(1).
    public func update(_ txn: CompactTransaction) -> CardFeatures {
        if txn.timestampMicros > clock { clock = txn.timestampMicros }
        expireSilentCards()
        let card = Int(txn.card)
        if card >= slotOfCard.count { growIndex(to: card) }
        var slot = slotOfCard[card]
        if slot < 0 {
            slot = takeSlot()
            slotOfCard[card] = slot
            cardOfSlot[Int(slot)] = txn.card
        } else {
            unlink(slot)
        }
        append(slot)
        return slots[Int(slot)].update(txn)
    }

    /// Grows the card index to cover `card`, doubling to keep appends O(1).
    private func growIndex(to card: Int) {
        let size = Swift.max(card + 1, slotOfCard.count * 2, 1024)
        slotOfCard.append(contentsOf: repeatElement(-1, count: size - slotOfCard.count))
    }

    /// Frees the least recently used slots silent for 24 h at the clock.
    private func expireSilentCards() {
        while head >= 0 && slots[Int(head)].isExpired(at: clock) {
            let slot = head
            unlink(slot)
            release(slot)
            expiredCards += 1
        }
    }

    /// A free slot, a new one, or (when full) the least recently used one.
    private func takeSlot() -> Int32 {
        if let slot = freeSlots.popLast() { return slot }
        if slots.count < capacity {
            slots.append(CardWindows())
            cardOfSlot.append(-1)
            previous.append(-1)
            next.append(-1)
            return Int32(slots.count - 1)
        }
        let slot = head
        unlink(slot)
        release(slot)
        evictedCards += 1
        return freeSlots.removeLast()
    }

    /// Detaches `slot`'s card and puts the slot on the free list.
    private func release(_ slot: Int32) {
        slotOfCard[Int(cardOfSlot[Int(slot)])] = -1
        cardOfSlot[Int(slot)] = -1
        slots[Int(slot)].reset()
        freeSlots.append(slot)
    }

    /// Removes `slot` from the use-ordered list.
    private func unlink(_ slot: Int32) {
        let p = previous[Int(slot)], n = next[Int(slot)]
        if p >= 0 { next[Int(p)] = n } else { head = n }
        if n >= 0 { previous[Int(n)] = p } else { tail = p }
        previous[Int(slot)] = -1
        next[Int(slot)] = -1
    }

    /// Appends `slot` at the most recently used end of the list.
    private func append(_ slot: Int32) {
        previous[Int(slot)] = tail
        next[Int(slot)] = -1
        if tail >= 0 { next[Int(tail)] = slot } else { head = slot }
        tail = slot
    }
}
