import Testing
@testable import Variates

/// Bad parameters are thrown errors that name the parameter: never a crash,
/// never an abort from inside GSL.
@Suite struct BadInputTests {
    func parameter(of spec: String) -> String? {
        do { _ = try Distribution.parse(spec); return nil } catch let e as VariatesError { return e.parameter } catch { return "?" }
    }

    @Test func negativeRateNamesRate() {
        #expect(parameter(of: "exp(rate=-1)") == "rate")
        #expect(throws: VariatesError.self) { try Distribution.exponential(rate: -0.5) }
    }

    @Test func p99BelowP50NamesP99() throws {
        #expect(parameter(of: "lognormal(p50=20ms, p99=2ms)") == "p99")
        #expect(parameter(of: "gamma(p50=20ms, p99=2ms)") == "p99")
        #expect(parameter(of: "lognormal(p50=2ms, p50=3ms)") == "p50")
        #expect(parameter(of: "lognormal(p50=2ms, p100=3ms)") == "p100")
    }

    @Test func weightsThatSumToZeroNameWeights() {
        #expect(parameter(of: "discrete(values=[1, 2], weights=[0, 0])") == "weights")
        #expect(throws: VariatesError.self) { try AliasTable(weights: [0, 0, 0]) }
        #expect(throws: VariatesError.self) { try AliasTable(weights: []) }
        #expect(parameter(of: "discrete(values=[1, 2], weights=[1, -1])") == "weights")
        #expect(parameter(of: "discrete(values=[1, 2], weights=[1])") == "weights")
    }

    @Test func nonFiniteZipfExponentNamesS() {
        #expect(throws: VariatesError.self) { try ZipfKeys(keys: 10, exponent: .infinity) }
        #expect(throws: VariatesError.self) { try ZipfKeys(keys: 10, exponent: .nan) }
        #expect(parameter(of: "zipf(n=0, s=1)") == "n")
        #expect(parameter(of: "zipf(n=10, s=-1)") == "s")
    }

    @Test func otherImpossibleParameters() {
        #expect(parameter(of: "uniform(low=5, high=1)") == "high")
        #expect(parameter(of: "normal(mean=1, sd=0)") == "sd")
        #expect(parameter(of: "binomial(n=10, p=1.5)") == "p")
        #expect(parameter(of: "erlang(k=2.5, rate=1)") == "k")
        #expect(parameter(of: "gamma(p50=1, p99=1.000001)") == "p99")
        #expect(parameter(of: "histogram(edges=[0, 2, 1], weights=[1, 1])") == "edges")
        #expect(parameter(of: "empirical(samples=[])") == "samples")
    }

    @Test func misspellingsGetASuggestion() throws {
        do {
            _ = try Distribution.parse("exp(raet=2)")
            Issue.record("expected an error")
        } catch let e as VariatesError {
            #expect(e.parameter == "raet")
            #expect(e.message.contains("did you mean `rate`"))
        }
        do {
            _ = try Distribution.parse("lognrmal(p50=1, p99=2)")
            Issue.record("expected an error")
        } catch let e as VariatesError {
            #expect(e.message.contains("did you mean `lognormal`"))
        }
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        for spec in ["exp(rate=", "exp(rate=1", "exp rate=1", "exp(rate=1))", "5 parsecs", "[1, 2]", ""] {
            #expect(throws: VariatesError.self, "\(spec)") { try Distribution.parse(spec) }
        }
    }
}

@Suite struct SpecParserTests {
    @Test func unitsConvertToSeconds() throws {
        #expect(try Distribution.parse("5ms").mean == 0.005)
        #expect(try Distribution.parse("fixed(250us)").mean == 0.00025)
        #expect(try Distribution.parse("exp(mean=2m)").mean == 120)
        #expect(try Distribution.parse("exp(rate=50k)").mean == 1.0 / 50_000)
        #expect(abs(try Distribution.parse("uniform(min=1h, max=1d)").mean - (3600 + 86_400) / 2) < 1e-9)
    }

    @Test func descriptionsParseBackToTheSameDistribution() throws {
        for spec in DistributionMomentTests.cases.map(\.1) {
            let d = try Distribution.parse(spec)
            let again = try Distribution.parse(d.description)
            #expect(abs(again.mean - d.mean) <= 1e-12 * abs(d.mean), "\(spec) -> \(d.description)")
            #expect(abs(again.variance - d.variance) <= 1e-9 * abs(d.variance), "\(spec) -> \(d.description)")
        }
    }
}
