/// An RFC 4180 CSV reader that scans a memory-mapped file byte by byte:
/// no per-row strings, no Foundation, millions of rows per second.
///
/// Rules: the first record is the header; fields are separated by `,`;
/// records end at `\n`, `\r\n` or a lone `\r`; a field that starts with `"` is
/// quoted, may contain `,`, newlines and `""` (one quote), and must be followed
/// by `,` or the end of the record; a `"` inside an unquoted field is kept as
/// it is (lenient). Blank lines are skipped. A UTF-8 byte-order mark before the
/// header is ignored. Header names are matched exactly after trimming spaces.

/// Reads records one at a time; fields are byte views valid until the next read.
public final class CSVReader {
    /// The file's path, as used in error messages.
    public let path: String
    /// Header names in file order (spaces trimmed).
    public private(set) var header: [String] = []
    /// 1-based line on which the current record starts.
    public private(set) var recordLine = 0
    /// Number of fields in the current record.
    public private(set) var fieldCount = 0
    /// Number of data records read so far (blank lines not counted).
    public private(set) var recordsRead = 0

    private let file: MappedFile
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var position = 0
    private var line = 1
    // Field i is bytes starts[i] ..< ends[i]: of the file, or of `scratch`
    // (negative starts, offset by 1) when the field had `""` escapes.
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var fieldCapacity = 32
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    private var scratchCount = 0
    private let emptyStorage: UnsafeMutablePointer<UInt8>?   // stands in for the base of an empty file

    /// Opens `path` and reads its header.
    /// - Throws: ``AnalyticsError`` when the file cannot be read, is empty, or
    ///   its header is malformed.
    public convenience init(path: String) throws {
        try self.init(file: MappedFile(path: path))
    }

    /// Reads the header of an already mapped `file`.
    public init(file: MappedFile) throws {
        self.file = file
        self.path = file.path
        if let b = file.bytes.baseAddress {
            self.base = b
            emptyStorage = nil
        } else {
            let e = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            emptyStorage = e
            self.base = UnsafePointer(e)
        }
        self.end = file.bytes.count
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        scratch = .allocate(capacity: scratchCapacity)
        if end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }
        guard try readRecordCountingNothing() else {
            throw AnalyticsError(file: path, line: 1, column: nil,
                                 expected: "a header row naming the columns", found: "an empty file")
        }
        header = (0..<fieldCount).map { i in
            String(decoding: field(i), as: UTF8.self).trimmingASCIISpaces()
        }
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        scratch.deallocate()
        emptyStorage?.deallocate()
    }

    /// Size of the file in bytes.
    public var byteCount: Int { end }

    /// The index of the header column named `name`, or `nil`.
    public func column(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The indices of the columns named `names`, in the order given.
    /// - Throws: ``AnalyticsError`` on line 1 naming every missing column.
    public func requireColumns(_ names: [String]) throws -> [Int] {
        let missing = names.filter { column(named: $0) == nil }
        guard missing.isEmpty else {
            let list = missing.joined(separator: ", ")
            throw AnalyticsError(file: path, line: 1, column: list,
                                 expected: "a header with the column\(missing.count == 1 ? "" : "s") \(list)",
                                 found: "columns " + header.map { AnalyticsError.quoted($0) }.joined(separator: ", "))
        }
        return names.map { column(named: $0)! }
    }

    /// Reads the next data record; returns `false` at the end of the file.
    /// Blank lines are skipped.
    /// - Throws: ``AnalyticsError`` for an unterminated quoted field or a
    ///   character after a closing quote. The reader cannot continue after it.
    /// - Complexity: O(bytes of the record).
    @inline(__always)
    public func readRecord() throws -> Bool {
        while true {
            guard try readRecordCountingNothing() else { return false }
            if fieldCount == 1 && starts[0] == ends[0] && starts[0] >= 0 { continue }
            recordsRead += 1
            return true
        }
    }

    /// The bytes of field `index` of the current record (no quotes, `""` unescaped).
    /// - Precondition: `index < fieldCount`.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index < fieldCount, "CSVReader.field(\(index)) of a record with \(fieldCount) fields")
        let s = starts[index]
        if s >= 0 {
            return UnsafeBufferPointer(start: base + s, count: ends[index] - s)
        }
        let from = -s - 1
        return UnsafeBufferPointer(start: scratch + from, count: ends[index] - from)
    }

    /// Field `index` as a `String` (UTF-8, invalid bytes replaced).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Throws unless the current record has a field for every index in
    /// `columns`; the error names the first missing column.
    @inline(__always)
    public func requireFields(_ columns: [Int], upTo maxIndex: Int) throws {
        guard maxIndex >= fieldCount else { return }
        let missing = columns.filter { $0 >= fieldCount }.min() ?? maxIndex
        throw AnalyticsError(file: path, line: recordLine, column: header[missing],
                             expected: "\(header.count) fields as in the header",
                             found: "\(fieldCount) field\(fieldCount == 1 ? "" : "s")")
    }

    /// An error at the current record and column `index`.
    public func error(column index: Int, expected: String) -> AnalyticsError {
        AnalyticsError(file: path, line: recordLine, column: header[index],
                       expected: expected, found: AnalyticsError.quoted(field(index)))
    }

    // MARK: Scanning

    @inline(__always)
    private func append(_ s: Int, _ e: Int) {
        if fieldCount == fieldCapacity { growFields() }
        starts[fieldCount] = s
        ends[fieldCount] = e
        fieldCount += 1
    }

    private func growFields() {
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

    /// Copies `s ..< e` of the file into scratch with `""` made `"`.
    private func appendUnescaped(_ s: Int, _ e: Int) {
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

    /// Parses one record (possibly a blank one) into the field arrays.
    @inline(__always)
    private func readRecordCountingNothing() throws -> Bool {
        guard position < end else { return false }
        recordLine = line
        fieldCount = 0
        scratchCount = 0
        var p = position
        while true {
            if p < end && base[p] == 0x22 {
                p += 1
                let s = p
                var escaped = false
                while true {
                    guard p < end else {
                        throw AnalyticsError(file: path, line: recordLine, column: columnName(fieldCount),
                                             expected: "a closing quote for the quoted field",
                                             found: "the end of the file")
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
                throw AnalyticsError(file: path, line: line, column: columnName(fieldCount - 1),
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

    private func columnName(_ index: Int) -> String? {
        index >= 0 && index < header.count ? header[index] : nil
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
