import Testing

@Suite("analyze output and bad-row handling")
struct AnalyzeOutputTests {
    static let eventsHeader = "user_id,event_ts,page,event_type\n"

    @Test("an --out in a directory that does not exist is an error naming it; nothing is created")
    func unwritableOutput() {
        let dir = TemporaryDirectory()
        let input = dir.write("e.csv", Self.eventsHeader + "u,2024-03-01 10:00:00,/a,v\n")
        let out = dir.path + "/missing/dir/out.csv"
        let outcome = runHeadroom(["analyze", "sessions", "--events", input, "--out", out])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains(out) && outcome.message.contains("writable"), "\(outcome.message)")
        #expect(dir.files() == ["e.csv"])
    }

    @Test("a quoted id with an embedded newline is written quoted, and later lines keep their numbers")
    func embeddedNewline() {
        let dir = TemporaryDirectory()
        let input = dir.write("e.csv", Self.eventsHeader + "\"two\nlines\",2024-03-01 10:00:00,/a,v\nu,2024-03-01 99:00:00,/a,v\n")
        let bad = runHeadroom(["analyze", "sessions", "--events", input, "--out", dir.path + "/o.csv"])
        #expect(bad.message.contains("e.csv, line 4, column event_ts"), "\(bad.message)")
        let ok = runHeadroom(["analyze", "sessions", "--events", input, "--out", dir.path + "/o.csv", "--skip-bad-rows"])
        #expect(ok.exitCode == 0)
        #expect(dir.read("o.csv")?.contains("\"two\nlines\",") == true)
    }

    @Test("--skip-bad-rows on revenue skips the bad rows and keeps the good ones")
    func skipBadRevenueRows() {
        let dir = TemporaryDirectory()
        let header = "transaction_id,amount,transaction_ts,status,country\n"
        let input = dir.write("tx.csv", header + "t1,5.00,2024-03-10 10:00:00,SUCCESS,DE\nt2,1e2,2024-03-10 10:00:00,SUCCESS,DE\n"
                              + "t3,2.00,2024-03-10,SUCCESS,DE\nt4,3.00,2024-03-10 11:00:00,SUCCESS,\n")
        let outcome = runHeadroom(["analyze", "revenue", "--transactions", input, "--as-of", "2024-03-10", "--days", "0",
                                   "--out", dir.path + "/r.csv", "--skip-bad-rows"])
        #expect(outcome.exitCode == 0, "\(outcome.message)")
        #expect(dir.read("r.csv") == "dt,country,revenue,ma_7d\n2024-03-10,DE,5.00,0.71\n")
    }
}
