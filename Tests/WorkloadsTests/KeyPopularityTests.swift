import Foundation
import Testing
import Variates
@testable import Workloads

/// Hot-key share and the Zipf rank-frequency slope are what was asked.
@Suite struct KeyPopularityTests {
    @Test func hotKeyCarriesItsShareAndZipfSlopeMatches() {
        let keys = KeyPopularity(count: 10_000, exponent: 1.1, hotKeys: [(key: 5000, share: 0.05)])
        let stream = SeedTree(root: 99).stream("keys")
        let n = 1_000_000
        var counts = [Int](repeating: 0, count: 10_001)
        for _ in 0..<n { counts[Int(keys.sample(stream))] += 1 }
        let p = keys.probability(ofKey: 5000)
        let share = Double(counts[5000]) / Double(n)
        #expect(abs(share - p) < 4.5 * (p * (1 - p) / Double(n)).squareRoot(), "hot share \(share), expected \(p) (seed 99)")
        #expect(p > 0.05 && p < 0.0501)
        // Least-squares slope of log frequency on log rank over ranks 1…50.
        var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        let ranks = 1...50
        for r in ranks {
            let x = log(Double(r)), y = log(Double(counts[r]))
            sx += x; sy += y; sxx += x * x; sxy += x * y
        }
        let m = Double(ranks.count)
        let slope = (m * sxy - sx * sy) / (m * sxx - sx * sx)
        #expect(abs(slope + 1.1) < 0.05, "rank-frequency slope \(slope), expected -1.1 (seed 99)")
    }

    @Test func saltingSpreadsAHotKeyEvenlyOverItsSubKeys() {
        let keys = KeyPopularity(count: 100, exponent: 0, hotKeys: [(key: 7, share: 0.5)], salt: 8)
        let stream = SeedTree(root: 3).stream("salt")
        var perSalt = [Int](repeating: 0, count: 8)
        var other = 0
        for _ in 0..<80_000 {
            let k = keys.sample(stream)
            let salted = keys.partitionKey(k, stream)
            if let s = salted.salt { #expect(k == 7); perSalt[s] += 1 } else { #expect(k != 7); other += 1 }
        }
        let hot = perSalt.reduce(0, +)
        for c in perSalt {
            let e = Double(hot) / 8
            #expect(abs(Double(c) - e) < 4.5 * (e * 7 / 8).squareRoot(), "sub-key counts \(perSalt) (seed 3)")
        }
        #expect(keys.partitionKey(3, stream).description == "3")
        #expect(SaltedKey(key: 7, salt: 2).description == "7#2")
    }
}
