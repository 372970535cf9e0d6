/// A 24-hour rate factor curve through given points, interpolated by GSL's
/// periodic cubic spline (`gsl_interp_cspline_periodic`), so the curve is
/// smooth (C²) and joins midnight to midnight.
///
/// The factor multiplies a stream's base rate. A spline can overshoot
/// between points; a value below zero is taken as zero (no arrivals), and
/// ``maximum(from:to:)`` finds the exact maximum on an interval from the
/// spline's cubic pieces, which is what exact thinning needs.

import CGSL
import Variates

/// A periodic factor curve over the seconds of a day.
public final class DiurnalCurve: @unchecked Sendable {
    /// Knot positions in seconds of the day; the last is the first plus
    /// 86,400 (the wrap), so the spline's domain is `[x0, x0 + 86400]`.
    public let knots: [Double]
    /// Factors at the knots; the last equals the first.
    public let factors: [Double]
    private let xs: UnsafeMutablePointer<Double>
    private let ys: UnsafeMutablePointer<Double>
    private let interpPointer: UnsafeMutablePointer<gsl_interp>?

    /// A curve through `(secondOfDay, factor)` points.
    /// - Precondition: points sorted, distinct, in `0..<86400`, factors finite
    ///   and ≥ 0 (validated by the caller, which reports input errors).
    public init(points: [(second: Double, factor: Double)]) {
        precondition(!points.isEmpty, "a diurnal curve needs at least one point")
        for i in 1..<max(1, points.count) {
            precondition(points[i].second > points[i - 1].second, "diurnal points must be sorted and distinct")
        }
        precondition(points.allSatisfy { $0.second >= 0 && $0.second < 86_400 && $0.factor >= 0 && $0.factor.isFinite },
                     "diurnal points must lie in [0, 24h) with finite factors ≥ 0")
        GSL.configure()
        var kx = points.map(\.second)
        var ky = points.map(\.factor)
        // Wrap: the curve at 24h equals the first point shifted by a day.
        kx.append(points[0].second + 86_400)
        ky.append(points[0].factor)
        knots = kx
        factors = ky
        xs = .allocate(capacity: kx.count)
        ys = .allocate(capacity: ky.count)
        xs.initialize(from: kx, count: kx.count)
        ys.initialize(from: ky, count: ky.count)
        if points.count >= 2 {
            guard let p = gsl_interp_alloc(cgsl_interp_cspline_periodic(), kx.count) else {
                preconditionFailure("gsl_interp_alloc failed: out of memory")
            }
            GSL.check(gsl_interp_init(p, xs, ys, kx.count), "gsl_interp_init(cspline_periodic)")
            interpPointer = p
        } else {
            interpPointer = nil
        }
    }

    deinit {
        if let interpPointer { gsl_interp_free(interpPointer) }
        xs.deallocate()
        ys.deallocate()
    }

    /// Maps a second of the day into the spline's domain `[x0, x0 + 86400)`.
    @inline(__always)
    private func domain(_ second: Double) -> Double {
        var x = second
        if x < knots[0] { x += 86_400 }
        if x >= knots[knots.count - 1] { x = knots[knots.count - 1] - 1e-9 }
        return x
    }

    /// The factor at `second` of the day (0 ≤ second < 86,400), clamped at 0.
    /// - Complexity: O(log points) (binary search and one cubic).
    public func factor(atSecond second: Double) -> Double {
        guard let p = interpPointer else { return factors[0] }
        let v = gsl_interp_eval(p, xs, ys, domain(second), nil)
        return v > 0 ? v : 0
    }

    /// The spline value (unclamped) and its first two derivatives.
    private func derivatives(_ x: Double) -> (Double, Double, Double) {
        let p = interpPointer!
        return (gsl_interp_eval(p, xs, ys, x, nil), gsl_interp_eval_deriv(p, xs, ys, x, nil),
                gsl_interp_eval_deriv2(p, xs, ys, x, nil))
    }

    /// The exact maximum of the (clamped) factor over seconds `[a, b]` of one
    /// day, from the cubic pieces: endpoint values and the roots of the
    /// derivative inside each piece.
    public func maximum(from a: Double, to b: Double) -> Double {
        guard interpPointer != nil else { return factors[0] }
        precondition(a <= b && a >= 0 && b <= 86_400, "maximum(from:to:) needs 0 ≤ a ≤ b ≤ 86400")
        // Split [a, b] where it crosses the spline domain's start (x0).
        let x0 = knots[0]
        if x0 > 0, a < x0, b > x0 {
            return max(maximum(from: a, to: x0), maximum(from: x0, to: b))
        }
        var lo = domain(a)
        let hi = lo + (b - a)
        var best = 0.0
        while lo < hi {
            // The knot interval containing lo.
            var i = 0
            while i + 1 < knots.count - 1, knots[i + 1] <= lo { i += 1 }
            let pieceEnd = min(hi, knots[i + 1])
            best = max(best, maxOnCubic(from: lo, to: pieceEnd, knot: i))
            if pieceEnd <= lo { break }
            lo = pieceEnd
        }
        return best
    }

    /// Maximum of one cubic piece between `u` and `v` inside knot interval `i`.
    private func maxOnCubic(from u: Double, to v: Double, knot i: Int) -> Double {
        let (fu, d1, d2) = derivatives(u)
        let fv = gsl_interp_eval(interpPointer!, xs, ys, v, nil)
        // The second derivative is linear on the piece and continuous at the
        // knots, so the third derivative is constant on it.
        let d3 = (derivatives(knots[i + 1]).2 - derivatives(knots[i]).2) / (knots[i + 1] - knots[i])
        var best = max(fu, fv)
        // f'(u + s) = d1 + d2 s + d3/2 s²; roots in (0, v - u).
        let a = d3 / 2, b = d2, c = d1, span = v - u
        var roots: [Double] = []
        if Swift.abs(a) < 1e-300 {
            if b != 0 { roots.append(-c / b) }
        } else {
            let disc = b * b - 4 * a * c
            if disc >= 0 {
                let q = -0.5 * (b + (b >= 0 ? 1 : -1) * disc.squareRoot())
                roots.append(q / a)
                if q != 0 { roots.append(c / q) }
            }
        }
        for s in roots where s > 0 && s < span {
            best = max(best, gsl_interp_eval(interpPointer!, xs, ys, u + s, nil))
        }
        return max(0, best)
    }
}
