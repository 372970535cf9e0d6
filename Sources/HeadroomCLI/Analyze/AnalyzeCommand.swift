/// `headroom analyze`: the reference answers of the seed's SQL and PySpark
/// questions, computed from a user's own CSV files with exact, documented
/// rules (docs/analytics.md).

import ArgumentParser

/// The `analyze` command group.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Reference analytics over CSV files: sessions, revenue, top players, stake escalation, fraud scoring.",
        discussion: """
            Input is CSV with a header row; columns are found by name in any order and extra \
            columns are ignored. Timestamps are ISO 8601 (UTC unless they carry Z or ±HH:MM). \
            Money is exact. Output is CSV to --out (written completely or not at all) or stdout; \
            a one-line summary goes to stderr. The rules are in docs/analytics.md.
            """,
        subcommands: [
            AnalyzeSessionsCommand.self,
            AnalyzeRevenueCommand.self,
            AnalyzeTopPlayersCommand.self,
            AnalyzeStakeEscalationCommand.self,
            AnalyzeFraudCommand.self,
        ]
    )
}
