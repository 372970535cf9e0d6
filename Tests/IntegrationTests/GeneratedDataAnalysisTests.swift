/// Files written by `headroom generate` are read by `headroom analyze` as
/// they are, and the analytics find the truth the generator planted:
/// every planted stake-escalation streak is reported, the fraud labels lie
/// in the episodes of the truth file, and the fraud model trained on one
/// generated half-day catches most of the planted fraud of another at a
/// low false-positive rate. Everything runs in-process.

import ArgumentParser
import Foundation
import Testing
@testable import HeadroomCLI

@Suite struct GeneratedDataAnalysisTests {
    /// Bets without duplicates (a delivered-twice bet would add its stake
    /// twice to a day: `analyze stake-escalation` sums the rows of the file
    /// as the issue specifies), with 12 planted streaks over 9 days.
    static let betsWorkload = """
        workload:
          seed: 9
          block: 1h
          dimensions: {players: 400, games: 200}
          streams:
            bets:
              rate: 0.15/s
              keys: {zipf: 0.9}
              amount: lognormal(p50=10, p99=500)
              disorder: {fraction: 2%, delay: "lognormal(p50=2s, p99=2m)"}
              streaks: {players: 12, min_days: 3, max_days: 5}
            transactions:
              rate: 0.05/s
              amount: lognormal(p50=30, p99=800)
              duplicates: {fraction: 3%, delay: "lognormal(p50=2s, p99=1m)", status_change: 50%}
            page_views:
              rate: 0.1/s
        """

    /// Card transactions with the three planted fraud patterns.
    static let cardsWorkload = """
        workload:
          seed: 2026
          block: 10m
          dimensions: {cards: 3000, merchants: 500}
          streams:
            cards:
              type: card_transactions
              rate: 3/s
              keys: {zipf: 0.7}
              amount: lognormal(p50=25, p99=600)
              fraud: {card_testing: 6/h, account_takeover: 4/h, high_velocity: 3/h}
        """

    @Test func plantedStreaksAreAllReportedAndOtherFilesLoad() throws {
        let dir = try Workspace()
        let workload = try dir.write("bets.yaml", Self.betsWorkload)
        try run(["generate", "--workload", workload, "--from", "2026-06-01", "--to", "2026-06-10",
                 "--out", dir.path("data"), "--seed", "9", "--quiet"])
        try run(["analyze", "stake-escalation", "--bets", dir.path("data/bets.csv"), "--out", dir.path("streaks.csv")])
        let truth = try dir.rows("data/truth_streaks_bets.csv")
        let found = try dir.rows("streaks.csv")
        #expect(truth.count == 12, "12 planted streaks over 9 whole days (seed 9)")
        for planted in truth {
            let match = found.first {
                $0["player_id"] == planted["player_id"] && $0["streak_start"]! <= planted["streak_start"]!
                    && $0["streak_end"]! >= planted["streak_end"]!
            }
            #expect(match != nil, "planted streak \(planted) not reported")
            // A planted player bets on nothing but its streak: the report is exact.
            #expect(match?["streak_start"] == planted["streak_start"])
            #expect(match?["streak_len"] == planted["streak_len"])
        }
        // The other generated files load unchanged.
        try run(["analyze", "revenue", "--transactions", dir.path("data/transactions.csv"), "--as-of", "2026-06-09",
                 "--days", "7", "--out", dir.path("revenue.csv")])
        #expect(try dir.rows("revenue.csv").count >= 8)
        try run(["analyze", "sessions", "--events", dir.path("data/page_views.csv"), "--out", dir.path("sessions.csv")])
        let sessions = try dir.rows("sessions.csv")
        let events = try dir.rows("data/page_views.csv")
        let distinct = Set(events.map { [$0["user_id"]!, $0["event_ts"]!, $0["page"]!, $0["event_type"]!] })
        #expect(sessions.reduce(0) { $0 + Int($1["events_count"]!)! } == distinct.count,
                "every distinct page view lands in exactly one session")
        try run(["analyze", "top-players", "--bets", dir.path("data/bets.csv"), "--as-of", "2026-06-09",
                 "--games", dir.path("data/games.csv"), "--out", dir.path("top.csv")])
        #expect(try dir.rows("top.csv").count >= 4)
    }

    @Test func modelTrainedOnOneGeneratedHalfDayCatchesThePlantedFraudOfAnother() throws {
        let dir = try Workspace()
        let workload = try dir.write("cards.yaml", Self.cardsWorkload)
        try run(["generate", "--workload", workload, "--from", "2026-06-01", "--to", "2026-06-01 06:00",
                 "--out", dir.path("train"), "--seed", "1", "--quiet"])
        try run(["generate", "--workload", workload, "--from", "2026-06-01", "--to", "2026-06-01 06:00",
                 "--out", dir.path("test"), "--seed", "2", "--quiet"])
        try run(["train", "--transactions", dir.path("train/cards.csv"), "--out", dir.path("model.json")])
        try run(["analyze", "fraud", "--transactions", dir.path("test/cards.csv"), "--model", dir.path("model.json"),
                 "--out", dir.path("scores.csv")])
        let input = try dir.rows("test/cards.csv")
        let scores = try dir.rows("scores.csv")
        #expect(input.count == scores.count)
        // The labels are where the truth file put the episodes.
        let episodes = try dir.rows("test/truth_fraud_cards.csv")
        let labelled = input.filter { $0["is_fraud"] == "1" || $0["is_fraud"] == "true" }
        #expect(Set(labelled.map { $0["txn_id"]! }).count == episodes.reduce(0) { $0 + Int($1["txn_count"]!)! })
        for row in labelled {
            #expect(episodes.contains { $0["card_token"] == row["card_token"] && $0["start"]! <= row["ts"]! && row["ts"]! <= $0["end"]! },
                    "labelled row \(row["txn_id"]!) lies in no episode of its card")
        }
        let fraudIDs = Set(labelled.map { $0["txn_id"]! })
        var caught = 0, falseAlarms = 0
        for (row, score) in zip(input, scores) {
            #expect(row["txn_id"] == score["txn_id"])
            let flagged = score["decision"] != "ALLOW"
            if fraudIDs.contains(row["txn_id"]!) { caught += flagged ? 1 : 0 } else { falseAlarms += flagged ? 1 : 0 }
        }
        let recall = Double(caught) / Double(fraudIDs.count)
        let fpr = Double(falseAlarms) / Double(input.count - fraudIDs.count)
        #expect(labelled.count > 200, "planted fraud in 6 h (seed 2)")
        #expect(recall > 0.6, "recall \(recall) of REVIEW+BLOCK on planted fraud")
        #expect(fpr < 0.03, "false-positive rate \(fpr)")
    }

    /// Runs `headroom <arguments>` in-process; a failure is thrown with its message.
    func run(_ arguments: [String]) throws {
        do {
            var command = try HeadroomCommand.parseAsRoot(arguments)
            try command.run()
        } catch {
            throw CommandFailed(arguments: arguments, message: HeadroomCommand.message(for: error))
        }
    }
}

/// A failed in-process command, with what it printed.
struct CommandFailed: Error, CustomStringConvertible {
    var arguments: [String]
    var message: String
    var description: String { "headroom \(arguments.joined(separator: " ")): \(message)" }
}

/// A temporary directory, removed when the value goes away.
final class Workspace {
    let root: String
    init() throws {
        root = NSTemporaryDirectory() + "headroom-integration-\(getpid())-\(UInt64.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
    func path(_ name: String) -> String { root + "/" + name }
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }
    /// The rows of a CSV file without quoted commas (what these files are), by column name.
    func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}
