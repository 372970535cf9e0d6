/// `headroom analyze stake-escalation`: players whose daily stake grows by
/// at least a threshold for several calendar days in a row.

import Analytics
import ArgumentParser

/// The responsible-gambling stake-escalation check.
struct AnalyzeStakeEscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stake-escalation",
        abstract: "Streaks of calendar days on which a player's daily stake grew by at least --threshold.",
        discussion: """
            Input columns used: player_id, placed_at, stake, status (void bets, any case, are ignored). \
            Day d is flagged when total(d−1) > 0 and total(d) ≥ (1 + threshold) × total(d−1), d−1 being \
            the previous calendar day (a day without bets has total 0). A streak is a maximal run of \
            ≥ --min-days consecutive flagged days. avg_before averages the 3 calendar days before the \
            streak, avg_during the streak's days; pct_increase_overall = (avg_during − avg_before) / \
            avg_before, exact. Sorted by pct_increase_overall desc, streak_len desc, player_id, streak_start.
            """)

    @Option(help: ArgumentHelp("The bets CSV.", valueName: "FILE"))
    var bets: String

    @Option(help: "Daily growth that flags a day, as a fraction (0.5 = +50%), exact, at least 0.")
    var threshold: String = "0.5"

    @Option(help: "Shortest streak reported, in days.")
    var minDays: Int = 3

    @OptionGroup var output: AnalyzeOutputOptions

    func parsedThreshold() throws -> FixedDecimal {
        guard let t = FixedDecimal(threshold), t >= .zero else {
            throw ValidationError("invalid --threshold: expected a decimal fraction at least 0 such as 0.5, got \"\(threshold)\"")
        }
        return t
    }

    func validate() throws {
        _ = try parsedThreshold()
        guard minDays >= 1 else { throw ValidationError("invalid --min-days: must be at least 1, got \(minDays)") }
    }

    func run() throws {
        var badRows = output.badRowLog
        var check = StakeEscalation(threshold: try parsedThreshold(), minimumDays: minDays)
        try BetFile.forEachBet(path: bets, requireGameID: false, badRows: &badRows) { check.add($0) }
        let streaks = check.streaks()
        let writer = try output.writer(header: StakeEscalation.header)
        for s in streaks {
            writer.field(s.player)
            writer.field(s.start)
            writer.field(s.end)
            writer.field(s.length)
            writer.field(s.averageBefore.formatted(places: 2))
            writer.field(s.averageDuring.formatted(places: 2))
            writer.field(s.increase.formatted(places: 4))
            writer.endRow()
        }
        try writer.finish()
        output.report("stake-escalation: \(check.betsCounted) bets (\(check.voidBets) void ignored), "
                      + "\(streaks.count) streaks of at least \(minDays) days -> \(output.destination)", badRows: badRows)
    }
}
