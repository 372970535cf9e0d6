/// Builds bets files for the top-players and stake-escalation tests.

/// One bet as CSV text fields.
struct TextBet {
    var player: String
    var placedAt: String
    var stake: String
    var status: String = "settled"
    var gameID: String = "g1"
    var gameType: String = "slots"
}

/// A bets CSV with the seed's columns (odds and actual_win filled in).
func betsCSV(_ bets: [TextBet]) -> String {
    var text = "bet_id,player_id,game_id,game_type,placed_at,stake,odds,status,actual_win\n"
    for (i, b) in bets.enumerated() {
        text += "b\(i),\(b.player),\(b.gameID),\(b.gameType),\(b.placedAt),\(b.stake),2.0,\(b.status),0\n"
    }
    return text
}

/// Runs an analyze command on `bets` and returns the output CSV lines (without the header).
func analyzeBets(_ bets: [TextBet], _ arguments: [String], extraFiles: [String: String] = [:]) -> (lines: [String], outcome: CommandOutcome) {
    let dir = TemporaryDirectory()
    let input = dir.write("bets.csv", betsCSV(bets))
    var args = arguments.map { a in a.hasPrefix("@") ? dir.path + "/" + a.dropFirst() : a }
    for (name, contents) in extraFiles { dir.write(name, contents) }
    args.insert(contentsOf: ["--bets", input], at: 2)
    let outcome = runHeadroom(args + ["--out", dir.path + "/out.csv"])
    let lines = (dir.read("out.csv") ?? "").split(separator: "\n").dropFirst().map(String.init)
    return (lines, outcome)
}
