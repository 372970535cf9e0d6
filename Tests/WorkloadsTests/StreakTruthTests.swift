import Foundation
import Testing
import Variates
@testable import Workloads

/// Planted stake-escalation streaks are exactly what an independent
/// calendar-day check finds in the generated bets file.
@Suite struct StreakTruthTests {
    /// Parses the bets CSV and finds streaks with the seed's rule, written
    /// here independently of the generator: day d counts when the stake on
    /// calendar day d − 1 is > 0 and day d's is ≥ 1.5× it; runs of ≥ 3
    /// consecutive counted days are streaks. Duplicates are removed by bet_id.
    static func streaks(inBetsCSV text: String) -> Set<String> {
        var lines = text.split(separator: "\n")
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let id = header.firstIndex(of: "bet_id")!, player = header.firstIndex(of: "player_id")!
        let placed = header.firstIndex(of: "placed_at")!, stake = header.firstIndex(of: "stake")!
        var seen = Set<Substring>()
        var daily: [String: [String: Int]] = [:]   // player -> date -> cents
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard seen.insert(f[id]).inserted else { continue }
            let date = String(f[placed].prefix(10))
            let parts = f[stake].split(separator: ".")
            let cents = Int(parts[0])! * 100 + Int(parts[1])!
            daily[String(f[player]), default: [:]][date, default: 0] += cents
        }
        var found = Set<String>()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        for (p, days) in daily {
            var run: [String] = []
            func close() { if run.count >= 3 { found.insert("\(p),\(run.first!),\(run.last!),\(run.count)") }; run = [] }
            for date in days.keys.sorted() {
                let previous = formatter.string(from: formatter.date(from: date)!.addingTimeInterval(-86_400))
                if let before = days[previous], before > 0, Double(days[date]!) >= 1.5 * Double(before) {
                    if let last = run.last, formatter.string(from: formatter.date(from: last)!.addingTimeInterval(86_400)) != date { close() }
                    run.append(date)
                } else {
                    close()
                }
            }
            close()
        }
        return found
    }

    @Test func everyPlantedStreakIsFoundExactlyAndNoOtherOnPlantedPlayers() throws {
        let dir = ShardingTests.temporaryDirectory("streaks")
        let files = try ShardingTests.write(dir, shard: 0, of: 1)
        let bets = String(decoding: FileManager.default.contents(atPath: files[0].path)!, as: UTF8.self)
        let truthLines = String(decoding: FileManager.default.contents(atPath: files[1].path)!, as: UTF8.self).split(separator: "\n")
        #expect(truthLines.first == "player_id,streak_start,streak_end,streak_len")
        let truth = Set(truthLines.dropFirst().map(String.init))
        #expect(truth.count == 6)
        let found = StreakTruthTests.streaks(inBetsCSV: bets)
        let plantedPlayers = Set(truth.map { $0.split(separator: ",")[0] })
        #expect(plantedPlayers.allSatisfy { Int($0)! > 500 }, "planted players come after the background players")
        let foundOnPlanted = found.filter { plantedPlayers.contains($0.split(separator: ",")[0]) }
        #expect(foundOnPlanted == truth, "found \(foundOnPlanted.sorted()), planted \(truth.sorted()) (seed 5)")
        try FileManager.default.removeItem(atPath: dir)
    }
}
