/// The time-bucketed state of one card, laid out flat in a fixed 384-byte
/// slot of the store's slab:
///
/// | bytes   | content |
/// | ------- | ------- |
/// | 0–87    | ``CardSlotHeader``: last time, running totals, ring positions |
/// | 88–183  | ring of non-empty one-second buckets, 4 inline |
/// | 184–247 | the 8 most recent merchant ids, then country ids (`Int32`) |
/// | 248–375 | their last-seen times (`Int64` µs) |
///
/// The second ring moves to a heap buffer doubling up to 64 buckets when it
/// outgrows its inline room (the 1-minute window holds at most 60 non-empty
/// seconds). The minute ring (``MinuteRing``: packed 18-byte buckets) lives
/// in a heap buffer from the card's first transaction, growing (4, 8, 16,
/// 32, 40, 48, 56, 64, 80, … buckets) to what the 24-hour window holds: at most 1,440
/// non-empty minutes, plus one more bucket whenever a bucket's count
/// (16 bits: 65,535 transactions) or sum (48 bits: 2^47 units) is full (it
/// is followed by another bucket of the same minute, which leaves every
/// window at the same time, so no total changes).
/// Counts and sums are exact integers, added and subtracted with wrapping
/// arithmetic: a total is exact modulo 2^64 and therefore exact whenever
/// the true window total fits, which the reader's limit of 10^9 currency
/// units per amount guarantees below 922,000 such amounts per card and day
/// (never a trap on bad input). The sum of squared amounts for the
/// z-score is a `Double`, reset to exactly 0 whenever the 24 h window
/// empties so rounding drift cannot build up across quiet periods.

/// A non-empty one-second bucket.
struct SecondBucket {
    /// Seconds since the epoch (floor).
    var index: Int64
    /// Sum of amounts, 1/10,000 currency units.
    var sumUnits: Int64
    /// Transactions in the bucket.
    var count: Int32
}

/// The fixed part of a card's slot.
struct CardSlotHeader {
    /// Time of the card's latest transaction (µs); `Int64.min` when empty.
    var lastTime: Int64 = .min
    var sum1m: Int64 = 0
    var sum1h: Int64 = 0
    var sum24h: Int64 = 0
    var squares24h: Double = 0
    /// Second ring storage when it has left the inline room.
    var secondsSpill: UnsafeMutablePointer<SecondBucket>? = nil
    /// Minute ring storage (``MinuteRing``), nil until the first transaction.
    var minutesSpill: UnsafeMutableRawPointer? = nil
    /// The card id owning the slot, −1 when free.
    var card: Int32 = -1
    var count1m: Int32 = 0
    var count1h: Int32 = 0
    var count24h: Int32 = 0
    var secondsHead: UInt16 = 0
    var secondsCount: UInt16 = 0
    var secondsCapacity: UInt16 = CardSlot.inlineSeconds
    var minutesHead: UInt16 = 0
    var minutesCount: UInt16 = 0
    var minutesCapacity: UInt16 = 0
    /// Live minute buckets, from the head, that are older than the 1 h window.
    var hourSkip: UInt16 = 0
    var merchantCount: UInt8 = 0
    var countryCount: UInt8 = 0
}

/// Operations on one slot at a raw address; see the file comment.
enum CardSlot {
    /// Bytes per slot.
    static let stride = 384
    static let inlineSeconds: UInt16 = 4
    static let secondsOffset = 88
    static let merchantKeysOffset = 184
    static let countryKeysOffset = 216
    static let merchantTimesOffset = 248
    static let countryTimesOffset = 312
    static let secondMicros: Int64 = 1_000_000
    static let minuteMicros: Int64 = 60_000_000
    /// 24 h in microseconds: the silence after which a card's state expires.
    static let dayMicros: Int64 = 86_400_000_000

    static func checkLayout() {
        precondition(MemoryLayout<CardSlotHeader>.size <= secondsOffset, "CardSlotHeader outgrew its 88 bytes")
        precondition(MemoryLayout<SecondBucket>.stride == 24, "bucket layout changed")
        precondition(secondsOffset + Int(inlineSeconds) * 24 <= merchantKeysOffset
                     && countryTimesOffset + 64 <= stride, "slot layout overlaps")
    }

