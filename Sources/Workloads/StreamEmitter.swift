/// Turns one stream's blocks into encoded rows: generate, plant, deliver,
/// carry, encode. The type-erased face (``BlockEmitter``) lets a run hold
/// streams of different record types in one list.
///
/// Carrying (see ``Block``): after delivery, records arriving at or after
/// the block's end wait in a calendar of buckets, one per future block
/// within the lookback (a ring of ⌈lookback/length⌉ + 2 buckets; appending
/// is O(1)), and are written with the block their arrival falls in, sorted
/// by (arrival, generation order) and ahead of that block's own records on
/// equal arrival times; the run's last block also
/// writes whatever still waits (arrivals after the run's end), so every
/// record that originates in the span is written once. Blocks must be
/// produced in order; a jump (the first block of a shard) replays the
/// lookback first.

import Variates

/// An output file of a run: its base name and columns.
public struct OutputFile: Sendable, Equatable {
    /// File name without extension (`bets`, `truth_streaks_bets`).
    public let name: String
    /// Column names (the CSV header).
    public let columns: [String]
}

/// A producer of rows for one or more output files, block by block.
public protocol BlockEmitter: AnyObject {
    /// The files this emitter writes, in order.
    var outputs: [OutputFile] { get }
    /// Appends the rows of block `index` to `encoders[offset ..< offset + outputs.count]`;
    /// returns the number of main records.
    func emit(block index: Int, into encoders: inout [RecordEncoder], offset: Int) -> Int
}

/// The emitter of one stream with record type `S.Record`.
public final class StreamEmitter<S: RecordSource>: BlockEmitter {
    /// What the planter adds: extra records, and rows of its truth file.
    public typealias Planter = (Block, inout [S.Record], inout RecordEncoder) -> Void

    /// The stream's name.
    public let name: String
    let source: S
    let delivery: Delivery
    let tree: SeedTree
    let plan: BlockPlan
    let planter: Planter?
    public let outputs: [OutputFile]
    var state = DeliveryState<S.Record>()
    /// Carried records by arrival block: slot `absolute block % count`.
    var buckets: [[S.Record]]
    var lastBlock: Int?
    var output: [S.Record] = []
    var bucketState = DeliveryState<S.Record>()

    /// An emitter; `truth` names the planter's ground-truth file.
    public init(name: String, source: S, delivery: Delivery, tree: SeedTree, plan: BlockPlan,
                truth: OutputFile? = nil, planter: Planter? = nil) {
        self.name = name
        self.source = source
        self.delivery = delivery
        self.tree = tree.subtree(name)
        self.plan = plan
        self.planter = planter
        self.outputs = [OutputFile(name: name, columns: S.Record.columns)] + (truth.map { [$0] } ?? [])
        self.buckets = Array(repeating: [], count: plan.replayBlocks + 2)
    }

    /// The records delivered in block `index` (arrival in the block), in
    /// arrival order.
    public func records(_ index: Int) -> [S.Record] {
        var truth = RecordEncoder(format: .csv, columns: outputs.last!.columns)
        produce(index, truth: &truth)
        return output
    }

    /// Brings the carried state to the start of block `index`.
    func catchUp(to index: Int) {
        if let last = lastBlock, last == index - 1 { return }
        for i in buckets.indices { buckets[i].removeAll() }
        var scratch = RecordEncoder(format: .csv, columns: outputs.last!.columns)
        for k in max(0, index - plan.replayBlocks)..<index {
            step(plan.block(k), truth: &scratch)
            scratch.buffer.removeAll()
        }
    }

    func produce(_ index: Int, truth: inout RecordEncoder) {
        catchUp(to: index)
        step(plan.block(index), truth: &truth)
        lastBlock = index
    }

    /// Generates block `block`, delivers it, and fills `output` with what
    /// arrives in it.
    func step(_ block: Block, truth: inout RecordEncoder) {
        state.records.removeAll(keepingCapacity: true)
        let blockName = "block-\(block.absoluteIndex)"
        source.generate(block, stream: tree.stream(blockName), into: &state.records)
        planter?(block, &state.records, &truth)
        source.deliver(delivery, &state, stream: tree.stream(blockName + "/delivery"))
        // Delivered records are sorted by arrival: split at the block's end.
        let records = state.records
        var split = records.count
        while split > 0, records[split - 1].arrival >= block.end { split -= 1 }
        let ring = Int64(buckets.count)
        for i in split..<records.count {
            var r = records[i]
            if r.arrival > block.horizon { r.arrival = max(block.horizon, r.eventTime) }
            let target = plan.absolute(r.arrival)
            buckets[Int(((target % ring) + ring) % ring)].append(r)
        }
        // What earlier blocks carried into this one, in (arrival, order).
        // (The sort buffers are moved out of `self` while in use: a class's
        // property may not be passed inout several times at once.)
        var bs = DeliveryState<S.Record>()
        swap(&bs, &bucketState)
        defer { swap(&bs, &bucketState) }
        let slot = Int(((block.absoluteIndex % ring) + ring) % ring)
        swap(&bs.records, &buckets[slot])
        buckets[slot] = []   // free it: the ring must not keep a buffer per slot
        if block.index == plan.count - 1 {
            // The run's last block also delivers everything still carried,
            // bucket by bucket in arrival-block order.
            for k in 1..<buckets.count {
                let s = Int((((block.absoluteIndex + Int64(k)) % ring) + ring) % ring)
                Delivery.sortByArrival(&buckets[s], scratch: &bs.scratch, keys: &bs.keys, keysScratch: &bs.keysScratch)
                bs.records.append(contentsOf: buckets[s])
                buckets[s].removeAll()
            }
        }
        Delivery.sortByArrival(&bs.records, scratch: &bs.scratch, keys: &bs.keys, keysScratch: &bs.keysScratch)
        let early = bs.records
        output.removeAll(keepingCapacity: true)
        if early.isEmpty {
            if split == records.count {
                swap(&output, &state.records)   // the common case: no copy
            } else {
                output.append(contentsOf: records[0..<split])
            }
        } else {
            var i = 0
            for e in early {
                while i < split, records[i].arrival < e.arrival { output.append(records[i]); i += 1 }
                output.append(e)
            }
            output.append(contentsOf: records[i..<split])
        }
        bs.records.removeAll(keepingCapacity: true)
    }

    public func emit(block index: Int, into encoders: inout [RecordEncoder], offset: Int) -> Int {
        if outputs.count > 1 {
            produce(index, truth: &encoders[offset + 1])
        } else {
            var unused = RecordEncoder(format: encoders[offset].format, columns: [])
            produce(index, truth: &unused)
        }
        source.encode(output, into: &encoders[offset])
        return output.count
    }
}

/// Writes a dimension table once, in block 0 of the run.
public final class DimensionEmitter<R: WorkloadRecord>: BlockEmitter {
    public let outputs: [OutputFile]
    let rows: () -> [R]

    /// An emitter of the table `name`.
    public init(name: String, rows: @escaping () -> [R]) {
        self.outputs = [OutputFile(name: name, columns: R.columns)]
        self.rows = rows
    }

    public func emit(block index: Int, into encoders: inout [RecordEncoder], offset: Int) -> Int {
        guard index == 0 else { return 0 }
        let all = rows()
        for r in all { encoders[offset].record(r) }
        return all.count
    }
}
