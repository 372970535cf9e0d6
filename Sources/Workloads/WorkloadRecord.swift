/// The common shape of every generated record, and its encoder.
///
/// A record knows its columns (the seeds' names, in order), its event time,
/// and the time it *arrives* at the pipeline (`arrival`, equal to the event
/// time unless the record was delayed or is a retried duplicate). Files are
/// written in arrival order; `arrival` itself is not a column.
///
/// One `encode` per record type serves both output formats: the
/// ``RecordEncoder`` writes a CSV field or a `"name":value` JSON member.

/// Output file formats.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    case csv
    /// Newline-delimited JSON: one object per line, no header.
    case ndjson

    /// File name extension.
    public var fileExtension: String { rawValue }
}

/// A generated record of one of the seeds' schemas.
public protocol WorkloadRecord: Sendable {
    /// Column names, in file order (the seeds' names).
    static var columns: [String] { get }
    /// The event time, µs since the Unix epoch (UTC).
    var eventTime: Int64 { get }
    /// When the record reaches the pipeline, µs since the epoch; ≥ `eventTime`.
    var arrival: Int64 { get set }
    /// Writes the fields in `columns` order.
    func encode(_ encoder: inout RecordEncoder)
}

extension WorkloadRecord {
    /// The size of this record serialized in `format`, in bytes, including
    /// the line break (for storage accounting).
    /// - Complexity: O(size); encodes into a scratch buffer.
    public func serializedSize(_ format: OutputFormat) -> Int {
        var encoder = RecordEncoder(format: format, columns: Self.columns)
        encoder.record(self)
        return encoder.buffer.count
    }
}

/// Encodes records field by field into a ``RowBuffer``.
public struct RecordEncoder {
    /// The encoded rows.
    public var buffer: RowBuffer
    /// CSV or NDJSON.
    public let format: OutputFormat
    /// `"name":` for each column, pre-encoded (NDJSON only).
    let keys: [[UInt8]]
    /// Index of the next field of the current row.
    var column = 0
    /// Rows encoded so far (never reset by emptying the buffer).
    public private(set) var rows = 0

    /// An encoder for records with these columns.
    public init(format: OutputFormat, columns: [String], capacity: Int = 0) {
        self.format = format
        self.buffer = RowBuffer(capacity: capacity)
        self.keys = columns.map { name in
            var b = RowBuffer()
            b.appendJSONString(name)
            b.append(UInt8(ascii: ":"))
            return b.bytes
        }
    }

    /// Encodes one whole record and its line break.
    public mutating func record<R: WorkloadRecord>(_ r: R) {
        column = 0
        r.encode(&self)
        finishRow()
    }

    /// The CSV header line (empty for NDJSON).
    public static func header(columns: [String], format: OutputFormat) -> [UInt8] {
        guard format == .csv else { return [] }
        return Array((columns.joined(separator: ",") + "\n").utf8)
    }


    mutating func finishRow() {
        rows += 1
        if format == .ndjson {
            if column == 0 { buffer.append("{}") } else { buffer.append(UInt8(ascii: "}")) }
        }
        buffer.append(10)
    }

    @inline(__always)
    mutating func separator() {
        if format == .csv {
            if column > 0 { buffer.append(UInt8(ascii: ",")) }
        } else {
            buffer.append(column == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            buffer.append(bytes: keys[column])
        }
        column += 1
    }

    /// An integer field.
    public mutating func int(_ v: Int64) { separator(); buffer.append(int: v) }

    /// A money field from minor units: `12.50` (a number in JSON too).
    public mutating func cents(_ v: Int64) { separator(); buffer.append(cents: v) }

    /// A number with fixed decimals (`2.35`).
    public mutating func fixed(_ v: Double, decimals: Int) { separator(); buffer.append(fixed: v, decimals: decimals) }

    /// A timestamp field, `YYYY-MM-DD HH:MM:SS.ffffff` (a string in JSON).
    public mutating func timestamp(_ t: Int64) {
        separator()
        if format == .ndjson { buffer.append(34) }
        buffer.appendTimestamp(t)
        if format == .ndjson { buffer.append(34) }
    }

    /// A word from a fixed vocabulary (no escaping needed).
    public mutating func word(_ w: StaticString) {
        separator()
        if format == .ndjson { buffer.append(34) }
        buffer.append(w)
        if format == .ndjson { buffer.append(34) }
    }

    /// Free text, quoted or escaped as the format needs.
    public mutating func text(_ s: String) {
        separator()
        if format == .csv { buffer.appendCSVField(s) } else { buffer.appendJSONString(s) }
    }

    /// A boolean: `true`/`false` in both formats.
    public mutating func bool(_ b: Bool) {
        separator()
        buffer.append(b ? "true" : "false")
    }

    /// A nested JSON object given as text (CDC images): a quoted string in
    /// CSV, a raw object in NDJSON; `null` when absent (empty in CSV).
    public mutating func json(_ object: String?) {
        separator()
        guard let object else {
            if format == .ndjson { buffer.append("null") }
            return
        }
        if format == .csv { buffer.appendCSVField(object) } else { buffer.append(raw: object) }
    }
}
