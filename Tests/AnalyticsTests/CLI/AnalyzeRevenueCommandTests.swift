import Testing

@Suite("headroom analyze revenue")
struct AnalyzeRevenueCommandTests {
    static let header = "order_id,transaction_id,user_id,amount,currency,transaction_ts,status,country\n"

    @Test("writes dt, country, revenue, ma_7d")
    func output() {
        let dir = TemporaryDirectory()
        let input = dir.write("tx.csv", Self.header + "o1,t1,u1,10.50,EUR,2024-03-10 10:00:00,SUCCESS,DE\n")
        let outcome = runHeadroom(["analyze", "revenue", "--transactions", input, "--as-of", "2024-03-10", "--days", "1", "--out", dir.path + "/r.csv"])
        #expect(outcome.exitCode == 0, "\(outcome.message)")
        #expect(dir.read("r.csv") == "dt,country,revenue,ma_7d\n2024-03-09,DE,0.00,0.00\n2024-03-10,DE,10.50,1.50\n")
    }

    @Test("a non-numeric amount names file, line and column; nothing is written")
    func nonNumericAmount() {
        let dir = TemporaryDirectory()
        let input = dir.write("tx.csv", Self.header + "o1,t1,u1,10.50,EUR,2024-03-10 10:00:00,SUCCESS,DE\no2,t2,u1,ten,EUR,2024-03-10 10:00:00,SUCCESS,DE\n")
        let outcome = runHeadroom(["analyze", "revenue", "--transactions", input, "--as-of", "2024-03-10", "--out", dir.path + "/r.csv"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("tx.csv, line 3, column amount: expected a decimal number"), "\(outcome.message)")
        #expect(dir.files() == ["tx.csv"])
    }

    @Test("empty file, header only and a missing column fail without output")
    func fileLevelErrors() {
        for (contents, mention) in [("", "line 1"), (Self.header, "line 2"),
                                    ("transaction_id,amount,transaction_ts,status\nt,1,2024-03-10 10:00:00,SUCCESS\n", "line 1, column country")] {
            let dir = TemporaryDirectory()
            let input = dir.write("tx.csv", contents)
            let outcome = runHeadroom(["analyze", "revenue", "--transactions", input, "--as-of", "2024-03-10", "--out", dir.path + "/r.csv"])
            #expect(outcome.exitCode != 0)
            #expect(outcome.message.contains("tx.csv, " + mention), "\(outcome.message)")
            #expect(dir.files() == ["tx.csv"])
        }
    }

    @Test("a bad --as-of names the flag and the form")
    func badAsOf() {
        let outcome = runHeadroom(["analyze", "revenue", "--transactions", "x.csv", "--as-of", "2024-02-30"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("--as-of") && outcome.message.contains("YYYY-MM-DD"), "\(outcome.message)")
    }
}
