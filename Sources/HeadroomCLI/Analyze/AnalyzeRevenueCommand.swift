/// `headroom analyze revenue`: daily revenue per country with a 7-day moving
/// average, after deduplicating transactions.

import Analytics
import ArgumentParser

/// Daily revenue per country from a transactions file.
struct AnalyzeRevenueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revenue",
        abstract: "Daily revenue per country with a calendar 7-day moving average, transactions deduplicated.",
        discussion: """
            Input columns used: transaction_id, amount, transaction_ts, status, country (order_id, \
            user_id, currency may be present). Rows after the end of --as-of are dropped; then per \
            transaction_id the latest row wins (SUCCESS wins a timestamp tie, then the later row in \
            the file). Revenue sums rows whose status is exactly SUCCESS. Output: dt, country, revenue, \
            ma_7d for every date in [as-of − days, as-of] and every country with a kept row in \
            [as-of − days − 6, as-of]; ma_7d averages 7 calendar days (missing days count as 0), \
            rounded half away from zero.
            """)

    @Option(help: ArgumentHelp("The transactions CSV.", valueName: "FILE"))
    var transactions: String

    @Option(help: ArgumentHelp("The last date reported (UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: "Days before --as-of to report (the output has days + 1 dates per country).")
    var days: Int = 90

    @OptionGroup var output: AnalyzeOutputOptions

    func validate() throws {
        _ = try AnalyzeValues.date(asOf, flag: "--as-of")
        guard days >= 0 && days <= 100_000 else { throw ValidationError("invalid --days: must be 0...100000, got \(days)") }
    }

    func run() throws {
        let date = try AnalyzeValues.date(asOf, flag: "--as-of")
        var badRows = output.badRowLog
        let revenue = try DailyRevenue.read(path: transactions, asOf: date, days: Int64(days), badRows: &badRows)
        let rows = revenue.rows()
        let writer = try output.writer(header: DailyRevenue.header)
        for r in rows {
            writer.field(r.date)
            writer.field(r.country)
            writer.field(r.revenue.formatted(places: 2))
            writer.field(r.movingAverage7d.formatted(places: 2))
            writer.endRow()
        }
        try writer.finish()
        let kept = revenue.keptCounts
        output.report("revenue: \(revenue.winners.rowsOffered + revenue.rowsAfterAsOf) rows, \(revenue.rowsAfterAsOf) after \(date), "
                      + "\(kept.transactions) distinct transactions (\(kept.successes) SUCCESS), "
                      + "\(rows.count) rows for \(Set(rows.map(\.country)).count) countries -> \(output.destination)", badRows: badRows)
    }
}
