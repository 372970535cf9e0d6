import Testing

@Suite("analyze top-players rules")
struct TopPlayersTests {
    func top(_ bets: [TextBet], _ extra: [String] = [], files: [String: String] = [:]) -> [String] {
        let r = analyzeBets(bets, ["analyze", "top-players", "--as-of", "2024-03-31", "--days", "30"] + extra, extraFiles: files)
        #expect(r.outcome.exitCode == 0, "\(r.outcome.message)")
        return r.lines
    }

    @Test("a tie at the top-5 cut-off is broken by player_id ascending")
    func tieAtTop5CutOff() {
        let stakes = [("p1", "50"), ("p2", "40"), ("p3", "30"), ("p4", "20"), ("p7", "10"), ("p6", "10.00"), ("p5", "9.99")]
        let lines = top(stakes.map { TextBet(player: $0.0, placedAt: "2024-03-20 10:00:00", stake: $0.1) })
        #expect(lines == [
            "slots,1,p1,50.00,1", "slots,2,p2,40.00,1", "slots,3,p3,30.00,1", "slots,4,p4,20.00,1", "slots,5,p6,10.00,1",
        ])
    }

    @Test("void bets (any case) are excluded; other statuses count")
    func voidBets() {
        let lines = top([
            TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "100", status: "VOID"),
            TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "100", status: "Void"),
            TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "1.5", status: "lost"),
            TextBet(player: "b", placedAt: "2024-03-20 10:00:00", stake: "2", status: "void "),  // not exactly void: counts
        ])
        #expect(lines == ["slots,1,b,2.00,1", "slots,2,a,1.50,1"])
    }

    @Test("window is [as-of − days 00:00, as-of + 1 day 00:00) in UTC")
    func window() {
        let lines = top([
            TextBet(player: "in1", placedAt: "2024-03-01 00:00:00", stake: "1"),
            TextBet(player: "out1", placedAt: "2024-02-29 23:59:59.999999", stake: "1"),
            TextBet(player: "in2", placedAt: "2024-03-31 23:59:59.999999", stake: "1"),
            TextBet(player: "out2", placedAt: "2024-04-01 00:00:00", stake: "1"),
            TextBet(player: "out3", placedAt: "2024-04-01T01:00:00+02:00", stake: "9"),  // 03-31 23:00 UTC: inside
        ])
        #expect(lines == ["slots,1,out3,9.00,1", "slots,2,in1,1.00,1", "slots,3,in2,1.00,1"])
    }

    @Test("game_type from the row, else from --games, else unknown")
    func gameTypes() {
        let bets = [
            TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "5", gameID: "g1", gameType: "poker"),
            TextBet(player: "b", placedAt: "2024-03-20 10:00:00", stake: "6", gameID: "g2", gameType: ""),
            TextBet(player: "c", placedAt: "2024-03-20 10:00:00", stake: "7", gameID: "g9", gameType: ""),
        ]
        #expect(top(bets, ["--games", "@games.csv"], files: ["games.csv": "game_type,game_id\nroulette,g2\npoker,g1\n"])
                == ["poker,1,a,5.00,1", "roulette,1,b,6.00,1", "unknown,1,c,7.00,1"])
        #expect(top(bets) == ["poker,1,a,5.00,1", "unknown,1,c,7.00,1", "unknown,2,b,6.00,1"])
    }

    @Test("totals are exact sums over bets; bets counts them")
    func totals() {
        let bets = (0..<10).map { _ in TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "0.1") }
        #expect(top(bets) == ["slots,1,a,1.00,10"])
    }

    @Test("a non-numeric stake names file, line and column; nothing written")
    func badStake() {
        let r = analyzeBets([TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "1"),
                             TextBet(player: "a", placedAt: "2024-03-20 10:00:00", stake: "1x5")],
                            ["analyze", "top-players", "--as-of", "2024-03-31"])
        #expect(r.outcome.exitCode != 0)
        #expect(r.outcome.message.contains("bets.csv, line 3, column stake"), "\(r.outcome.message)")
        #expect(r.lines.isEmpty)
    }
}
