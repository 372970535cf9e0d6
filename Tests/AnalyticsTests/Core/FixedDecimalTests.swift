import Testing
@testable import Analytics

@Suite("Fixed-point decimals and exact ratios")
struct FixedDecimalTests {
    @Test("accepted forms", arguments: [
        ("12.345", 123_450), ("-3", -30_000), ("+0.5", 5_000), (".5", 5_000), ("5.", 50_000),
        ("0.0001", 1), (" 7.25 ", 72_500), ("1.23450000", 12_345), ("-0", 0),
        ("99999999999999.9999", 999_999_999_999_999_999),
    ] as [(String, Int64)])
    func accepted(text: String, units: Int64) {
        #expect(FixedDecimal(text)?.units == units, "\(text)")
    }

    @Test("rejected forms", arguments: [
        "", " ", "-", ".", "1e2", "1,000", "$5", "1.23456", "12a", "--1", "1.2.3", "NaN", "100000000000000",
    ])
    func rejected(text: String) {
        #expect(FixedDecimal(text) == nil, "\(text)")
    }

    @Test("sums are exact where binary floating point is not")
    func exactSums() {
        var s = FixedDecimal.zero
        for _ in 0..<10 { s += FixedDecimal("0.1")! }
        #expect(s == FixedDecimal("1")!)
        #expect(FixedDecimal("0.1")! + FixedDecimal("0.2")! == FixedDecimal("0.3")!)
    }

    @Test("printing rounds half away from zero from the exact value", arguments: [
        ("0.005", "0.01"), ("-0.005", "-0.01"), ("0.0049", "0.00"), ("-0.0049", "0.00"),
        ("2.675", "2.68"), ("1.125", "1.13"), ("12", "12.00"), ("-3.1", "-3.10"),
    ])
    func rounding(text: String, printed: String) {
        #expect(FixedDecimal(text)!.formatted(places: 2) == printed, "\(text)")
    }

    @Test("means are rounded from the exact quotient")
    func means() {
        // 10.00 / 3 = 3.3333…, 0.05/2 = 0.025 -> 0.03, -0.05/2 -> -0.03
        #expect(FixedDecimal("10")!.divided(by: 3).formatted(places: 2) == "3.33")
        #expect(FixedDecimal("0.05")!.divided(by: 2).formatted(places: 2) == "0.03")
        #expect(FixedDecimal("-0.05")!.divided(by: 2).formatted(places: 2) == "-0.03")
        #expect(FixedDecimal("20")!.divided(by: 3).formatted(places: 2) == "6.67")
    }

    @Test("ratios compare exactly, including values that differ past Double precision")
    func ratioOrder() {
        let a = ExactRatio(numerator: 1, denominator: 3)
        let b = ExactRatio(numerator: 333_333_333_333_333_333, denominator: 1_000_000_000_000_000_000 / 1)
        #expect(b < a)
        #expect(ExactRatio(numerator: 2, denominator: 4) == ExactRatio(numerator: 1, denominator: 2))
        #expect(ExactRatio(numerator: -1, denominator: 2) < ExactRatio(numerator: 0, denominator: 5))
        #expect(ExactRatio(numerator: 1, denominator: 8).formatted(places: 2) == "0.13")
        #expect(ExactRatio(numerator: -1, denominator: 8).formatted(places: 2) == "-0.13")
        #expect(ExactRatio(numerator: 12_345, denominator: 100_000).formatted(places: 4) == "0.1235")
        #expect(ExactRatio(numerator: 7, denominator: 2).formatted(places: 0) == "4")
    }
}
