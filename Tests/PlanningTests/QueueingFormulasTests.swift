import Foundation
import Testing
@testable import Planning

/// Erlang C by direct summation in log space (lgamma and log-sum-exp): an
/// independent route to the recurrence used in the module.
func erlangCByLogSummation(servers c: Int, offeredLoad a: Double) -> Double {
    let rho = a / Double(c)
    var logTerms: [Double] = (0..<c).map { k in Double(k) * log(a) - lgamma(Double(k) + 1) }
    let logLast = Double(c) * log(a) - lgamma(Double(c) + 1) - log1p(-rho)
    logTerms.append(logLast)
    let top = logTerms.max()!
    let logSum = top + log(logTerms.reduce(0) { $0 + exp($1 - top) })
    return exp(logLast - logSum)
}

@Suite("Queueing formulas")
struct QueueingFormulasTests {
    @Test("Erlang C by the Erlang B recurrence matches log-space summation, c = 1...100",
          arguments: [0.1, 0.5, 0.8, 0.95, 0.99])
    func erlangCAgainstSummation(rho: Double) {
        for c in 1...100 {
            let a = rho * Double(c)
            let fast = QueueingFormulas.erlangC(servers: c, offeredLoad: a)
            let slow = erlangCByLogSummation(servers: c, offeredLoad: a)
            #expect(abs(fast - slow) <= 1e-10 * max(1, slow), "c = \(c), rho = \(rho): \(fast) vs \(slow)")
        }
    }

    @Test("Erlang C stays finite and accurate for thousands of servers")
    func erlangCLarge() {
        for c in [500, 2_000, 10_000] {
            let a = 0.97 * Double(c)
            let fast = QueueingFormulas.erlangC(servers: c, offeredLoad: a)
            let slow = erlangCByLogSummation(servers: c, offeredLoad: a)
            #expect(fast.isFinite && fast > 0 && fast < 1)
            #expect(abs(fast - slow) <= 1e-8 * slow, "c = \(c): \(fast) vs \(slow)")
        }
    }

    @Test("textbook values: C(1, ρ) = ρ, C(2, a) = a²/(2+a), C(3, 2) = 4/9, B(1, a) = a/(1+a)")
    func textbook() {
        for rho in stride(from: 0.05, to: 1, by: 0.05) {
            #expect(abs(QueueingFormulas.erlangC(servers: 1, offeredLoad: rho) - rho) < 1e-14)
            let a = 2 * rho
            #expect(abs(QueueingFormulas.erlangC(servers: 2, offeredLoad: a) - a * a / (2 + a)) < 1e-14)
            #expect(abs(QueueingFormulas.erlangB(servers: 1, offeredLoad: a) - a / (1 + a)) < 1e-14)
        }
        #expect(abs(QueueingFormulas.erlangC(servers: 3, offeredLoad: 2) - 4.0 / 9.0) < 1e-14)
    }

    @Test("M/M/1 closed forms and Little's law")
    func mm1() throws {
        let m = try #require(QueueingFormulas.mm1(arrivalRate: 8, serviceRate: 10).metrics)
        #expect(abs(m.utilization - 0.8) < 1e-12)
        #expect(abs(m.meanSojourn - 0.5) < 1e-12)        // 1/(μ−λ)
        #expect(abs(m.meanWait - 0.4) < 1e-12)           // ρ/(μ−λ)
        #expect(abs(m.meanInSystem - 4) < 1e-12)         // ρ/(1−ρ)
        #expect(abs(m.meanQueueLength - 3.2) < 1e-12)    // ρ²/(1−ρ)
    }

    @Test("P–K: M/D/1 waits half as long as M/M/1; M/G/1 with Cs² = 1 equals M/M/1; Kingman is exact for M/G/1")
    func pollaczekKhinchine() throws {
        for rho in [0.3, 0.7, 0.95] {
            let mm1 = try #require(QueueingFormulas.mm1(arrivalRate: rho, serviceRate: 1).metrics)
            let md1 = try #require(QueueingFormulas.md1(arrivalRate: rho, serviceTime: 1).metrics)
            let mg1 = try #require(QueueingFormulas.mg1(arrivalRate: rho, meanService: 1, serviceSCV: 1).metrics)
            let king = try #require(QueueingFormulas.kingman(arrivalRate: rho, meanService: 1, arrivalSCV: 1, serviceSCV: 0.4).metrics)
            let pk = try #require(QueueingFormulas.mg1(arrivalRate: rho, meanService: 1, serviceSCV: 0.4).metrics)
            #expect(abs(md1.meanWait - mm1.meanWait / 2) < 1e-12)
            #expect(abs(mg1.meanWait - mm1.meanWait) < 1e-12)
            #expect(abs(king.meanWait - pk.meanWait) < 1e-12)
        }
    }

