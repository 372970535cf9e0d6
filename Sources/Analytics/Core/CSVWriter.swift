/// A buffered CSV writer that quotes fields only when they need it and
/// writes to a temporary file that is renamed over the target only when the
/// output is complete, so a failed run never leaves a partial file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes CSV rows to a file (atomically, on ``finish()``) or to stdout.
///
/// A field is quoted when it contains `,`, `"`, `\r` or `\n`; quotes inside are
/// doubled. Rows end with `\n`. Output is buffered in 1 MiB chunks.
public final class CSVWriter {
    /// The final path, or `nil` for stdout.
    public let path: String?
    private let temporaryPath: String?
    private var fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 20
    private var count = 0
    private var atRowStart = true
    private var finished = false
    /// Data rows written (the header row not counted).
    public private(set) var rowsWritten = 0
    private var headerPending = false

    /// A writer to `path` (through a temporary file beside it) or to stdout when `nil`.
    /// - Throws: ``AnalyticsError`` when the temporary file cannot be created.
    public init(path: String?) throws {
        self.path = path
        buffer = .allocate(capacity: capacity)
        guard let path else {
            temporaryPath = nil
            fd = 1
            return
        }
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let tmp = "\(dir).\(name).tmp-\(getpid())"
        temporaryPath = tmp
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            finished = true   // nothing to remove; deinit frees the buffer
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "a writable output location", found: String(cString: strerror(errno)))
        }
    }

    deinit {
        if !finished, let temporaryPath {
            close(fd)
            unlink(temporaryPath)
        }
        buffer.deallocate()
    }

    /// Writes a header row of `names`.
    public func header(_ names: [String]) {
        for n in names { field(n) }
        endRow()
        rowsWritten -= 1
    }

    /// Writes one field, quoting it when needed.
    @inline(__always)
    public func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        separator()
        var needsQuotes = false
        for c in bytes where c == 0x2C || c == 0x22 || c == 0x0A || c == 0x0D { needsQuotes = true; break }
        if !needsQuotes {
            put(bytes)
            return
        }
        reserve(1)
        buffer[count] = 0x22
        count += 1
        for c in bytes {
            reserve(2)
            if c == 0x22 { buffer[count] = 0x22; count += 1 }
            buffer[count] = c
            count += 1
        }
        reserve(1)
        buffer[count] = 0x22
        count += 1
    }

    /// Writes one text field, quoting it when needed.
    public func field(_ text: String) {
        var t = text
        t.withUTF8 { field($0) }
    }

    /// Writes a field that is known to need no quoting (digits, dates, hex).
    @inline(__always)
    public func rawField(_ bytes: UnsafeBufferPointer<UInt8>) {
        separator()
        put(bytes)
    }

    /// Writes an integer field.
    @inline(__always)
    public func field(_ value: Int64) {
        separator()
        reserve(20)
        var v = value.magnitude
        if value < 0 { buffer[count] = 0x2D; count += 1 }
        var digits = 1
        var t = v
        while t >= 10 { t /= 10; digits += 1 }
        var k = count + digits - 1
        repeat { buffer[k] = UInt8(v % 10) + 0x30; v /= 10; k -= 1 } while v != 0
        count += digits
    }

    /// Writes an integer field.
    @inline(__always)
    public func field(_ value: Int) { field(Int64(value)) }

    /// Writes a timestamp field as `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    @inline(__always)
    public func field(_ value: UTCTimestamp) {
        separator()
        reserve(26)
        count += value.write(to: buffer + count)
    }

    /// Writes a date field as `YYYY-MM-DD`.
    public func field(_ value: CivilDate) { field(value.description) }

    /// Ends the current row.
    @inline(__always)
    public func endRow() {
        reserve(1)
        buffer[count] = 0x0A
        count += 1
        atRowStart = true
        rowsWritten += 1
    }

    /// Flushes everything and, for a file, renames the temporary file to ``path``.
    /// - Throws: ``AnalyticsError`` when writing or renaming fails; the
    ///   temporary file is then removed.
    public func finish() throws {
        try flush()
        guard let path, let temporaryPath else { finished = true; return }
        finished = true
        let closed = close(fd)
        guard closed == 0, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "the output to be written completely", found: reason)
        }
    }

    // MARK: Buffer

    @inline(__always)
    private func separator() {
        if atRowStart { atRowStart = false; return }
        reserve(1)
        buffer[count] = 0x2C
        count += 1
    }

    @inline(__always)
    private func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity - count {
            drain()
            if bytes.count > capacity { writeAll(src, bytes.count); return }
        }
        (buffer + count).update(from: src, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { drain() }
    }

    private var writeError: String?

    /// Writes the buffer out; a write error is kept and reported by `finish()`.
    private func drain() {
        writeAll(buffer, count)
        count = 0
    }

    private func writeAll(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard writeError == nil else { return }
        var done = 0
        while done < n {
            #if canImport(Glibc)
            let w = Glibc.write(fd, p + done, n - done)
            #else
            let w = Darwin.write(fd, p + done, n - done)
            #endif
            if w < 0 {
                if errno == EINTR { continue }
                writeError = String(cString: strerror(errno))
                return
            }
            done += w
        }
    }

    private func flush() throws {
        writeAll(buffer, count)
        count = 0
        if let writeError {
            if let temporaryPath { close(fd); unlink(temporaryPath); finished = true }
            throw AnalyticsError(file: path ?? "stdout", line: nil, column: nil,
                                 expected: "the output to be written completely", found: writeError)
        }
    }
}
