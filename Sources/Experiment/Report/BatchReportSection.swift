/// The batch side in a run's report (``BatchRun``): CDC connectors
/// (changes, bytes per day, snapshot time, lag p50/p99/max), file drops
/// (files, bytes per day, load time, largest backlog), the nightly ELT
/// (bytes scanned, duration, finish time, cost per run and per month per
/// cloud) and the batch analytics it ran on what the sinks received
/// (revenue per day with its 7-day average for the last days, top players
/// per game type, players flagged for stake escalation).
///
/// Two entry points, called once each by the report builders:
/// ``append(_:to:)`` adds the section to the document (report.md and
/// report.html) and ``json(_:)`` gives the `batch` member of report.json.
/// The ELT's monthly cost is also inside `cost.monthly_usd` (the storage
/// side's `warehouse` line); its prices are the scenario's, so that line is unverified.

import Analytics
import Foundation
import Metrics
import Planning
import Platform
import Reporting

/// Renders the batch side.
public enum BatchReportSection {
    /// Revenue rows shown: the last this many days (all countries).
    public static let revenueDaysShown = 7

    /// Adds the batch section to `doc` when the scenario has `batch:`.
    public static func append(_ run: ScenarioRunResult, to doc: inout ReportDocument) {
        guard run.scenario.batch != nil, let s = run.storage else { return }
        doc.append(.heading(level: 2, text: "Batch side"))
        doc.append(.paragraph("CDC connectors and file drops are trace models over one horizon (seed subtree batch); their datasets are in the storage table above. The nightly ELT is one identical run a day over the datasets' daily volumes; its analytics ran on the workload's records over the run (generated with the input seed), dropped records included."))
        if !s.cdc.isEmpty {
            doc.append(.heading(level: 3, text: "CDC connectors"))
            doc.append(.table(ReportTable(columns: ["connector", "tables", "changes", "bytes/day", "snapshot", "lag p50", "lag p99", "lag max", "lags ≥ 1 h"],
                                          numeric: [false, false] + Array(repeating: true, count: 7),
                                          rows: s.cdc.map { c in
                                              let p = c.lag.percentiles()
                                              let tables = run.scenario.batch?.cdc.first { $0.name == c.name }?.tables ?? []
                                              return [c.name, tables.isEmpty ? "—" : tables.joined(separator: ", "), String(c.changes),
                                                      bytes(c.bytesPerDay), nanos(c.snapshotNanos), sec(p?.p50Seconds), sec(p?.p99Seconds),
                                                      sec(p?.maxSeconds), String(c.lag.aboveRangeCount)]
                                          })))
        }
        if !s.fileDrops.isEmpty {
            doc.append(.heading(level: 3, text: "File drops"))
            doc.append(.table(ReportTable(columns: ["drop", "drops", "files", "bytes/day", "load p50", "load p99", "load max", "most files waiting"],
                                          numeric: [false] + Array(repeating: true, count: 7),
                                          rows: s.fileDrops.map { f in
                                              let p = f.loadTime.percentiles()
                                              return [f.name, String(f.drops), String(f.files), bytes(f.bytesPerDay), sec(p?.p50Seconds),
                                                      sec(p?.p99Seconds), sec(p?.maxSeconds), String(f.maxBacklogFiles)]
                                          })))
        }
        guard let e = s.elt else { return }
        doc.append(.heading(level: 3, text: "Nightly ELT \(e.name)"))
        let job = run.scenario.batch?.elt
        doc.append(.bullets([
            "scans \(bytes(e.bytesScannedPerRun)) a run (\(job.map { "\($0.scanLayer.rawValue) of \($0.inputs.joined(separator: ", ")), \($0.scanDays) day(s)" } ?? ""))",
            "runs \(nanos(e.durationNanos)): starts \(job.map { timeOfDay($0.startOfDayNanos) } ?? "—"), finishes \(timeOfDay(e.finishOfDayNanos))",
            "warehouse prices are the scenario's (unverified); the monthly cost is in the cost per cloud as the warehouse line",
        ]))
        doc.append(.table(ReportTable(columns: ["cloud", "cost per run", "cost per month (30 runs)"], numeric: [false, true, true],
                                      rows: e.costPerRun.map { r in
                                          [r.cloud, Money(usd: r.usd).formatted, Money(usd: e.costPerMonth.first { $0.cloud == r.cloud }?.usd ?? 0).formatted]
                                      })))
        doc.append(.paragraph("Monthly cost per cloud by component (the totals above include the warehouse line):"))
        doc.append(.table(ReportTable(columns: ["cloud", "component", "service", "per month", "prices verified"], numeric: [false, false, false, true, false],
                                      rows: s.monthlyCost.flatMap { cloud in
                                          cloud.components.map { [cloud.cloud, $0.component, $0.service, Money(usd: $0.monthlyUSD).formatted, $0.verified ? "yes" : "no"] }
                                      })))
        let a = e.analytics
        let asOf = BatchAnalyticsInput.asOf(start: run.scenario.start, horizon: run.scenario.horizon)
        doc.append(.paragraph("Batch analytics as of \(asOf): \(a.transactionsOffered) transactions and \(a.betsOffered) bets offered, \(a.duplicatesRemoved) duplicate transaction rows removed."))
        if job?.analytics.revenueDataset != nil {
            let rows = lastRevenueRows(a.dailyRevenue, start: run.scenario.start)
            doc.append(rows.isEmpty ? .paragraph("Daily revenue: no successful transaction in the window.")
                       : .table(ReportTable(columns: ["date", "country", "revenue", "ma_7d"], numeric: [false, false, true, true],
                                            rows: rows.map { [$0.date.description, $0.country, $0.revenue.formatted(places: 2), $0.movingAverage7d.formatted(places: 2)] })))
        }
        if job?.analytics.betsDataset != nil {
            doc.append(a.topPlayers.isEmpty ? .paragraph("Top players: no bet in the window.")
                       : .table(ReportTable(columns: ["game type", "rank", "player", "total stake", "bets"], numeric: [false, true, false, true, true],
                                            rows: a.topPlayers.map { [$0.gameType, String($0.rank), $0.player, $0.totalStake.formatted(places: 2), String($0.bets)] })))
            doc.append(a.escalationStreaks.isEmpty ? .paragraph("Stake escalation: no player flagged.")
                       : .table(ReportTable(columns: ["player flagged", "from", "to", "days", "avg before", "avg during", "increase"],
                                            numeric: [false, false, false, true, true, true, true],
                                            rows: a.escalationStreaks.map {
                                                [$0.player, $0.start.description, $0.end.description, String($0.length),
                                                 $0.averageBefore.formatted(places: 2), $0.averageDuring.formatted(places: 2), $0.increase.formatted(places: 4)]
                                            })))
        }
    }

