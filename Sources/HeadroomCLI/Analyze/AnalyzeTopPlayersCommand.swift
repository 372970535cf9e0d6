/// `headroom analyze top-players`: the top N players per game type by total
/// stake over the last days.

import Analytics
import ArgumentParser

/// Top players per game type from a bets file.
struct AnalyzeTopPlayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top-players",
        abstract: "Top N players per game type by total stake in [as-of − days, as-of], void bets excluded.",
        discussion: """
            Input columns used: player_id, placed_at, stake, status, and game_type and/or game_id \
            when present. A bet counts when placed_at is in [as-of − days at 00:00, as-of + 1 day at \
            00:00) UTC and its status is not void (any case). game_type comes from the bet, or when \
            empty or absent from --games (game_id, game_type); otherwise it is `unknown`. Ties in \
            total stake are broken by player_id ascending. Output: game_type, rank, player_id, \
            total_stake, bets, sorted by game_type, rank.
            """)

    @Option(help: ArgumentHelp("The bets CSV.", valueName: "FILE"))
    var bets: String

    @Option(help: ArgumentHelp("The last date counted (UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: "Days before --as-of included in the window.")
    var days: Int = 30

    @Option(help: "Players reported per game type.")
    var top: Int = 5

    @Option(help: ArgumentHelp("A game dimension CSV (game_id, game_type) for bets without a game_type.", valueName: "FILE"))
    var games: String?

    @OptionGroup var output: AnalyzeOutputOptions

    func validate() throws {
        _ = try AnalyzeValues.date(asOf, flag: "--as-of")
        guard days >= 0 && days <= 100_000 else { throw ValidationError("invalid --days: must be 0...100000, got \(days)") }
        guard top >= 1 else { throw ValidationError("invalid --top: must be at least 1, got \(top)") }
    }

    func run() throws {
        let date = try AnalyzeValues.date(asOf, flag: "--as-of")
        var badRows = output.badRowLog
        let catalog = try games.map { try GameCatalog.read(path: $0, badRows: &badRows) }
        var report = TopPlayers(asOf: date, days: Int64(days), top: top)
        try BetFile.forEachBet(path: bets, requireGameID: games != nil, badRows: &badRows) { report.add($0, catalog: catalog) }
        let rows = report.rows()
        let writer = try output.writer(header: TopPlayers.header)
        for r in rows {
            writer.field(r.gameType)
            writer.field(r.rank)
            writer.field(r.player)
            writer.field(r.totalStake.formatted(places: 2))
            writer.field(r.bets)
            writer.endRow()
        }
        try writer.finish()
        output.report("top-players: \(report.betsCounted) bets counted (\(report.betsExcluded) void or outside the window), "
                      + "\(report.unknownTypeBets) with unknown game_type, \(rows.count) rows -> \(output.destination)", badRows: badRows)
    }
}
