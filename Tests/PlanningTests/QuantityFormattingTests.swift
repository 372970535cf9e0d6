import Testing
@testable import Planning

@Suite("Quantities: formatting")
struct QuantityFormattingTests {
    @Test("a year of the fraud service reads 1.58 PB (1.40 PiB)")
    func fraudYear() {
        let year = ByteCount(1576.8, .TB)
        #expect(year.formattedBoth() == "1.58 PB (1.40 PiB)")
        #expect(year.readableUnit(system: .decimal) == .PB)
        #expect(year.readableUnit(system: .binary) == .PiB)
    }

    @Test("readable units and plain numbers")
    func readable() {
        #expect(ByteCount(bytes: 512).formattedBoth() == "512 B")
        #expect(ByteCount(50, .MB).formatted() == "50 MB")
        #expect(DataRate(bytesPerSecond: 50e6).formattedBoth == "50 MB/s (47.7 MiB/s)")
        #expect(NumberText.plain(1576.8) == "1,576.8")
        #expect(NumberText.plain(4_320_000) == "4,320,000")
        #expect(NumberText.plain(-1234.5) == "-1,234.5")
        #expect(NumberText.significant(1.5768) == "1.58")
        #expect(NumberText.significant(0.012345) == "0.0123")
        #expect(TimeSpan(seconds: 0.25).formatted == "250 ms")
        #expect(TimeSpan.days(365).formatted == "365 d")
    }

    @Test("binary and decimal differ by base^exponent at every prefix")
    func systems() {
        for unit in ByteUnit.allCases where unit.system == .decimal && unit != .B {
            let ratio = unit.counterpart.bytes / unit.bytes
            var expected = 1.0
            for _ in 0..<unit.exponent { expected *= 1.024 }
            #expect(Swift.abs(ratio - expected) < 1e-12)
        }
    }
}
