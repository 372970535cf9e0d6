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
    var state: CarryState<S.Record>
    var lastBlock: Int?

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
        self.state = CarryState(buckets: plan.replayBlocks + 2)
    }

    /// The records delivered in block `index` (arrival in the block), in
    /// arrival order.
    public func records(_ index: Int) -> [S.Record] {
        var truth = RecordEncoder(format: .csv, columns: outputs.last!.columns)
        produce(index, truth: &truth)
        return state.output
    }

    /// Brings the carried state to the start of block `index`.
    func catchUp(to index: Int) {
        if let last = lastBlock, last == index - 1 { return }
        for i in state.buckets.indices { state.buckets[i].removeAll() }
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

    /// Generates block `block`, delivers it, and fills `state.output` with
    /// what arrives in it (the work is the source's, so it is specialized).
    func step(_ block: Block, truth: inout RecordEncoder) {
        source.step(block, plan: plan, tree: tree, delivery: delivery, planter: planter, state: &state, truth: &truth)
    }

    public func emit(block index: Int, into encoders: inout [RecordEncoder], offset: Int) -> Int {
        if outputs.count > 1 {
            produce(index, truth: &encoders[offset + 1])
        } else {
            var unused = RecordEncoder(format: encoders[offset].format, columns: [])
            produce(index, truth: &unused)
        }
        source.encode(state.output, into: &encoders[offset])
        return state.output.count
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
