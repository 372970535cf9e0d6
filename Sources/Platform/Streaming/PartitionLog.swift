/// One Kafka partition: the records appended and not yet fetched, in
/// offset order, with nondecreasing ``StreamRecord/visibleNanos`` (the high
/// watermark only moves forward).
///
/// Storage is one array with a read position; the consumed prefix is cut
/// off once it is large and more than half the array, so appends and
/// fetches are amortized O(1) and memory is bounded by the lag.
struct PartitionLog {
    var records: [StreamRecord] = []
    /// Index in `records` of the next record to fetch.
    var head = 0
    /// Records ever appended (the log-end offset).
    var appended: Int64 = 0
    /// Records ever fetched (the committed consumer offset).
    var fetched: Int64 = 0
    /// The largest visible time appended so far.
    var lastVisible: Int64 = 0
    /// Largest lag seen at a sample.
    var maxLag: Int64 = 0

    /// Appends `record`, visible at `max(visible, lastVisible)`.
    @inline(__always)
    mutating func append(_ record: StreamRecord, visible: Int64) {
        var r = record
        lastVisible = max(lastVisible, visible)
        r.visibleNanos = lastVisible
        records.append(r)
        appended &+= 1
    }

    /// Records appended and not fetched (visible or not yet).
    var unfetched: Int { records.count - head }

    /// Records visible at `time` and not yet fetched: the consumer lag.
    /// - Complexity: O(log lag).
    func lag(at time: Int64) -> Int {
        var lo = head, hi = records.count
        if hi == lo || records[lo].visibleNanos > time { return 0 }
        if records[hi - 1].visibleNanos <= time { return hi - lo }
        while lo < hi {
            let mid = (lo + hi) >> 1
            if records[mid].visibleNanos <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo - head
    }

    /// The visible time of the next unfetched record, or nil when none is appended.
    var nextVisible: Int64? { head < records.count ? records[head].visibleNanos : nil }

    /// Takes up to `limit` records visible at `time` into `out`; returns how many.
    @inline(__always)
    mutating func fetch(at time: Int64, limit: Int, into out: inout [StreamRecord]) -> Int {
        var n = 0
        while n < limit && head < records.count && records[head].visibleNanos <= time {
            out.append(records[head])
            head += 1
            n += 1
        }
        fetched &+= Int64(n)
        if head >= 4096 && head * 2 >= records.count {
            records.removeSubrange(0..<head)
            head = 0
        }
        return n
    }
}