    /// The revenue rows of the last ``revenueDaysShown`` dates of the run (from the day of `start`, µs).
    static func lastRevenueRows(_ rows: [DailyRevenueRow], start: Int64) -> [DailyRevenueRow] {
        let firstDay = UTCTimestamp(microseconds: start).date
        let dates = Array(Set(rows.map(\.date).filter { $0 >= firstDay })).sorted().suffix(revenueDaysShown)
        guard let first = dates.first else { return [] }
        return rows.filter { $0.date >= first }
    }

    /// The `batch` member of report.json, nil when the scenario has no `batch:`.
    public static func json(_ run: ScenarioRunResult) -> (String, JSONValue)? {
        guard run.scenario.batch != nil, let s = run.storage else { return nil }
        func lag(_ h: LatencyHistogram) -> JSONValue {
            let p = h.percentiles()
            return .object([("count", .int(Int64(h.count))), ("p50_seconds", number(p?.p50Seconds)), ("p99_seconds", number(p?.p99Seconds)),
                            ("max_seconds", number(p?.maxSeconds)), ("above_range", .int(Int64(h.aboveRangeCount)))])
        }
        let cdc: [JSONValue] = s.cdc.map { c in
            .object([("name", .string(c.name)), ("changes", .int(c.changes)), ("bytes_per_day", .number(c.bytesPerDay)),
                     ("snapshot_seconds", .number(Double(c.snapshotNanos) / 1e9)), ("lag", lag(c.lag))])
        }
        let drops: [JSONValue] = s.fileDrops.map { f in
            .object([("name", .string(f.name)), ("drops", .int(f.drops)), ("files", .int(f.files)), ("bytes_per_day", .number(f.bytesPerDay)),
                     ("load_time", lag(f.loadTime)), ("max_backlog_files", .int(Int64(f.maxBacklogFiles)))])
        }
        var members: [(String, JSONValue)] = [("cdc", .array(cdc)), ("file_drops", .array(drops))]
        if let e = s.elt {
            let a = e.analytics
            let revenue: [JSONValue] = lastRevenueRows(a.dailyRevenue, start: run.scenario.start).map {
                .object([("date", .string($0.date.description)), ("country", .string($0.country)),
                         ("revenue", .string($0.revenue.formatted(places: 2))), ("ma_7d", .string($0.movingAverage7d.formatted(places: 2)))])
            }
            let top: [JSONValue] = a.topPlayers.map {
                .object([("game_type", .string($0.gameType)), ("rank", .int(Int64($0.rank))), ("player", .string($0.player)),
                         ("total_stake", .string($0.totalStake.formatted(places: 2))), ("bets", .int(Int64($0.bets)))])
            }
            let streaks: [JSONValue] = a.escalationStreaks.map {
                .object([("player", .string($0.player)), ("start", .string($0.start.description)), ("end", .string($0.end.description)),
                         ("days", .int(Int64($0.length))), ("increase", .string($0.increase.formatted(places: 4)))])
            }
            func clouds(_ amounts: [CloudAmount]) -> JSONValue {
                .object(amounts.map { ($0.cloud, .number(NSDecimalNumber(decimal: $0.usd).doubleValue)) })
            }
            let byComponent: [(String, JSONValue)] = s.monthlyCost.map { cloud in
                (cloud.cloud, .array(cloud.components.map {
                    .object([("component", .string($0.component)), ("service", .string($0.service)),
                             ("usd", .number(NSDecimalNumber(decimal: $0.monthlyUSD).doubleValue)), ("verified", .bool($0.verified))])
                }))
            }
            members.append(("monthly_cost_by_component", .object(byComponent)))
            members.append(("elt", .object([
                ("name", .string(e.name)), ("bytes_scanned_per_run", .number(e.bytesScannedPerRun)),
                ("duration_seconds", .number(Double(e.durationNanos) / 1e9)), ("finish_seconds_of_day", .number(Double(e.finishOfDayNanos) / 1e9)),
                ("cost_per_run_usd", clouds(e.costPerRun)), ("cost_per_month_usd", clouds(e.costPerMonth)),
                ("analytics", .object([
                    ("as_of", .string(BatchAnalyticsInput.asOf(start: run.scenario.start, horizon: run.scenario.horizon).description)),
                    ("transactions", .int(a.transactionsOffered)), ("bets", .int(a.betsOffered)),
                    ("duplicates_removed", .int(a.duplicatesRemoved)), ("revenue_last_days", .array(revenue)),
                    ("top_players", .array(top)), ("escalation_streaks", .array(streaks)),
                ])),
            ])))
        }
        return ("batch", .object(members))
    }