    @inline(__always)
    static func header(_ slot: UnsafeMutableRawPointer) -> UnsafeMutablePointer<CardSlotHeader> {
        slot.assumingMemoryBound(to: CardSlotHeader.self)
    }

    @inline(__always)
    static func seconds(_ slot: UnsafeMutableRawPointer, _ h: UnsafeMutablePointer<CardSlotHeader>) -> UnsafeMutablePointer<SecondBucket> {
        h.pointee.secondsSpill ?? (slot + secondsOffset).assumingMemoryBound(to: SecondBucket.self)
    }

    /// Makes `slot` empty and owned by `card` (−1 for free), freeing any spill.
    static func reset(_ slot: UnsafeMutableRawPointer, card: Int32) {
        let h = header(slot)
        h.pointee.secondsSpill?.deallocate()
        h.pointee.minutesSpill?.deallocate()
        h.pointee = CardSlotHeader()
        h.pointee.card = card
    }

    /// Number of buckets held, for state-bound checks.
    static func bucketCount(_ slot: UnsafeMutableRawPointer) -> Int {
        let h = header(slot)
        return Int(h.pointee.secondsCount) + Int(h.pointee.minutesCount)
    }

    /// Floor division for bucket indices (times before 1970 are negative).
    @inline(__always)
    static func bucket(_ time: Int64, _ width: Int64) -> Int64 {
        let q = time / width
        return (time % width < 0) ? q - 1 : q
    }

    /// Drops the buckets that have left each window at `second`/`minute`.
    /// - Complexity: amortized O(1): each bucket leaves each window once.
    @inline(__always)
    static func advance(_ slot: UnsafeMutableRawPointer, _ h: UnsafeMutablePointer<CardSlotHeader>, second: Int64, minute: Int64) {
        if h.pointee.secondsCount > 0 {
            let ring = seconds(slot, h)
            let mask = Int(h.pointee.secondsCapacity) - 1
            var head = Int(h.pointee.secondsHead), count = Int(h.pointee.secondsCount)
            while count > 0 && ring[head].index <= second - 60 {
                h.pointee.count1m &-= ring[head].count
                h.pointee.sum1m &-= ring[head].sumUnits
                head = (head + 1) & mask
                count -= 1
            }
            h.pointee.secondsHead = UInt16(head)
            h.pointee.secondsCount = UInt16(count)
        }
        if h.pointee.minutesCount > 0 {
            let ring = h.pointee.minutesSpill!
            let cap = Int(h.pointee.minutesCapacity)
            let now = UInt16(truncatingIfNeeded: minute)
            var head = Int(h.pointee.minutesHead), count = Int(h.pointee.minutesCount), skip = Int(h.pointee.hourSkip)
            while skip < count {
                let b = MinuteRing.wrap(head + skip, cap)
                guard MinuteRing.age(ring, b, now) >= 60 else { break }
                h.pointee.count1h &-= Int32(MinuteRing.count(ring, b))
                h.pointee.sum1h &-= MinuteRing.sum(ring, b)
                skip += 1
            }
            while count > 0 && MinuteRing.age(ring, head, now) >= 1_440 {
                h.pointee.count24h &-= Int32(MinuteRing.count(ring, head))
                h.pointee.sum24h &-= MinuteRing.sum(ring, head)
                h.pointee.squares24h -= MinuteRing.squares(ring, head)
                head = MinuteRing.wrap(head + 1, cap)
                count -= 1
                skip -= 1
            }
            if count == 0 { h.pointee.squares24h = 0 }
            h.pointee.minutesHead = UInt16(head)
            h.pointee.minutesCount = UInt16(count)
            h.pointee.hourSkip = UInt16(skip)
        }
    }

