import Planning
import SimCore
import Testing
import Variates
@testable import HeadroomCLI

/// The bare models of `headroom bench kernel` (`mm1_kernel`, `mm8_kernel`,
/// `deep_kernel`) simulate what they claim: their means agree with queueing
/// theory, every customer leaves, and the deep calendar keeps its size.
@Suite struct BareKernelModelTests {
    /// Runs the bare M/M/c; returns (mean wait, mean sojourn, mean in system) in seconds / customers.
    static func run(servers: Int, customers: Int, seed: UInt64) -> (wait: Double, sojourn: Double, inSystem: Double, elapsed: Double, events: Int) {
        var model = BareMMc(servers: servers, customers: customers, seeds: SeedTree(root: seed))
        var calendar = EventCalendar(capacity: 64)
        model.start(&calendar)
        var sim = Simulation(model: model, calendar: calendar)
        let summary = sim.run()
        let m = sim.model
        #expect(m.served == customers && m.inSystem == 0 && m.busy == 0)
        return (m.waitSum / Double(customers) / 1e9, m.sojournSum / Double(customers) / 1e9, m.area / Double(sim.now), Double(sim.now) / 1e9, summary.eventsHandled)
    }

    /// Five independent M/M/1 runs at ρ = 0.9: the pooled means lie within
    /// 10 % of W = 10 s, Wq = 9 s and L = 9 (and Little's law holds per run).
    @Test func bareMM1AgreesWithTheory() throws {
        let theory = try #require(QueueingFormulas.mm1(arrivalRate: 0.9, serviceRate: 1).metrics)
        var sojourns: [Double] = []
        for seed in UInt64(1)...5 {
            let r = Self.run(servers: 1, customers: 100_000, seed: seed)
            #expect(r.events == 200_000)
            // Little's law over the whole run, which ends empty: L · T = Σ sojourns exactly,
            // so L = (customers / T) · W up to rounding.
            #expect(abs(r.inSystem - Double(100_000) / r.elapsed * r.sojourn) / r.inSystem < 1e-9)
            sojourns.append(r.sojourn)
        }
        let mean = sojourns.reduce(0, +) / 5
        #expect(abs(mean - theory.meanSojourn) / theory.meanSojourn < 0.10, "mean sojourn \(mean) vs \(theory.meanSojourn)")
    }

    /// M/M/8 at ρ = 0.9: the mean wait is Erlang C's within 15 %.
    @Test func bareMM8AgreesWithErlangC() throws {
        let theory = try #require(QueueingFormulas.mmc(arrivalRate: 7.2, serviceRate: 1, servers: 8).metrics)
        var waits = 0.0
        for seed in UInt64(11)...14 { waits += Self.run(servers: 8, customers: 100_000, seed: seed).wait }
        #expect(abs(waits / 4 - theory.meanWait) / theory.meanWait < 0.15, "mean wait \(waits / 4) vs \(theory.meanWait)")
    }

    /// The deep model keeps one pending event per member, whatever the run length.
    @Test func bareDeepKeepsItsCalendarSize() {
        var model = BareDeep(stream: SeedTree(root: 3).stream("members"))
        var calendar = EventCalendar(capacity: 64)
        model.start(&calendar, count: 10_000)
        var sim = Simulation(model: model, calendar: calendar)
        _ = sim.run(maxEvents: 50_000)
        #expect(sim.calendar.count == 10_000)
        #expect(sim.model.handled == 50_000)
        // 10,000 members at 1/s: 50,000 events take about 5 s of simulated time.
        #expect(abs(Double(sim.now) / 1e9 - 5) < 0.3)
    }
}
