import Foundation
import Testing
@testable import Variates

/// Every sampler against its own theory (as Ciw's test_sampling does):
/// 100,000 draws; the sample mean must lie within 5 standard errors of the
/// analytic mean (σ/√n), and the sample variance within 5 standard errors of
/// the analytic variance (√((m₄ − s⁴)/n), m₄ the sample fourth central
/// moment). Seeds are fixed, so a pass is reproducible; 5 standard errors
/// makes a false failure of a correct sampler a ~1e-6 event per check.
@Suite struct DistributionMomentTests {
    static let draws = 100_000

    static let cases: [(String, String)] = [
        ("deterministic", "fixed(3)"),
        ("uniform", "uniform(low=2, high=5)"),
        ("exponential", "exp(rate=0.9)"),
        ("normal", "normal(mean=10, sd=2)"),
        ("lognormal", "lognormal(mu=0.5, sigma=0.6)"),
        ("lognormal by percentiles", "lognormal(p50=2ms, p99=20ms)"),
        ("gamma", "gamma(shape=2.5, scale=1.5)"),
        ("erlang", "erlang(k=3, rate=2)"),
        ("gamma by percentiles", "gamma(p50=2ms, p99=20ms)"),
        ("weibull", "weibull(shape=1.5, scale=2)"),
        ("pareto", "pareto(shape=5, scale=1)"),
        ("poisson", "poisson(mean=4.5)"),
        ("binomial", "binomial(n=20, p=0.3)"),
        ("empirical", "empirical(samples=[1, 2, 2, 3, 7, 11])"),
        ("histogram", "histogram(edges=[0, 1, 5, 6], weights=[3, 1, 2])"),
        ("discrete", "discrete(values=[1, 10, 100], weights=[0.7, 0.2, 0.1])"),
        ("zipf", "zipf(n=100, s=1.1)"),
        ("hyper-exponential", "hyperexp(means=[1, 20], weights=[0.9, 0.1])"),
        ("mixture", "mixture(weights=[0.5, 0.5], of=[normal(mean=0, sd=1), uniform(low=4, high=6)])"),
    ]

    @Test(arguments: cases)
    func sampleMomentsMatchAnalyticMoments(name: String, spec: String) throws {
        let dist = try Distribution.parse(spec)
        let stream = SeedTree(root: 20_261_123).stream("moments/\(name)")
        var xs = [Double](repeating: 0, count: Self.draws)
        for i in 0..<Self.draws { xs[i] = dist.sample(stream) }
        let n = Double(Self.draws)
        let mean = xs.reduce(0, +) / n
        let m2 = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let m4 = xs.reduce(0) { $0 + pow($1 - mean, 4) } / n
        if dist.variance == 0 {
            #expect(mean == dist.mean, "\(name)")
            #expect(m2 == 0, "\(name)")
            return
        }
        let meanTolerance = 5 * (dist.variance / n).squareRoot()
        #expect(abs(mean - dist.mean) < meanTolerance, "\(name): mean \(mean) vs \(dist.mean) ± \(meanTolerance)")
        let varianceTolerance = 5 * max(m4 - m2 * m2, 0).squareRoot() / n.squareRoot()
        #expect(abs(m2 * n / (n - 1) - dist.variance) < varianceTolerance,
                "\(name): variance \(m2) vs \(dist.variance) ± \(varianceTolerance)")
    }

    /// Kolmogorov–Smirnov distance between the sample and the analytic CDF,
    /// below the 0.1% critical value 1.95/√n, for the continuous families.
    @Test(arguments: cases.filter { !["deterministic", "poisson", "binomial", "empirical", "discrete", "zipf"].contains($0.0) })
    func empiricalCDFMatchesAnalyticCDF(name: String, spec: String) throws {
        let dist = try Distribution.parse(spec)
        let stream = SeedTree(root: 7).stream("ks/\(name)")
        let n = 20_000
        let xs = (0..<n).map { _ in dist.sample(stream) }.sorted()
        var d = 0.0
        for (i, x) in xs.enumerated() {
            let f = dist.cdf(x)
            d = max(d, abs(f - Double(i + 1) / Double(n)), abs(f - Double(i) / Double(n)))
        }
        #expect(d < 1.95 / Double(n).squareRoot(), "\(name): KS distance \(d)")
    }

    @Test func discreteCDFsAreStepFunctionsOfTheirPMF() throws {
        let poisson = try Distribution.poisson(mean: 2)
        #expect(abs(poisson.cdf(0) - exp(-2)) < 1e-12)
        #expect(abs(poisson.cdf(1.5) - 3 * exp(-2)) < 1e-12)
        let discrete = try Distribution.discrete(values: [1, 10, 100], weights: [7, 2, 1])
        #expect(discrete.cdf(0.5) == 0)
        #expect(abs(discrete.cdf(10) - 0.9) < 1e-12)
        #expect(discrete.cdf(100) == 1)
    }

    @Test func paretoWithSmallShapeHasInfiniteMoments() throws {
        let heavy = try Distribution.pareto(shape: 1.5, scale: 1)
        #expect(heavy.mean == 3)
        #expect(heavy.variance == .infinity)
        #expect(try Distribution.pareto(shape: 0.9, scale: 1).mean == .infinity)
    }
}
