/// CSV output for time series and tables (RFC 4180 quoting, `\n` line ends).

/// A CSV file's content: a header and rows of already-formatted cells.
public struct CSVTable: Sendable, Equatable {
    /// Column names.
    public var header: [String]
    /// Rows, one cell per column.
    public var rows: [[String]]

    /// Creates a table.
    /// - Precondition: every row has one cell per header column.
    public init(header: [String], rows: [[String]] = []) {
        precondition(rows.allSatisfy { $0.count == header.count }, "CSVTable: every row needs \(header.count) cells")
        self.header = header
        self.rows = rows
    }

    /// The CSV text, ending with a newline.
    public func serialized() -> String {
        var out = header.map(CSVTable.quote).joined(separator: ",") + "\n"
        for row in rows { out += row.map(CSVTable.quote).joined(separator: ",") + "\n" }
        return out
    }

    /// Quotes a cell when it holds a comma, quote, CR or LF (RFC 4180).
    public static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