    /// Moves a full ring into a buffer twice its capacity, in order.
    static func growSeconds(_ slot: UnsafeMutableRawPointer, _ h: UnsafeMutablePointer<CardSlotHeader>) {
        let old = seconds(slot, h), cap = Int(h.pointee.secondsCapacity)
        precondition(cap < 64, "a card holds at most 60 non-empty seconds")
        let new = UnsafeMutablePointer<SecondBucket>.allocate(capacity: 2 * cap)
        for i in 0..<Int(h.pointee.secondsCount) { new[i] = old[(Int(h.pointee.secondsHead) + i) & (cap - 1)] }
        h.pointee.secondsSpill?.deallocate()
        h.pointee.secondsSpill = new
        h.pointee.secondsHead = 0
        h.pointee.secondsCapacity = UInt16(2 * cap)
    }

    /// Moves a full (or absent) minute ring into a larger buffer, in order:
    /// capacities 4, 8, 16, 32, then a quarter of the power of two more at
    /// each step (40, 48, 56, 64, 80, 96, 112, 128, 160, …), so that past 32
    /// buckets at most a fifth of the room is unused; an hour of minutes
    /// (61 buckets at most at its end) fits 64.
    static func growMinutes(_ h: UnsafeMutablePointer<CardSlotHeader>) {
        let cap = Int(h.pointee.minutesCapacity)
        let power = cap < 1 ? 0 : 1 << (Int.bitWidth - 1 - cap.leadingZeroBitCount)
        let newCap = cap < 32 ? Swift.max(4, 2 * cap) : cap + power / 4
        precondition(newCap <= Int(UInt16.max), "a card holds at most 1,440 non-empty minutes plus one bucket per 65,535 transactions in a minute")
        let new = MinuteRing.allocate(newCap)
        if let old = h.pointee.minutesSpill {
            MinuteRing.copy(from: old, head: Int(h.pointee.minutesHead), count: Int(h.pointee.minutesCount), capacity: cap, to: new)
            old.deallocate()
        }
        h.pointee.minutesSpill = new
        h.pointee.minutesHead = 0
        h.pointee.minutesCapacity = UInt16(newCap)
    }

    /// Records `key` seen at `time` in a recent-keys set of `capacity` 8:
    /// refreshes it, adds it, or replaces the key seen longest ago (first
    /// such position on ties). The set always holds the 8 most recently seen
    /// distinct keys, so its count inside a window is exactly
    /// min(true distinct count, 8).
    @inline(__always)
    static func record(_ key: Int32, at time: Int64, keys: UnsafeMutablePointer<Int32>,
                       times: UnsafeMutablePointer<Int64>, count: inout UInt8) {
        let n = Int(count)
        for i in 0..<n where keys[i] == key {
            times[i] = time
            return
        }
        if n < CardFeatures.distinctCap {
            keys[n] = key
            times[n] = time
            count += 1
            return
        }
        var oldest = 0
        for i in 1..<n where times[i] < times[oldest] { oldest = i }
        keys[oldest] = key
        times[oldest] = time
    }

    /// Keys last seen strictly after `start`.
    @inline(__always)
    static func count(seenAfter start: Int64, times: UnsafeMutablePointer<Int64>, count: UInt8) -> Int32 {
        var c: Int32 = 0
        for i in 0..<Int(count) where times[i] > start { c += 1 }
        return c
    }

