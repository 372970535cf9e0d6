import Testing
@testable import Analytics

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("quotes only fields that need it and round-trips through the reader")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let out = dir.path + "/out.csv"
        let writer = try CSVWriter(path: out)
        writer.header(["id", "text", "n", "ts"])
        let texts = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\rx"]
        for (i, t) in texts.enumerated() {
            writer.field(String(i))
            writer.field(t)
            writer.field(Int64(-i * 1000))
            writer.field(UTCTimestamp(microseconds: Int64(i) * 1_500_000))
            writer.endRow()
        }
        try writer.finish()
        #expect(writer.rowsWritten == texts.count)
        let text = try #require(dir.read("out.csv"))
        #expect(text.hasPrefix("id,text,n,ts\n0,plain,0,1970-01-01 00:00:00\n1,\"a,b\",-1000,1970-01-01 00:00:01.500000\n"))
        let reader = try CSVReader(path: out)
        var got: [String] = []
        while try reader.readRecord() { got.append(reader.string(1)) }
        #expect(got == texts)
    }

    @Test("nothing is left behind when the writer is dropped before finish")
    func abandoned() throws {
        let dir = TemporaryDirectory()
        do {
            let writer = try CSVWriter(path: dir.path + "/out.csv")
            writer.header(["a"])
            writer.field("x")
            writer.endRow()
        }
        #expect(dir.files().isEmpty)
    }

    @Test("a large output spanning many buffers is written completely")
    func large() throws {
        let dir = TemporaryDirectory()
        let writer = try CSVWriter(path: dir.path + "/big.csv")
        for i in 0..<200_000 { writer.field(Int64(i)); writer.field("row"); writer.endRow() }
        try writer.finish()
        let reader = try CSVReader(path: dir.path + "/big.csv")
        var n: Int64 = 1
        var ok = true
        while try reader.readRecord() { ok = ok && reader.string(0) == String(n); n += 1 }
        #expect(ok)
        #expect(n == 200_000)
        #expect(dir.files() == ["big.csv"])
    }
}