    @Test("ρ ≥ 1 gives an unstable result, never a number", arguments: [1.0, 1.5])
    func unstable(rho: Double) {
        #expect(QueueingFormulas.mm1(arrivalRate: rho * 10, serviceRate: 10) == .unstable(utilization: rho))
        #expect(QueueingFormulas.mmc(arrivalRate: rho * 40, serviceRate: 10, servers: 4).metrics == nil)
        #expect(QueueingFormulas.md1(arrivalRate: rho, serviceTime: 1).metrics == nil)
        #expect(QueueingFormulas.kingman(arrivalRate: rho, meanService: 1, arrivalSCV: 1, serviceSCV: 1).metrics == nil)
        #expect(QueueingFormulas.mmcSojournQuantile(0.99, arrivalRate: rho * 40, serviceRate: 10, servers: 4) == nil)
        #expect(QueueingFormulas.mmc(arrivalRate: rho * 40, serviceRate: 10, servers: 4).summary.contains("unstable"))
    }

    @Test("M/M/c sojourn quantile: c = 1 is exponential; the tail is consistent with the mean")
    func sojournQuantile() throws {
        // With one server the M/M/c tail must reduce to Exp(μ − λ).
        let t = try #require(QueueingFormulas.mmcSojournTail(0.3, arrivalRate: 7, serviceRate: 10, servers: 1))
        #expect(abs(t - exp(-3 * 0.3)) < 1e-12)
        // The mean from integrating the tail (trapezoid) equals W from Erlang C.
        let (lambda, mu, c) = (45.0, 1.0, 50)
        let w = try #require(QueueingFormulas.mmc(arrivalRate: lambda, serviceRate: mu, servers: c).metrics).meanSojourn
        var integral = 0.0
        let h = 0.001
        var x = 0.0
        while x < 40 {
            let a = QueueingFormulas.mmcSojournTail(x, arrivalRate: lambda, serviceRate: mu, servers: c)!
            let b = QueueingFormulas.mmcSojournTail(x + h, arrivalRate: lambda, serviceRate: mu, servers: c)!
            integral += (a + b) / 2 * h
            x += h
        }
        #expect(abs(integral - w) < 1e-5)
        // The quantile is where the tail equals 1 − p.
        let q = try #require(QueueingFormulas.mmcSojournQuantile(0.99, arrivalRate: lambda, serviceRate: mu, servers: c))
        let tail = QueueingFormulas.mmcSojournTail(q, arrivalRate: lambda, serviceRate: mu, servers: c)!
        #expect(abs(tail - 0.01) < 1e-9)
    }

    @Test("utilization where p99 crosses a target: M/M/1 closed form, M/M/c by Brent agrees at c = 1 and inverts the quantile")
    func utilizationForTarget() throws {
        let mu = 100.0   // 10 ms service
        let target = 0.2 // 200 ms
        let closed = try #require(QueueingFormulas.mm1UtilizationForSojournQuantile(0.99, target: target, serviceRate: mu))
        #expect(abs(closed - (1 - log(100) / (mu * target))) < 1e-12)
        let q = try #require(QueueingFormulas.mm1SojournQuantile(0.99, arrivalRate: closed * mu, serviceRate: mu))
        #expect(abs(q - target) < 1e-9)
        for c in [2, 8, 64] {
            let rho = try #require(QueueingFormulas.mmcUtilizationForSojournQuantile(0.99, target: target, serviceRate: mu, servers: c))
            let back = try #require(QueueingFormulas.mmcSojournQuantile(0.99, arrivalRate: rho * Double(c) * mu, serviceRate: mu, servers: c))
            #expect(abs(back - target) < 1e-6, "c = \(c)")
            #expect(rho > closed, "more servers tolerate higher utilization at the same target")
        }
        // A target shorter than the service time's own p99 cannot be met at any load.
        #expect(QueueingFormulas.mmcUtilizationForSojournQuantile(0.99, target: 0.01, serviceRate: mu, servers: 4) == nil)
    }
}