    /// Lines of the terminal summary (label, value): one per connector and drop, one for the ELT.
    public static func summaryLines(_ run: ScenarioRunResult) -> [(String, String)] {
        guard run.scenario.batch != nil, let s = run.storage else { return [] }
        var lines: [(String, String)] = []
        for c in s.cdc {
            let p = c.lag.percentiles()
            lines.append(("cdc \(c.name)", "\(c.changes) changes, lag p50 / p99 / max \(sec(p?.p50Seconds)) / \(sec(p?.p99Seconds)) / \(sec(p?.maxSeconds))"))
        }
        for f in s.fileDrops {
            lines.append(("file drop \(f.name)", "\(f.files) files, load p99 \(sec(f.loadTime.percentiles()?.p99Seconds)), most waiting \(f.maxBacklogFiles)"))
        }
        if let e = s.elt {
            let costs = e.costPerMonth.map { "\($0.cloud) \(Money(usd: $0.usd).formatted)" }.joined(separator: ", ")
            lines.append(("elt \(e.name)", "scans \(bytes(e.bytesScannedPerRun)), runs \(nanos(e.durationNanos)), finishes \(timeOfDay(e.finishOfDayNanos)); a month: \(costs)"))
        }
        return lines
    }

    static func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
    static func bytes(_ b: Double) -> String { ByteCount(bytes: b).formatted() }
    static func sec(_ s: Double?) -> String { s.map { TimeSpan(seconds: $0).formatted } ?? "—" }
    static func nanos(_ n: Int64) -> String { TimeSpan(seconds: Double(n) / 1e9).formatted }

    /// `02:00:00`, or `01:30:00 (+1 day)` past midnight.
    static func timeOfDay(_ n: Int64) -> String {
        let s = n / 1_000_000_000
        let day = s / 86_400, r = s % 86_400
        let text = String(format: "%02d:%02d:%02d", Int(r / 3600), Int(r % 3600 / 60), Int(r % 60))
        return day > 0 ? text + " (+\(day) day\(day > 1 ? "s" : ""))" : text
    }
}
