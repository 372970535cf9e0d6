/// A generator of one record type for one block, and the per-block work
/// every stream shares (plant, deliver, encode).
///
/// The shared work is written once, as default implementations of
/// requirements of ``RecordSource``: a stream emitter calls them through
/// its source's witness table, so the compiler specializes them for each
/// record type (no generic dispatch per record).

import Foundation
import Variates

/// Generates the records that originate in a block, in any order.
public protocol RecordSource: Sendable {
    /// The record type.
    associatedtype Record: WorkloadRecord
    /// Appends the block's records to `records`, drawing from `stream` only.
    func generate(_ block: Block, stream: RandomStream, into records: inout [Record])
    /// The retried copy of `record` arriving `delay` µs later; `changeStatus`
    /// asks for a different status (transactions). Default: an exact copy.
    func retried(_ record: Record, delay: Int64, changeStatus: Bool) -> Record
    /// Delivers `state.records` (delays, duplicates, arrival order) for a
    /// block ending at `end`: what arrives before `end` stays in
    /// `state.records`, sorted; the rest goes to `state.carried`.
    func deliver(_ delivery: Delivery, _ state: inout DeliveryState<Record>, end: Int64, stream: RandomStream)
    /// Encodes `records` into `encoder`.
    func encode(_ records: [Record], into encoder: inout RecordEncoder)
    /// Produces one block of a stream (see `Carry.swift`); default provided.
    func step(_ block: Block, plan: BlockPlan, tree: SeedTree, delivery: Delivery,
              planter: ((Block, inout [Record], inout RecordEncoder) -> Void)?,
              state: inout CarryState<Record>, truth: inout RecordEncoder)
}

extension RecordSource {
    public func retried(_ record: Record, delay: Int64, changeStatus: Bool) -> Record {
        var copy = record
        copy.arrival += delay
        return copy
    }

    public func encode(_ records: [Record], into encoder: inout RecordEncoder) {
        for r in records { encoder.record(r) }
    }

    public func deliver(_ delivery: Delivery, _ state: inout DeliveryState<Record>, end: Int64, stream: RandomStream) {
        delivery.run(&state, end: end, stream: stream) { retried($0, delay: $1, changeStatus: $2) }
    }
}

/// The buffers of one stream's delivery step, reused block after block.
public struct DeliveryState<R: WorkloadRecord> {
    /// The block's records: generated, then those delivered within the
    /// block, in arrival order.
    public var records: [R] = []
    /// Delivered records arriving after the block's end, in generation order.
    public var carried: [R] = []
    var late: [R] = []
    var lateOrder: [Int] = []
    var scratch: [R] = []
    var keys: [UInt64] = []
    var keysScratch: [UInt64] = []

    /// Empty buffers.
    public init() {}
}

/// Delivery of generated records: delays, duplicates, then arrival order.
///
/// Records not delayed keep their order (sorted by event time if the
/// source did not produce them in order). Delayed records and duplicate
/// copies are set aside, sorted by (arrival, generation order) and merged
/// in; on equal arrival times an on-time record comes first.
public struct Delivery: Sendable {
    /// Late deliveries.
    public let disorder: DisorderSpec?
    /// Duplicate deliveries.
    public let duplicates: DuplicateSpec?

    /// A delivery step.
    public init(disorder: DisorderSpec?, duplicates: DuplicateSpec?) {
        self.disorder = disorder
        self.duplicates = duplicates
    }

    /// Applies delays and duplicates, drawing from `stream` (a stream of its
    /// own, so that turning disorder on does not change the records).
    /// - Complexity: O(n) plus O(m log m) for m late records, plus a radix
    ///   sort when the source's records are out of order.
    func run<R: WorkloadRecord>(_ s: inout DeliveryState<R>, end: Int64, stream: RandomStream, retry: (R, Int64, Bool) -> R) {
        s.late.removeAll(keepingCapacity: true)
        s.carried.removeAll(keepingCapacity: true)
        var firstDelayed = Int.max
        if let disorder, disorder.fraction > 0 { firstDelayed = Delivery.skip(disorder.fraction, stream) }
        if firstDelayed < s.records.count, let disorder {
            // Which records are delayed: Bernoulli(fraction) each, drawn by
            // geometric skips (one draw per delayed record, not per record).
            // One pass moves delayed records to `late`, records arriving
            // after the block to `carried`, and compacts the rest.
            var next = firstDelayed
            var kept = 0
            for i in s.records.indices {
                if i == next {
                    var r = s.records[i]
                    r.arrival += max(1, Int64(disorder.delay.sample(stream) * 1e6))
                    s.late.append(r)
                    next = i + 1 + Delivery.skip(disorder.fraction, stream)
                } else if s.records[i].arrival >= end {
                    s.carried.append(s.records[i])
                } else {
                    if kept != i { s.records[kept] = s.records[i] }
                    kept += 1
                }
            }
            s.records.removeLast(s.records.count - kept)
        } else {
            Delivery.partition(&s.records, end: end, into: &s.carried)
        }
        // On-time records arriving after the block (later events of visits
        // and bursts) were set aside unsorted; only the rest is sorted here.
        Delivery.sortByArrival(&s.records, scratch: &s.scratch, keys: &s.keys, keysScratch: &s.keysScratch)
        if let duplicates, duplicates.fraction > 0 {
            // Copies of on-time records first (those delivered in the block,
            // then the carried ones), then of late ones: a fixed order.
            let lateOriginals = s.late.count
            let carriedOriginals = s.carried.count
            for source in 0..<3 {
                let n = source == 0 ? s.records.count : source == 1 ? carriedOriginals : lateOriginals
                var i = Delivery.skip(duplicates.fraction, stream)
                while i < n {
                    let delay = max(1, Int64(duplicates.delay.sample(stream) * 1e6))
                    let change = duplicates.statusChange > 0 && stream.uniform() < duplicates.statusChange
                    s.late.append(retry(source == 0 ? s.records[i] : source == 1 ? s.carried[i] : s.late[i], delay, change))
                    i += 1 + Delivery.skip(duplicates.fraction, stream)
                }
            }
        }
        guard !s.late.isEmpty else { return }
        // Late ones arriving after the block are carried; sort the others
        // by (arrival, index), then merge.
        Delivery.partition(&s.late, end: end, into: &s.carried)
        guard !s.late.isEmpty else { return }
        Delivery.sortByArrival(&s.late, scratch: &s.scratch, keys: &s.keys, keysScratch: &s.keysScratch)
        s.scratch.removeAll(keepingCapacity: true)
        s.scratch.reserveCapacity(s.records.count + s.late.count)
        var i = 0, j = 0
        while i < s.records.count, j < s.late.count {
            if s.late[j].arrival < s.records[i].arrival {
                s.scratch.append(s.late[j]); j += 1
            } else {
                s.scratch.append(s.records[i]); i += 1
            }
        }
        s.scratch.append(contentsOf: s.records[i...])
        s.scratch.append(contentsOf: s.late[j...])
        swap(&s.records, &s.scratch)
    }

