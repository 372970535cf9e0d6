/// A growable byte buffer that records are encoded into, CSV or NDJSON.
///
/// Encoding appends bytes directly (no `String` per field): integers,
/// fixed-point money, timestamps and escaped text. The date part of a
/// timestamp is cached, since consecutive records almost always fall on the
/// same day, so a timestamp costs about 27 byte stores.

/// A growable byte buffer that records are encoded into, CSV or NDJSON.
///
/// Encoding writes bytes straight into raw memory (no `String` per field,
/// no per-byte capacity or uniqueness check): each field reserves its
/// longest length once, then stores. The date part of a timestamp is
/// cached, since consecutive records almost always fall on the same day.
///
/// `RowBuffer` has *reference* semantics for its bytes (copies share one
/// store); each buffer has one owner, the encoder of one output file.

/// Owns the memory of a ``RowBuffer`` (frees it on deinit).
public final class ByteStore {
    var base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) { base = .allocate(capacity: capacity) }

    deinit { base.deallocate() }
}

/// Bytes of encoded rows, appended field by field.
///
/// The write position and capacity live in the struct (no class-property
/// access per byte); the memory is owned by a ``ByteStore``. A copy must not
/// be appended to while the original is still used.
public struct RowBuffer {
    let store: ByteStore
    var base: UnsafeMutablePointer<UInt8>
    /// Number of bytes encoded.
    public private(set) var count = 0
    var capacity: Int
    /// Day number whose `YYYY-MM-DD` text is in `dayText`.
    var cachedDay: Int64 = .min
    var dayText: UInt128 = 0

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        store = ByteStore(capacity: self.capacity)
        base = store.base
    }

    /// A copy of the encoded bytes.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the encoded bytes (valid only during the call).
    public func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        store.base.deallocate()
        store.base = newBase
        base = newBase
        capacity = newCapacity
    }

    /// Stores one byte; room must have been reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    /// Appends ASCII/UTF-8 text without escaping (field names, enum words).
    public mutating func append(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: text.utf8Start, count: n)
        count += n
    }

    /// Appends the UTF-8 bytes of `text` without escaping.
    public mutating func append(raw text: String) { for b in text.utf8 { append(b) } }

    /// Appends pre-encoded bytes.
    public mutating func append(bytes other: [UInt8]) {
        reserve(other.count)
        other.withUnsafeBufferPointer { (base + count).update(from: $0.baseAddress!, count: $0.count) }
        count += other.count
    }

    /// Appends a decimal integer.
    public mutating func append(int value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(unsigned: UInt64(bitPattern: 0 &- value))
        } else {
            append(unsigned: UInt64(value))
        }
    }

    /// Appends a decimal unsigned integer (two digits per step from a table).
    public mutating func append(unsigned value: UInt64) {
        reserve(20)
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes of scratch
        var v = value
        var n = 0
        let pairs = RowBuffer.digitPairText.utf8Start
        Swift.withUnsafeMutableBytes(of: &tmp) { raw in
            let d = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 24
            while v >= 100 {
                let r = Int(v % 100)
                v /= 100
                i -= 2
                d[i] = pairs[2 * r]
                d[i + 1] = pairs[2 * r + 1]
            }
            if v >= 10 {
                i -= 2
                d[i] = pairs[2 * Int(v)]
                d[i + 1] = pairs[2 * Int(v) + 1]
            } else {
                i -= 1
                d[i] = UInt8(truncatingIfNeeded: v) &+ 48
            }
            n = 24 - i
            (base + count).update(from: d + i, count: n)
        }
        count += n
    }

    /// "00" "01" … "99", as static bytes (no lazy global, no bounds check).
    static let digitPairText: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends money in minor units (cents) with exactly two decimals: `-12.05`.
    public mutating func append(cents: Int64) {
        var v = cents
        if v < 0 { append(UInt8(ascii: "-")); v = 0 &- v }
        append(unsigned: UInt64(v / 100))
        let r = Int(v % 100)
        reserve(3)
        put(UInt8(ascii: "."))
        put(UInt8(r / 10 + 48))
        put(UInt8(r % 10 + 48))
    }

    /// Appends a number with up to `decimals` (≤ 6) fixed decimals, exactly as
    /// rounded to that many places: odds `2.35`.
    public mutating func append(fixed value: Double, decimals: Int) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        var v = scaled
        if v < 0 { append(UInt8(ascii: "-")); v = -v }
        let unit = Int64(scale)
        append(unsigned: UInt64(v / unit))
        guard decimals > 0 else { return }
        append(UInt8(ascii: "."))
        var frac = v % unit
        var div = unit / 10
        while div > 0 {
            append(UInt8(frac / div + 48))
            frac %= div
            div /= 10
        }
    }

    /// Appends `YYYY-MM-DD`.
    public mutating func appendDate(days: Int64) {
        let (y, m, d) = Timestamp.civil(days: days)
        appendPadded(y, width: 4)
        append(UInt8(ascii: "-"))
        appendPadded(m, width: 2)
        append(UInt8(ascii: "-"))
        appendPadded(d, width: 2)
    }

    /// Appends `YYYY-MM-DD HH:MM:SS.ffffff` (UTC): 26 bytes.
    public mutating func appendTimestamp(_ t: Int64) {
        let dayNumber = Timestamp.dayIndex(t)
        if dayNumber != cachedDay { cacheDay(dayNumber) }
        reserve(26)
        let p = base + count
        Swift.withUnsafeBytes(of: dayText) { p.update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 10) }
        var rest = t - dayNumber * Timestamp.day
        var micros = rest % 1_000_000
        rest /= 1_000_000
        let sec = rest % 60
        rest /= 60
        let minute = rest % 60
        let hour = rest / 60
        p[10] = UInt8(ascii: " ")
        p[11] = UInt8(truncatingIfNeeded: hour / 10) &+ 48
        p[12] = UInt8(truncatingIfNeeded: hour % 10) &+ 48
        p[13] = UInt8(ascii: ":")
        p[14] = UInt8(truncatingIfNeeded: minute / 10) &+ 48
        p[15] = UInt8(truncatingIfNeeded: minute % 10) &+ 48
        p[16] = UInt8(ascii: ":")
        p[17] = UInt8(truncatingIfNeeded: sec / 10) &+ 48
        p[18] = UInt8(truncatingIfNeeded: sec % 10) &+ 48
        p[19] = UInt8(ascii: ".")
        var i = 25
        while i >= 20 {
            p[i] = UInt8(truncatingIfNeeded: micros % 10) &+ 48
            micros /= 10
            i -= 1
        }
        count += 26
    }

    mutating func cacheDay(_ dayNumber: Int64) {
        let text = RowBuffer(capacity: 16)
        var t = text
        t.appendDate(days: dayNumber)
        precondition(t.count == 10, "years outside 0000...9999 cannot be written as timestamps")
        var packed: UInt128 = 0
        let b = t.bytes
        for i in (0..<10).reversed() { packed = packed << 8 | UInt128(b[i]) }
        dayText = packed
        cachedDay = dayNumber
    }

    mutating func appendPadded(_ v: Int64, width: Int) {
        var digits: [UInt8] = []
        var x = v
        repeat { digits.append(UInt8(x % 10) + 48); x /= 10 } while x > 0
        while digits.count < width { digits.append(48) }
        append(bytes: digits.reversed())
    }

    /// Appends a CSV field, quoted (RFC 4180) only when it holds a comma,
    /// quote or line break.
    public mutating func appendCSVField(_ text: String) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
            for b in utf8 { append(b) }
            return
        }
        append(34)
        for b in utf8 {
            if b == 34 { append(34) }
            append(b)
        }
        append(34)
    }

    /// Appends a JSON string literal with escapes.
    public mutating func appendJSONString(_ text: String) {
        append(34)
        for b in text.utf8 {
            switch b {
            case 34: append(92); append(34)
            case 92: append(92); append(92)
            case 10: append(92); append(UInt8(ascii: "n"))
            case 13: append(92); append(UInt8(ascii: "r"))
            case 9: append(92); append(UInt8(ascii: "t"))
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(bytes: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: append(b)
            }
        }
        append(34)
    }
}