    /// Adds `txn` to the card's state and returns its features.
    ///
    /// A transaction older than the card's previous one is taken to happen
    /// at the previous one's time: the state never goes back in time. A card
    /// silent for 24 h or more starts afresh.
    /// - Complexity: amortized O(1), plus O(``CardFeatures/distinctCap``).
    @inline(__always)
    static func update(_ slot: UnsafeMutableRawPointer, _ txn: CompactTransaction) -> CardFeatures {
        let h = header(slot)
        if h.pointee.lastTime != .min && txn.timestampMicros &- h.pointee.lastTime >= dayMicros {
            reset(slot, card: h.pointee.card)
        }
        let last = h.pointee.lastTime
        let time = Swift.max(txn.timestampMicros, last)
        let second = bucket(time, secondMicros), minute = bucket(time, minuteMicros)
        advance(slot, h, second: second, minute: minute)

        let amount = txn.amountUnits
        let amountD = Double(amount)
        var z = 0.0
        if h.pointee.count24h >= 2 {
            let n = Double(h.pointee.count24h)
            let mean = Double(h.pointee.sum24h) / n
            let variance = Swift.max(h.pointee.squares24h / n - mean * mean, 0)
            let sd = Swift.max(variance.squareRoot(), CardFeatures.sdFloorUnits)
            z = Swift.min(Swift.max((amountD - mean) / sd, -CardFeatures.zCap), CardFeatures.zCap)
        }
        let gap = last == .min ? CardFeatures.noPreviousSeconds : Swift.min(Double(time - last) / 1e6, CardFeatures.noPreviousSeconds)
        let square = amountD * amountD

        var sRing = seconds(slot, h)
        var sMask = Int(h.pointee.secondsCapacity) - 1
        let sCount = Int(h.pointee.secondsCount)
        let sTail = (Int(h.pointee.secondsHead) + sCount - 1) & sMask
        if sCount > 0 && sRing[sTail].index == second {
            sRing[sTail].count &+= 1
            sRing[sTail].sumUnits &+= amount
        } else {
            if sCount == Int(h.pointee.secondsCapacity) {
                growSeconds(slot, h)
                sRing = seconds(slot, h)
                sMask = Int(h.pointee.secondsCapacity) - 1
            }
            sRing[(Int(h.pointee.secondsHead) + sCount) & sMask] = SecondBucket(index: second, sumUnits: amount, count: 1)
            h.pointee.secondsCount += 1
        }
        let mCount = Int(h.pointee.minutesCount)
        let stamp = UInt16(truncatingIfNeeded: minute)
        if mCount > 0, case let ring = h.pointee.minutesSpill!,
           case let tail = MinuteRing.wrap(Int(h.pointee.minutesHead) + mCount - 1, Int(h.pointee.minutesCapacity)),
           MinuteRing.stamp(ring, tail) == stamp, MinuteRing.canAdd(ring, tail, amount: amount) {
            MinuteRing.add(ring, tail, amount: amount, square: square)
        } else {
            if mCount == Int(h.pointee.minutesCapacity) { growMinutes(h) }
            let at = MinuteRing.wrap(Int(h.pointee.minutesHead) + mCount, Int(h.pointee.minutesCapacity))
            MinuteRing.set(h.pointee.minutesSpill!, at, stamp: stamp, amount: amount, square: square)
            h.pointee.minutesCount += 1
        }
        h.pointee.count1m &+= 1; h.pointee.sum1m &+= amount
        h.pointee.count1h &+= 1; h.pointee.sum1h &+= amount
        h.pointee.count24h &+= 1; h.pointee.sum24h &+= amount; h.pointee.squares24h += square
        h.pointee.lastTime = time

        let mKeys = (slot + merchantKeysOffset).assumingMemoryBound(to: Int32.self)
        let cKeys = (slot + countryKeysOffset).assumingMemoryBound(to: Int32.self)
        let mTimes = (slot + merchantTimesOffset).assumingMemoryBound(to: Int64.self)
        let cTimes = (slot + countryTimesOffset).assumingMemoryBound(to: Int64.self)
        record(txn.merchant, at: time, keys: mKeys, times: mTimes, count: &h.pointee.merchantCount)
        record(txn.country, at: time, keys: cKeys, times: cTimes, count: &h.pointee.countryCount)
        let hourStart = time - 3_600_000_000
        return CardFeatures(
            amountUnits: amount,
            count1m: h.pointee.count1m, sum1mUnits: h.pointee.sum1m,
            count1h: h.pointee.count1h, sum1hUnits: h.pointee.sum1h,
            count24h: h.pointee.count24h, sum24hUnits: h.pointee.sum24h,
            amountZ24h: z,
            distinctMerchants1h: count(seenAfter: hourStart, times: mTimes, count: h.pointee.merchantCount),
            distinctCountries1h: count(seenAfter: hourStart, times: cTimes, count: h.pointee.countryCount),
            secondsSincePrevious: gap,
            countryMismatch: txn.country != txn.cardCountry
        )
    }
}
