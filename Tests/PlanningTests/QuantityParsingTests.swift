import Testing
@testable import Planning

@Suite("Quantities: parsing")
struct QuantityParsingTests {
    @Test("decimal and binary byte units are never mixed")
    func byteUnits() throws {
        #expect(try ByteCount.parse("1KB", field: "f").bytes == 1000)
        #expect(try ByteCount.parse("1 KiB", field: "f").bytes == 1024)
        #expect(try ByteCount.parse("1kB", field: "f").bytes == 1000)
        #expect(try ByteCount.parse("2.5 GB", field: "f").bytes == 2.5e9)
        #expect(try ByteCount.parse("1 PiB", field: "f").bytes == 1_125_899_906_842_624)
        #expect(try ByteCount.parse("1,576.8 TB", field: "f").bytes == 1576.8e12)
        #expect(try ByteCount.parse("512 B", field: "f").bytes == 512)
        #expect(try ByteCount.parse("1e3 B", field: "f").bytes == 1000)
        #expect(try ByteCount.parse("1EB", field: "f").bytes == 1e18)
    }

    @Test("unknown or ambiguous units are rejected with the field and accepted forms", arguments: [
        "10 KBs", "10 kb", "10", "10 Kib", "10 MBps", "1,5 KB", "-3 KB", "KB",
    ])
    func byteRejects(_ text: String) {
        do {
            _ = try ByteCount.parse(text, field: "--event-size")
            Issue.record("\(text) should not parse")
        } catch let error as PlanningError {
            #expect(error.field == "--event-size")
            #expect(error.description.contains("--event-size"))
            #expect(error.description.contains("1KB"))
            #expect(error.description.contains("KiB"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("the message for 10 KBs names the unit and explains the ambiguity")
    func kbsMessage() {
        #expect(throws: PlanningError.self) { try ByteCount.parse("10 KBs", field: "--event-size") }
        do { _ = try ByteCount.parse("10 KBs", field: "--event-size") } catch {
            #expect("\(error)".contains("unknown unit \"KBs\""))
        }
    }

    @Test("event rates with count suffixes and time units")
    func eventRates() throws {
        #expect(try EventRate.parse("50k/s", field: "r").perSecond == 50_000)
        #expect(try EventRate.parse("50,000/s", field: "r").perSecond == 50_000)
        #expect(try EventRate.parse("50000 TPS", field: "r").perSecond == 50_000)
        #expect(try EventRate.parse("3.6M/h", field: "r").perSecond == 1000)
        #expect(try EventRate.parse("864k/day", field: "r").perSecond == 10)
        #expect(try EventRate.parse("120/min", field: "r").perSecond == 2)
        #expect(throws: PlanningError.self) { try EventRate.parse("-5/s", field: "r") }
        #expect(throws: PlanningError.self) { try EventRate.parse("50k", field: "r") }
        #expect(throws: PlanningError.self) { try EventRate.parse("50x/s", field: "r") }
        #expect(throws: PlanningError.self) { try EventRate.parse("50/fortnight", field: "r") }
    }

    @Test("data rates in bytes and bits")
    func dataRates() throws {
        #expect(try DataRate.parse("50MB/s", field: "d").bytesPerSecond == 50e6)
        #expect(try DataRate.parse("250 MiB/s", field: "d").bytesPerSecond == 250 * 1_048_576)
        #expect(try DataRate.parse("10Gbit/s", field: "d").bytesPerSecond == 1.25e9)
        #expect(try DataRate.parse("10 Gbps", field: "d").bytesPerSecond == 1.25e9)
        #expect(Swift.abs(try DataRate.parse("4.32TB/day", field: "d").bytesPerSecond - 50e6) < 1e-6)
        #expect(throws: PlanningError.self) { try DataRate.parse("50 MBs", field: "d") }
        #expect(throws: PlanningError.self) { try DataRate.parse("50MBps", field: "d") }
        #expect(throws: PlanningError.self) { try DataRate.parse("50MB", field: "d") }
    }

    @Test("time spans: m is minutes, y is 365 days, months are refused")
    func timeSpans() throws {
        #expect(try TimeSpan.parse("250ms", field: "t").seconds == 0.25)
        #expect(try TimeSpan.parse("5s", field: "t").seconds == 5)
        #expect(try TimeSpan.parse("30m", field: "t").seconds == 1800)
        #expect(try TimeSpan.parse("2h", field: "t").seconds == 7200)
        #expect(try TimeSpan.parse("30d", field: "t").days == 30)
        #expect(try TimeSpan.parse("1w", field: "t").days == 7)
        #expect(try TimeSpan.parse("1y", field: "t").days == 365)
        #expect(throws: PlanningError.self) { try TimeSpan.parse("3mo", field: "t") }
        #expect(throws: PlanningError.self) { try TimeSpan.parse("5", field: "t") }
        #expect(throws: PlanningError.self) { try TimeSpan.parse("-1d", field: "t") }
    }

    @Test("money is exact decimal")
    func money() throws {
        let price = try Money.parse("$0.023", field: "p")
        let total = price.times(1000)
        #expect(total.formatted == "$23.00")
        #expect(try Money.parse("1,234.5 USD", field: "p").formatted == "$1,234.50")
        #expect(throws: PlanningError.self) { try Money.parse("ten", field: "p") }
    }
}
