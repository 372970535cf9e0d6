import Testing
@testable import Analytics

@Suite("CSV reader")
struct CSVReaderTests {
    /// All records of `text` (after the header) as arrays of strings, with their lines.
    func records(_ text: String) throws -> (header: [String], rows: [[String]], lines: [Int]) {
        let dir = TemporaryDirectory()
        let reader = try CSVReader(path: dir.write("t.csv", text))
        var rows: [[String]] = []
        var lines: [Int] = []
        while try reader.readRecord() {
            rows.append((0..<reader.fieldCount).map { reader.string($0) })
            lines.append(reader.recordLine)
        }
        return (reader.header, rows, lines)
    }

    @Test("plain fields, CRLF and LF, missing final newline")
    func plain() throws {
        let r = try records("a,b,c\r\n1,2,3\n4,,6")
        #expect(r.header == ["a", "b", "c"])
        #expect(r.rows == [["1", "2", "3"], ["4", "", "6"]])
        #expect(r.lines == [2, 3])
    }

    @Test("quoted fields with commas, doubled quotes and embedded newlines keep line numbers")
    func quoted() throws {
        let r = try records("id,text\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"\"\n5,end\n")
        #expect(r.rows == [["1", "a,b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", ""], ["5", "end"]])
        #expect(r.lines == [2, 3, 4, 6, 7])
    }

    @Test("trailing comma gives an empty last field; blank lines are skipped")
    func trailingAndBlank() throws {
        let r = try records("a,b\n1,\n\n2,3\n\n")
        #expect(r.rows == [["1", ""], ["2", "3"]])
        #expect(r.lines == [2, 4])
    }

    @Test("byte-order mark and spaces around header names are ignored; columns found by name")
    func header() throws {
        let dir = TemporaryDirectory()
        let reader = try CSVReader(path: dir.write("t.csv", "\u{FEFF}extra, user_id ,event_ts\nx,u1,t\n"))
        #expect(reader.header == ["extra", "user_id", "event_ts"])
        #expect(try reader.requireColumns(["event_ts", "user_id"]) == [2, 1])
    }

    @Test("missing required column names the column and line 1")
    func missingColumn() throws {
        let dir = TemporaryDirectory()
        let reader = try CSVReader(path: dir.write("t.csv", "user_id,page\nu,p\n"))
        let error = #expect(throws: AnalyticsError.self) { try reader.requireColumns(["user_id", "event_ts"]) }
        #expect(error?.line == 1)
        #expect(error?.column == "event_ts")
        #expect(error?.description.contains("t.csv, line 1, column event_ts") == true)
    }

    @Test("empty file is an error naming the file")
    func emptyFile() throws {
        let dir = TemporaryDirectory()
        let path = dir.write("empty.csv", "")
        let error = #expect(throws: AnalyticsError.self) { try CSVReader(path: path) }
        #expect(error?.description.contains("empty.csv, line 1") == true)
    }

    @Test("unterminated quote and junk after a closing quote are errors with the line")
    func malformedQuotes() throws {
        let dir = TemporaryDirectory()
        let r1 = try CSVReader(path: dir.write("a.csv", "a,b\n1,2\n3,\"open\n"))
        #expect(try r1.readRecord())
        let e1 = #expect(throws: AnalyticsError.self) { try r1.readRecord() }
        #expect(e1?.line == 3)
        #expect(e1?.column == "b")
        let r2 = try CSVReader(path: dir.write("b.csv", "a,b\n\"x\"y,2\n"))
        let e2 = #expect(throws: AnalyticsError.self) { try r2.readRecord() }
        #expect(e2?.line == 2)
        #expect(e2?.column == "a")
    }

    @Test("a short row names the first missing column")
    func shortRow() throws {
        let dir = TemporaryDirectory()
        let reader = try CSVReader(path: dir.write("t.csv", "a,b,c\n1,2\n"))
        #expect(try reader.readRecord())
        let error = #expect(throws: AnalyticsError.self) { try reader.requireFields([0, 2], upTo: 2) }
        #expect(error?.column == "c")
        #expect(error?.line == 2)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        let error = #expect(throws: AnalyticsError.self) { try CSVReader(path: "/nonexistent/x.csv") }
        #expect(error?.file == "/nonexistent/x.csv")
    }
}

@Suite("CSV reader typed fields")
struct CSVReaderFieldTests {
    @Test("a malformed timestamp on line N and a non-numeric amount name file, line and column")
    func typedErrors() throws {
        let dir = TemporaryDirectory()
        let reader = try CSVReader(path: dir.write("tx.csv", "amount,ts\n1.50,2024-01-01 00:00:00\nabc,2024-01-01 00:00:00\n2,2024-02-30 00:00:00\n"))
        #expect(try reader.readRecord())
        #expect(try reader.decimal(0) == FixedDecimal("1.5")!)
        #expect(try reader.timestamp(1).description == "2024-01-01 00:00:00")
        #expect(try reader.readRecord())
        let e1 = #expect(throws: AnalyticsError.self) { try reader.decimal(0) }
        #expect(e1?.description.contains("tx.csv, line 3, column amount: expected a decimal number") == true)
        #expect(try reader.readRecord())
        let e2 = #expect(throws: AnalyticsError.self) { try reader.timestamp(1) }
        #expect(e2?.line == 4)
        #expect(e2?.column == "ts")
        #expect(e2?.found == "\"2024-02-30 00:00:00\"")
        #expect(try !reader.readRecord())
        #expect(reader.noDataRowsError().line == 2)
    }

    @Test("BadRowLog rethrows without --skip-bad-rows and keeps the first five with it")
    func badRowLog() throws {
        let e = AnalyticsError(file: "f.csv", line: 3, column: "x", expected: "y", found: nil)
        var strict = BadRowLog(skipsBadRows: false)
        #expect(throws: AnalyticsError.self) { try strict.record(e) }
        var lenient = BadRowLog(skipsBadRows: true)
        for i in 0..<8 { try lenient.record(AnalyticsError(file: "f.csv", line: i + 2, column: "x", expected: "y", found: nil)) }
        #expect(lenient.count == 8)
        #expect(lenient.firstRows.map(\.line) == [2, 3, 4, 5, 6])
        #expect(lenient.reportLines.first == "skipped 8 bad rows; first 5:")
    }
}
