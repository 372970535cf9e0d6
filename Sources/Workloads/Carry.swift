/// One block's step of a stream — generate, plant, deliver, carry — as a
/// default implementation of a ``RecordSource`` requirement, so that it is
/// specialized for each record type (the emitter class is generic; its own
/// methods are not specialized, and a per-record generic call costs a
/// metadata lookup).

import Variates

/// The buffers a stream keeps from block to block.
public struct CarryState<R: WorkloadRecord> {
    /// Delivery buffers (records of the block being produced).
    var delivery = DeliveryState<R>()
    /// Carried records by arrival block: slot `absolute block % count`.
    var buckets: [[R]]
    /// The records delivered in the last block produced, in arrival order.
    public internal(set) var output: [R] = []
    /// Sort buffers for the buckets.
    var sorting = DeliveryState<R>()

    /// Empty buffers with a ring of `buckets` slots.
    init(buckets: Int) { self.buckets = Array(repeating: [], count: buckets) }
}

extension RecordSource {
    public func step(_ block: Block, plan: BlockPlan, tree: SeedTree, delivery: Delivery,
                     planter: ((Block, inout [Record], inout RecordEncoder) -> Void)?,
                     state c: inout CarryState<Record>, truth: inout RecordEncoder) {
        c.delivery.records.removeAll(keepingCapacity: true)
        let blockName = "block-\(block.absoluteIndex)"
        generate(block, stream: tree.stream(blockName), into: &c.delivery.records)
        planter?(block, &c.delivery.records, &truth)
        deliver(delivery, &c.delivery, end: block.end, stream: tree.stream(blockName + "/delivery"))
        // `records` arrive in this block, sorted; the carried ones go to the
        // bucket of their arrival block (sorted there, stably).
        let ring = Int64(c.buckets.count)
        for var r in c.delivery.carried {
            if r.arrival > block.horizon { r.arrival = max(block.horizon, r.eventTime) }
            let target = plan.absolute(r.arrival)
            c.buckets[Int(((target % ring) + ring) % ring)].append(r)
        }
        // What earlier blocks carried into this one, in (arrival, order).
        let slot = Int(((block.absoluteIndex % ring) + ring) % ring)
        swap(&c.sorting.records, &c.buckets[slot])
        c.buckets[slot] = []   // free it: the ring must not keep a buffer per slot
        if block.index == plan.count - 1 {
            // The run's last block also delivers everything still carried,
            // bucket by bucket in arrival-block order.
            for k in 1..<c.buckets.count {
                let s = Int((((block.absoluteIndex + Int64(k)) % ring) + ring) % ring)
                Delivery.sortByArrival(&c.buckets[s], scratch: &c.sorting.scratch, keys: &c.sorting.keys, keysScratch: &c.sorting.keysScratch)
                c.sorting.records.append(contentsOf: c.buckets[s])
                c.buckets[s] = []
            }
        }
        Delivery.sortByArrival(&c.sorting.records, scratch: &c.sorting.scratch, keys: &c.sorting.keys, keysScratch: &c.sorting.keysScratch)
        c.output.removeAll(keepingCapacity: true)
        if c.sorting.records.isEmpty {
            swap(&c.output, &c.delivery.records)   // the common case: no copy
        } else {
            let records = c.delivery.records, early = c.sorting.records
            var i = 0
            for e in early {
                while i < records.count, records[i].arrival < e.arrival { c.output.append(records[i]); i += 1 }
                c.output.append(e)
            }
            c.output.append(contentsOf: records[i...])
        }
        c.sorting.records.removeAll(keepingCapacity: true)
    }
}
