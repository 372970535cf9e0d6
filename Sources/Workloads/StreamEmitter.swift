/// Turns one stream's blocks into encoded rows: generate, plant, deliver,
/// encode. The type-erased face (``BlockEmitter``) lets a run hold streams of
/// different record types in one list.

import Variates

/// An output file of a run: its base name and columns.
public struct OutputFile: Sendable, Equatable {
    /// File name without extension (`bets`, `truth_streaks`).
    public let name: String
    /// Column names (the CSV header).
    public let columns: [String]
}

/// A producer of rows for one or more output files, block by block.
public protocol BlockEmitter: AnyObject {
    /// The files this emitter writes, in order.
    var outputs: [OutputFile] { get }
    /// Appends the rows of `block` to `encoders[offset ..< offset + outputs.count]`;
    /// returns the number of main records.
    func emit(_ block: Block, into encoders: inout [RecordEncoder], offset: Int) -> Int
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
    let planter: Planter?
    public let outputs: [OutputFile]
    var state = DeliveryState<S.Record>()

    /// An emitter; `truth` names the planter's ground-truth file.
    public init(name: String, source: S, delivery: Delivery, tree: SeedTree,
                truth: OutputFile? = nil, planter: Planter? = nil) {
        self.name = name
        self.source = source
        self.delivery = delivery
        self.tree = tree.subtree(name)
        self.planter = planter
        self.outputs = [OutputFile(name: name, columns: S.Record.columns)] + (truth.map { [$0] } ?? [])
    }

    /// The delivered records of `block`, in arrival order.
    public func records(_ block: Block) -> [S.Record] {
        var truth = RecordEncoder(format: .csv, columns: outputs.last!.columns)
        produce(block, truth: &truth)
        return state.records
    }

    func produce(_ block: Block, truth: inout RecordEncoder) {
        state.records.removeAll(keepingCapacity: true)
        let blockName = "block-\(block.absoluteIndex)"
        source.generate(block, stream: tree.stream(blockName), into: &state.records)
        planter?(block, &state.records, &truth)
        source.deliver(delivery, &state, stream: tree.stream(blockName + "/delivery"))
    }

    public func emit(_ block: Block, into encoders: inout [RecordEncoder], offset: Int) -> Int {
        if outputs.count > 1 {
            produce(block, truth: &encoders[offset + 1])
        } else {
            var unused = RecordEncoder(format: encoders[offset].format, columns: [])
            produce(block, truth: &unused)
        }
        source.encode(state.records, into: &encoders[offset])
        return state.records.count
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

    public func emit(_ block: Block, into encoders: inout [RecordEncoder], offset: Int) -> Int {
        guard block.index == 0 else { return 0 }
        let all = rows()
        for r in all { encoders[offset].record(r) }
        return all.count
    }
}
