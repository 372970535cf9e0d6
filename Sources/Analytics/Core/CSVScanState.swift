/// The byte scanner under ``CSVReader``: one value type holding the cursor
/// and the current record's field boundaries, so the hot loop runs on a
/// struct (statically checked exclusivity) instead of class properties.

/// Cursor, line counter and field boundaries of the record being read.
struct CSVScanState {
    let base: UnsafePointer<UInt8>
    let end: Int
    var position = 0
    var line = 1
    var recordLine = 0
    var fieldCount = 0
    // Field i is bytes starts[i] ..< ends[i]: of the file, or of `scratch`
    // (negative starts, offset by 1) when the field had `""` escapes.
    var starts: UnsafeMutablePointer<Int>
    var ends: UnsafeMutablePointer<Int>
    var fieldCapacity = 32
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity = 4096
    var scratchCount = 0

    init(base: UnsafePointer<UInt8>, end: Int) {
        self.base = base
        self.end = end
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// Frees the field and scratch buffers.
    func deallocate() {
        starts.deallocate()
        ends.deallocate()
        scratch.deallocate()
    }

    /// Whether the current record is a blank line (one empty unquoted field).
    @inline(__always)
    var isBlank: Bool { fieldCount == 1 && starts[0] == ends[0] && starts[0] >= 0 }

    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let s = starts[index]
        if s >= 0 { return UnsafeBufferPointer(start: base + s, count: ends[index] - s) }
        let from = -s - 1
        return UnsafeBufferPointer(start: scratch + from, count: ends[index] - from)
    }

    @inline(__always)
    mutating func append(_ s: Int, _ e: Int) {
        if fieldCount == fieldCapacity { growFields() }
        starts[fieldCount] = s
        ends[fieldCount] = e
        fieldCount += 1
    }

    mutating func growFields() {
        let newCapacity = fieldCapacity * 2
        let ns = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let ne = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        ns.update(from: starts, count: fieldCount)
        ne.update(from: ends, count: fieldCount)
        starts.deallocate()
        ends.deallocate()
        starts = ns
        ends = ne
        fieldCapacity = newCapacity
    }

    /// Copies `s ..< e` of the file into scratch with `""` made `"`, as a new field.
    mutating func appendUnescaped(_ s: Int, _ e: Int) {
        if scratchCount + (e - s) > scratchCapacity {
            var newCapacity = scratchCapacity * 2
            while newCapacity < scratchCount + (e - s) { newCapacity *= 2 }
            let n = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            n.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = n
            scratchCapacity = newCapacity
        }
        let from = scratchCount
        var i = s
        while i < e {
            let c = base[i]
            scratch[scratchCount] = c
            scratchCount += 1
            i += (c == 0x22) ? 2 : 1
        }
        if fieldCount == fieldCapacity { growFields() }
        starts[fieldCount] = -from - 1
        ends[fieldCount] = scratchCount
        fieldCount += 1
    }

    /// A structural error: (line, index of the field, what was expected, what was found).
    struct Failure: Error {
        var line: Int
        var field: Int
        var expected: String
        var found: String
    }

    /// Parses one record (possibly a blank one); `false` at the end of the file.
    @inline(__always)
    mutating func scanRecord() throws(Failure) -> Bool {
        guard position < end else { return false }
        recordLine = line
        fieldCount = 0
        scratchCount = 0
        var p = position
        let base = self.base
        let end = self.end
        while true {
            if p < end && base[p] == 0x22 {
                p += 1
                let s = p
                var escaped = false
                while true {
                    guard p < end else {
                        throw Failure(line: recordLine, field: fieldCount,
                                      expected: "a closing quote for the quoted field", found: "the end of the file")
                    }
                    let c = base[p]
                    if c == 0x22 {
                        if p + 1 < end && base[p + 1] == 0x22 { escaped = true; p += 2; continue }
                        break
                    }
                    if c == 0x0A { line += 1 } else if c == 0x0D && (p + 1 >= end || base[p + 1] != 0x0A) { line += 1 }
                    p += 1
                }
                if escaped { appendUnescaped(s, p) } else { append(s, p) }
                p += 1
                if p >= end { break }
                let c = base[p]
                if c == 0x2C { p += 1; continue }
                if c == 0x0A { p += 1; line += 1; break }
                if c == 0x0D {
                    p += 1
                    if p < end && base[p] == 0x0A { p += 1 }
                    line += 1
                    break
                }
                throw Failure(line: line, field: fieldCount - 1,
                              expected: "a comma or the end of the line after a closing quote",
                              found: AnalyticsError.quoted(String(decoding: [c], as: UTF8.self)))
            } else {
                let s = p
                while p < end {
                    let c = base[p]
                    if c == 0x2C || c == 0x0A || c == 0x0D { break }
                    p += 1
                }
                append(s, p)
                if p >= end { break }
                let c = base[p]
                p += 1
                if c == 0x2C { continue }
                if c == 0x0D && p < end && base[p] == 0x0A { p += 1 }
                line += 1
                break
            }
        }
        position = p
        return true
    }
}
