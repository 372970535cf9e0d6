/// Arrival times of a non-homogeneous Poisson process with rate λ(t), by
/// thinning (Lewis and Shedler, 1979) against a piecewise-constant upper
/// bound: the interval is cut into pieces of at most ``pieceLength`` that
/// never cross a UTC midnight; on each piece candidates arrive at the
/// piece's bound Λ (exponential gaps) and each is kept with probability
/// λ(t)/Λ. Because Λ is an exact maximum on the piece (see
/// ``RateCurve/bound(from:to:)``), the kept points are exactly an NHPP with
/// rate λ. Pieces with a constant rate skip the acceptance draw.
///
/// Batch arrivals: with a mean batch size m > 1 the process places batch
/// epochs at rate λ(t)/m and each epoch carries 1 + Poisson(m − 1) events at
/// the same instant, so the event rate is still λ(t).
///
/// Times are µs, truncated (floor) from the continuous draw.

import CGSL
import Variates

/// Generates NHPP arrival times for one stream.
public struct ArrivalProcess: Sendable {
    /// The rate curve, events per second.
    public let curve: RateCurve
    /// Mean events per arrival epoch (1 = no batching).
    public let meanBatchSize: Double
    /// Longest piece of constant bound, µs.
    public let pieceLength: Int64

    /// A process for `curve`.
    /// - Precondition: `meanBatchSize ≥ 1`, `pieceLength > 0`.
    public init(curve: RateCurve, meanBatchSize: Double = 1, pieceLength: Int64 = 60 * Timestamp.second) {
        precondition(meanBatchSize >= 1 && meanBatchSize.isFinite, "a mean batch size is at least 1")
        precondition(pieceLength > 0, "pieces need a positive length")
        self.curve = curve
        self.meanBatchSize = meanBatchSize
        self.pieceLength = pieceLength
    }

    /// Calls `body` with every arrival time in `[from, to)`, in order.
    /// - Complexity: O(events + candidates rejected + pieces).
    public func forEachArrival(from: Int64, to: Int64, stream: RandomStream, _ body: (Int64) -> Void) {
        var a = from
        while a < to {
            let nextMidnight = (Timestamp.dayIndex(a) + 1) * Timestamp.day
            let b = min(to, a + pieceLength, nextMidnight)
            piece(from: a, to: b, stream: stream, body)
            a = b
        }
    }


    func piece(from a: Int64, to b: Int64, stream: RandomStream, _ body: (Int64) -> Void) {
        let bound = curve.bound(from: a, to: b) / meanBatchSize
        guard bound > 0 else { return }
        let constant = curve.isConstant(from: a, to: b)
        let active = curve.spikes(overlapping: a, b)
        let meanGap = 1e6 / bound   // µs
        let span = Double(b - a)
        var x = 0.0
        while true {
            x += stream.exponential(mean: meanGap)
            if x >= span { return }
            let t = a + Int64(x)
            if !constant {
                let lambda = curve.rate(at: t, spikes: active) / meanBatchSize
                if stream.uniform() * bound >= lambda { continue }
            }
            if meanBatchSize == 1 {
                body(t)
            } else {
                let extra = Int(gsl_ran_poisson(stream.gsl, meanBatchSize - 1))
                for _ in 0...extra { body(t) }
            }
        }
    }
}
