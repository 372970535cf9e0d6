import Foundation
import Testing
@testable import Experiment
import Workloads

/// Bad workload files get clear errors naming the file, line, field and
/// what was expected, all errors of a file at once.
@Suite struct WorkloadFileErrorTests {
    /// The issues of `text`, or none when it loads.
    static func issues(_ text: String) -> [ConfigIssue] {
        do {
            _ = try WorkloadFile.load(text: text, file: "bad.yaml")
            return []
        } catch let errors as ConfigErrors {
            return errors.issues
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    static func one(_ text: String) -> ConfigIssue? {
        let found = issues(text)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    @Test func negativeRateNamesTheFieldAndLine() throws {
        let issue = try #require(WorkloadFileErrorTests.one("""
            workload:
              streams:
                bets:
                  rate: -5/s
            """))
        #expect(issue.line == 4 && issue.column == 13)
        #expect(issue.path == "workload.streams.bets.rate")
        #expect(issue.message.contains("cannot be negative"))
        #expect(issue.description.hasPrefix("bad.yaml:4:13: workload.streams.bets.rate:"))
        #expect(issue.expected.contains("50k/s"))
    }

    @Test func spikeMultiplierZeroIsRejected() throws {
        let issue = try #require(WorkloadFileErrorTests.one("""
            workload:
              streams:
                bets:
                  rate: 100/s
                  spikes:
                    - {start: 2026-06-06 19:00, duration: 2h, multiplier: 0}
            """))
        #expect(issue.line == 6)
        #expect(issue.path == "workload.streams.bets.spikes[0].multiplier")
        #expect(issue.message.contains("greater than 0"))
    }

    @Test func hotKeyShareAboveOneIsRejected() throws {
        for share in ["1.5", "150%"] {
            let issue = try #require(WorkloadFileErrorTests.one("""
                workload:
                  streams:
                    cards:
                      type: card_transactions
                      rate: 10/s
                      keys:
                        hot: [{key: 3, share: \(share)}]
                """))
            #expect(issue.line == 7)
            #expect(issue.path == "workload.streams.cards.keys.hot[0].share")
            #expect(issue.message.contains("at most 1"))
        }
        // Shares that are each fine but add up to more than 100%.
        let sum = try #require(WorkloadFileErrorTests.one("""
            workload:
              streams:
                bets:
                  rate: 10/s
                  keys:
                    hot: [{key: 3, share: 60%}, {key: 4, share: 50%}]
            """))
        #expect(sum.path == "workload.streams.bets.keys.hot" && sum.message.contains("more than 100%"))
    }

    @Test func unknownFieldGetsTheNearestName() {
        let all = WorkloadFileErrorTests.issues("""
            workload:
              streams:
                bets:
                  rat: 100/s
                  rate: 100/s
                  disorder: {fracton: 1%, delay: "exp(mean=1s)", fraction: 1%}
            """)
        #expect(all.count == 2)
        #expect(all[0].line == 4 && all[0].message == "unknown field `rat` (did you mean `rate`?)")
        #expect(all[1].line == 6 && all[1].message == "unknown field `fracton` (did you mean `fraction`?)")
        #expect(all[1].path == "workload.streams.bets.disorder.fracton")
    }

    @Test func wrongTypesAreNamed() {
        let all = WorkloadFileErrorTests.issues("""
            workload:
              dimensions: {players: many}
              streams:
                bets:
                  rate: [1, 2]
                  keys: 5
            """)
        #expect(all.map(\.line) == [2, 5, 6])
        #expect(all[0].path == "workload.dimensions.players" && all[0].message.contains("\"many\""))
        #expect(all[1].path == "workload.streams.bets.rate" && all[1].message.contains("got a list"))
        #expect(all[2].path == "workload.streams.bets.keys" && all[2].message.contains("expected a mapping"))
    }

    @Test func yamlSyntaxErrorHasItsLine() throws {
        let issue = try #require(WorkloadFileErrorTests.one("""
            workload:
              streams:
                bets: {rate: 100/s
                logins:
                  rate: 5/s
            """))
        #expect(issue.line >= 3 && issue.message.hasPrefix("YAML syntax error"))
    }

    @Test func everyErrorOfAFileIsReportedAtOnce() {
        let all = WorkloadFileErrorTests.issues("""
            workload:
              block: 7m
              streams:
                bets:
                  rate: -1/s
                  streaks: {players: 5, min_days: 2}
                page_views:
                  rate: 10/s
                  streaks: {players: 1}
                  duplicates: {fraction: 2, delay: "exp(mean=1s)"}
                mystery:
                  rate: 1/s
              events:
                - {name: final, start: 2026-06-06 19:00, duration: 1h, multiplier: 5, ramp: 40m, streams: [bet]}
            """)
        let lines = all.map(\.line)
        #expect(lines == lines.sorted())
        let paths = Set(all.map(\.path))
        for expected in ["workload.block", "workload.streams.bets.rate", "workload.streams.bets.streaks.min_days",
                         "workload.streams.page_views.streaks", "workload.streams.page_views.duplicates.fraction",
                         "workload.streams.mystery.type", "workload.events[0]", "workload.events[0].streams[0]"] {
            #expect(paths.contains(expected), "missing \(expected) in \(all.map(\.description))")
        }
        #expect(all.first { $0.path == "workload.events[0].streams[0]" }?.message == "no stream named `bet` (did you mean `bets`?)")
        #expect(ConfigErrors(all).description.hasSuffix("\(all.count) errors"))
    }

    @Test func emptyAndMisplacedSectionsAreErrors() {
        #expect(WorkloadFileErrorTests.issues("").first?.message == "the file is empty")
        let top = WorkloadFileErrorTests.issues("workloads:\n  streams: {}\n")
        #expect(top.contains { $0.message == "unknown field `workloads` (did you mean `workload`?)" })
        #expect(top.contains { $0.message.contains("missing required field `workload`") })
    }
}