    /// LSD radix sort (11-bit digits) of the first `bits` bits of `keys`.
    /// Not generic, so the loops compile to plain integer code.
    static func radixSort(_ keys: inout [UInt64], scratch: inout [UInt64], bits: Int) {
        let n = keys.count
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        var counts = [Int](repeating: 0, count: 2049)
        keys.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { whole in
                counts.withUnsafeMutableBufferPointer { c in
                    let b = UnsafeMutableBufferPointer(rebasing: whole[0..<n])
                    var src = a, dst = b
                    var shift = 0
                    var passes = 0
                    while shift < bits {
                        for k in 0..<2049 { c[k] = 0 }
                        var i = 0
                        while i < n { c[Int((src[i] >> UInt64(shift)) & 2047) + 1] += 1; i += 1 }
                        for k in 1..<2049 { c[k] += c[k - 1] }
                        i = 0
                        while i < n {
                            let key = src[i]
                            let d = Int((key >> UInt64(shift)) & 2047)
                            dst[c[d]] = key
                            c[d] += 1
                            i += 1
                        }
                        swap(&src, &dst)
                        shift += 11
                        passes += 1
                    }
                    if passes % 2 == 1 { _ = a.update(fromContentsOf: b) }
                }
            }
        }
    }

    /// Moves the records arriving at or after `end` to the end of `carried`,
    /// keeping the order of both parts.
    static func partition<R: WorkloadRecord>(_ records: inout [R], end: Int64, into carried: inout [R]) {
        var kept = 0
        for i in records.indices {
            if records[i].arrival >= end {
                carried.append(records[i])
            } else {
                if kept != i { records[kept] = records[i] }
                kept += 1
            }
        }
        records.removeLast(records.count - kept)
    }

    /// The number of failures before the next success of Bernoulli(p)
    /// trials (geometric on {0, 1, …}), by inversion; `Int.max / 2` for p = 0.
    @inline(__always)
    static func skip(_ p: Double, _ stream: RandomStream) -> Int {
        if p >= 1 { return 0 }
        if p <= 0 { return Int.max / 2 }
        let g = (Foundation.log(stream.uniformPositive()) / Foundation.log1p(-p)).rounded(.down)
        return g < 1e15 ? Int(g) : Int.max / 2
    }

    /// Stable sort by `arrival`: no work when already in order; an LSD radix
    /// sort of (arrival − min, index) keys otherwise.
    static func sortByArrival<R: WorkloadRecord>(_ records: inout [R], scratch: inout [R],
                                                 keys: inout [UInt64], keysScratch: inout [UInt64]) {
        let n = records.count
        guard n > 1 else { return }
        var ordered = true
        var lo = records[0].arrival, hi = lo
        for i in 1..<n {
            let a = records[i].arrival
            if a < records[i - 1].arrival { ordered = false }
            lo = min(lo, a); hi = max(hi, a)
        }
        if ordered { return }
        let indexBits = max(1, Int.bitWidth - (n - 1).leadingZeroBitCount)
        let range = UInt64(hi - lo)
        let rangeBits = max(1, UInt64.bitWidth - range.leadingZeroBitCount)
        guard indexBits + rangeBits <= 64 else {
            // Spans beyond 2^(64 − index bits) µs: a comparison sort.
            let order = records.indices.sorted { (records[$0].arrival, $0) < (records[$1].arrival, $1) }
            scratch = order.map { records[$0] }
            swap(&records, &scratch)
            return
        }
        keys.removeAll(keepingCapacity: true)
        keys.reserveCapacity(n)
        for (i, r) in records.enumerated() { keys.append(UInt64(r.arrival - lo) << indexBits | UInt64(i)) }
        if keysScratch.count < n { keysScratch = [UInt64](repeating: 0, count: n) }
        Delivery.radixSort(&keys, scratch: &keysScratch, bits: indexBits + rangeBits)
        let mask = (UInt64(1) << indexBits) - 1
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(n)
        for k in keys { scratch.append(records[Int(k & mask)]) }
        swap(&records, &scratch)
    }
}
