/// Cost of one draw, in nanoseconds, for Headroom's streams and for GSL's own
/// generator, in one run: the figure behind the hot-path design (inlined
/// xoshiro256** uniforms and exponentials; GSL for the non-trivial samplers).
///
/// Run: `swift run -c release variates-bench`. The wall clock is read here
/// only, to time the loops. Each loop makes 50,000,000 draws (seed 1) and
/// prints a checksum so the optimizer cannot delete the work.

import CGSL
import Foundation
import Variates

let count = 50_000_000
let clock = ContinuousClock()

func measure(_ name: String, _ body: () -> Double) {
    let start = clock.now
    let checksum = body()
    let (s, atto) = (clock.now - start).components
    let perDraw = (Double(s) + Double(atto) * 1e-18) * 1e9 / Double(count)
    print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%6.2f", perDraw)) ns/draw   (checksum \(String(format: "%.6g", checksum)))")
}

GSL.configure()
print("Draw cost, \(count) draws each (release build)")
let stream = RandomStream(seed: 1)
measure("headroom uniform (inlined xoshiro256**)") {
    var sum = 0.0
    for _ in 0..<count { sum += stream.uniform() }
    return sum
}
measure("headroom exponential (inlined)") {
    var sum = 0.0
    for _ in 0..<count { sum += stream.exponential(mean: 1) }
    return sum
}
/// Draws through `Distribution.sample`, the path every model uses.
func sampleLoop(_ spec: String, _ stream: RandomStream) -> Double {
    let dist = try! Distribution.parse(spec)
    var sum = 0.0
    for _ in 0..<count { sum += dist.sample(stream) }
    return sum
}
measure("headroom Distribution.sample, exponential") { sampleLoop("exp(mean=1)", stream) }
measure("headroom Distribution.sample, lognormal") { sampleLoop("lognormal(p50=2ms, p99=20ms)", stream) }
measure("headroom Distribution.sample, gamma") { sampleLoop("gamma(shape=2.5, scale=1)", stream) }
let zipf = try! ZipfKeys(keys: 100_000, exponent: 1.1)
measure("headroom ZipfKeys.sample (alias, 100k keys)") {
    var sum = 0
    for _ in 0..<count { sum &+= zipf.sample(stream) }
    return Double(sum)
}
measure("GSL uniform via our generator (gsl_rng_uniform)") {
    var sum = 0.0
    for _ in 0..<count { sum += gsl_rng_uniform(stream.gsl) }
    return sum
}
let mt = gsl_rng_alloc(cgsl_rng_mt19937())!
gsl_rng_set(mt, 1)
measure("GSL mt19937 gsl_rng_uniform") {
    var sum = 0.0
    for _ in 0..<count { sum += gsl_rng_uniform(mt) }
    return sum
}
measure("GSL mt19937 gsl_ran_exponential") {
    var sum = 0.0
    for _ in 0..<count { sum += gsl_ran_exponential(mt, 1) }
    return sum
}
gsl_rng_free(mt)
