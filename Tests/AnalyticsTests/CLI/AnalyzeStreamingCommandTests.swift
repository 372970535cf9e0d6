import Testing

@Suite("headroom analyze sessions --streaming")
struct AnalyzeStreamingCommandTests {
    @Test("without late events the rows equal the batch rows; late rows go to --dead-letters with line and reason")
    func streamingMatchesBatch() {
        let dir = TemporaryDirectory()
        let rows = [
            "u1,2024-03-01 10:00:00,/a,v", "u2,2024-03-01 10:20:00,/a,v", "u1,2024-03-01 10:10:00,/b,v",
            "u1,2024-03-01 10:10:00,/b,v", "u1,2024-03-01 11:30:00,/b,v", "u2,2024-03-01 10:50:00,/c,v",
        ]
        let input = dir.write("e.csv", "user_id,event_ts,page,event_type\n" + rows.joined(separator: "\n") + "\n")
        let batch = runHeadroom(["analyze", "sessions", "--events", input, "--out", dir.path + "/b.csv"])
        let streaming = runHeadroom(["analyze", "sessions", "--events", input, "--streaming", "--allowed-lateness", "1h",
                                     "--out", dir.path + "/s.csv", "--dead-letters", dir.path + "/d.csv"])
        #expect(batch.exitCode == 0 && streaming.exitCode == 0, "\(batch.message) \(streaming.message)")
        let b = (dir.read("b.csv") ?? "").split(separator: "\n")
        let s = (dir.read("s.csv") ?? "").split(separator: "\n")
        #expect(b.first == s.first)
        #expect(b.count == 4)
        #expect(Set(b) == Set(s))
        #expect(dir.read("d.csv") == "line,user_id,event_ts,page,event_type,reason\n")

        let late = dir.write("late.csv", "user_id,event_ts,page,event_type\nu1,2024-03-01 12:00:00,/a,v\nu1,2024-03-01 10:59:59,/a,v\n")
        let outcome = runHeadroom(["analyze", "sessions", "--events", late, "--streaming", "--allowed-lateness", "1h",
                                   "--out", dir.path + "/s2.csv", "--dead-letters", dir.path + "/d2.csv"])
        #expect(outcome.exitCode == 0)
        let dead = (dir.read("d2.csv") ?? "").split(separator: "\n")
        #expect(dead.count == 2)
        #expect(dead.last?.hasPrefix("3,u1,2024-03-01 10:59:59,/a,v,late: 2024-03-01 10:59:59 is before the watermark 2024-03-01 11:00:00") == true)
    }

    @Test("--dead-letters without --streaming is refused")
    func deadLettersNeedStreaming() {
        let outcome = runHeadroom(["analyze", "sessions", "--events", "x.csv", "--dead-letters", "d.csv"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.message.contains("--streaming"))
    }
}
