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
    /// Number of data records read so far (blank lines not counted).
    public private(set) var recordsRead = 0

    private let file: MappedFile
    private var state: CSVScanState
    private let emptyStorage: UnsafeMutablePointer<UInt8>?   // stands in for the base of an empty file

    /// 1-based line on which the current record starts.
    public var recordLine: Int { state.recordLine }
    /// Number of fields in the current record.
    public var fieldCount: Int { state.fieldCount }
    /// Size of the file in bytes.
    public var byteCount: Int { state.end }

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
        let base: UnsafePointer<UInt8>
        if let b = file.bytes.baseAddress {
            base = b
            emptyStorage = nil
        } else {
            let e = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            emptyStorage = e
            base = UnsafePointer(e)
        }
        let end = file.bytes.count
        state = CSVScanState(base: base, end: end)
        if end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { state.position = 3 }
        guard try scan() else {
            throw AnalyticsError(file: path, line: 1, column: nil,
                                 expected: "a header row naming the columns", found: "an empty file")
        }
        header = (0..<state.fieldCount).map { i in
            String(decoding: state.field(i), as: UTF8.self).trimmingASCIISpaces()
        }
    }

    deinit {
        state.deallocate()
        emptyStorage?.deallocate()
    }

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
            guard try scan() else { return false }
            if state.isBlank { continue }
            recordsRead += 1
            return true
        }
    }

    @inline(__always)
    private func scan() throws -> Bool {
        do {
            return try state.scanRecord()
        } catch {
            throw AnalyticsError(file: path, line: error.line,
                                 column: error.field >= 0 && error.field < header.count ? header[error.field] : nil,
                                 expected: error.expected, found: error.found)
        }
    }

    /// The bytes of field `index` of the current record (no quotes, `""` unescaped).
    /// - Precondition: `index < fieldCount`.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index < state.fieldCount, "CSVReader.field(\(index)) of a record with \(state.fieldCount) fields")
        return state.field(index)
    }

    /// Whether field `index` is a view of the mapped file (valid while the reader
    /// lives) rather than of the per-record scratch buffer (valid until the next read).
    @inline(__always)
    public func isFieldInFile(_ index: Int) -> Bool {
        precondition(index < state.fieldCount, "CSVReader.isFieldInFile(\(index)) of a record with \(state.fieldCount) fields")
        return state.starts[index] >= 0
    }

    /// Field `index` as a `String` (UTF-8, invalid bytes replaced).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Throws unless the current record has a field for every index in
    /// `columns`; the error names the first missing column.
    @inline(__always)
    public func requireFields(_ columns: [Int], upTo maxIndex: Int) throws {
        guard maxIndex >= state.fieldCount else { return }
        let count = state.fieldCount
        let missing = columns.filter { $0 >= count }.min() ?? maxIndex
        throw AnalyticsError(file: path, line: recordLine, column: header[missing],
                             expected: "\(header.count) fields as in the header",
                             found: "\(count) field\(count == 1 ? "" : "s")")
    }

    /// An error at the current record and column `index`.
    public func error(column index: Int, expected: String) -> AnalyticsError {
        AnalyticsError(file: path, line: recordLine, column: header[index],
                       expected: expected, found: AnalyticsError.quoted(field(index)))
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
