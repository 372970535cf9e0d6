/// A run of a workload over `[from, to)` with one seed: its blocks, its
/// output files, and the rows of each block.
///
/// Files, in order: one per stream (`<stream>`), each followed by its
/// ground-truth file if it plants behaviour (`truth_streaks_<stream>`,
/// `truth_fraud_<stream>`), then the dimensions the streams reference
/// (`players`, `games`, `merchants`), whose rows are all written with block
/// 0. Memory is bounded by one block's records, what is carried over the
/// lookback, and the dimension tables, never by the span. Blocks are
/// produced in order; asking for a block out of order replays the lookback.

import Variates

/// The generator of one run.
public final class WorkloadGenerator {
    /// The workload.
    public let workload: Workload
    /// The run's root seed.
    public let seed: UInt64
    /// The run's blocks.
    public let plan: BlockPlan
    /// The dimension tables.
    public let dimensions: Dimensions
    let emitters: [BlockEmitter]
    /// Every output file, in order.
    public let outputs: [OutputFile]

    /// Builds the dimensions and one emitter per stream.
    public init(workload: Workload, seed: UInt64, from: Int64, to: Int64) {
        self.workload = workload
        self.seed = seed
        let blockPlan = BlockPlan(from: from, to: to, length: workload.blockLength, lookback: workload.lookback)
        self.plan = blockPlan
        let tree = SeedTree(root: seed)
        let planted = workload.plantedPlayers
        let dims = Dimensions(players: workload.players + planted, games: workload.games,
                              merchants: workload.merchants, cards: workload.cards, tree: tree)
        self.dimensions = dims
        var emitters: [BlockEmitter] = []
        var plantedBase = Int64(workload.players)
        var uses: Set<String> = []
        for spec in workload.streams {
            let delivery = Delivery(disorder: spec.disorder, duplicates: spec.duplicates)
            let arrivals = ArrivalProcess(curve: spec.rate, meanBatchSize: spec.meanBatchSize)
            switch spec.kind {
            case .bets:
                let source = BetSource(arrivals: arrivals, players: spec.keys, dimensions: dims, stake: spec.amount)
                var planter: StreamEmitter<BetSource>.Planter?
                var truth: OutputFile?
                if let streaks = spec.streaks, streaks.players > 0 {
                    let streakPlan = StreakPlan(spec: streaks, firstPlayer: plantedBase + 1, from: from, to: to,
                                                tree: tree.subtree(spec.name), source: source)
                    plantedBase += Int64(streaks.players)
                    planter = { block, records, encoder in streakPlan.plant(block, into: &records, truth: &encoder) }
                    truth = OutputFile(name: "truth_streaks_" + spec.name, columns: StreakTruth.columns)
                }
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan,
                                              truth: truth, planter: planter))
                uses.formUnion(["players", "games"])
            case .pageViews:
                let source = PageViewSource(rate: spec.rate, meanBatchSize: spec.meanBatchSize, users: spec.keys, sessions: spec.sessions)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
            case .transactions:
                let source = TransactionSource(arrivals: arrivals, users: spec.keys, amount: spec.amount)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
            case .logins:
                let source = LoginSource(arrivals: arrivals, players: spec.keys, dimensions: dims)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
                uses.insert("players")
            case .results:
                let source = GameResultSource(arrivals: arrivals, games: spec.keys, dimensions: dims)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
                uses.insert("games")
            case .payments:
                let source = PaymentSource(arrivals: arrivals, players: spec.keys, dimensions: dims, amount: spec.amount)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
                uses.insert("players")
            case .accountChanges:
                let source = AccountChangeSource(arrivals: arrivals, players: spec.keys, dimensions: dims)
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan))
                uses.insert("players")
            case .cardTransactions:
                let source = CardTransactionSource(arrivals: arrivals, cards: spec.keys, dimensions: dims, amount: spec.amount)
                var planter: StreamEmitter<CardTransactionSource>.Planter?
                var truth: OutputFile?
                if let fraud = spec.fraud {
                    let fraudPlan = FraudPlan(spec: fraud, source: source, tree: tree.subtree(spec.name))
                    planter = { block, records, encoder in fraudPlan.plant(block, into: &records, truth: &encoder) }
                    truth = OutputFile(name: "truth_fraud_" + spec.name, columns: FraudTruth.columns)
                }
                emitters.append(StreamEmitter(name: spec.name, source: source, delivery: delivery, tree: tree, plan: blockPlan,
                                              truth: truth, planter: planter))
                uses.insert("merchants")
            }
        }
        if uses.contains("players") { emitters.append(DimensionEmitter(name: "players") { dims.playerRows() }) }
        if uses.contains("games") { emitters.append(DimensionEmitter(name: "games") { dims.gameRows() }) }
        if uses.contains("merchants") { emitters.append(DimensionEmitter(name: "merchants") { dims.merchantRows() }) }
        self.emitters = emitters
        self.outputs = emitters.flatMap(\.outputs)
    }

    /// Fresh encoders, one per output file.
    public func makeEncoders(format: OutputFormat, capacity: Int = 1 << 20) -> [RecordEncoder] {
        outputs.map { RecordEncoder(format: format, columns: $0.columns, capacity: capacity) }
    }

    /// Appends the rows of block `index` to `encoders` (one per output, in
    /// ``outputs`` order); returns the number of stream records.
    @discardableResult
    public func emit(block index: Int, into encoders: inout [RecordEncoder]) -> Int {
        var offset = 0
        var total = 0
        for emitter in emitters {
            total += emitter.emit(block: index, into: &encoders, offset: offset)
            offset += emitter.outputs.count
        }
        return total
    }
}

extension WorkloadGenerator {
    /// The typed emitter of stream `name` (for the simulator: its
    /// ``StreamEmitter/records(_:)`` gives each block's delivered records),
    /// or nil when there is no such stream or it has another source type.
    public func emitter<S: RecordSource>(named name: String, source: S.Type) -> StreamEmitter<S>? {
        emitters.lazy.compactMap { $0 as? StreamEmitter<S> }.first { $0.name == name }
    }

    /// Generates and delivers the records of stream `stream` in block
    /// `index` without encoding them (for the simulator and benchmarks);
    /// returns how many there were.
    @discardableResult
    public func records(stream: Int, block index: Int) -> Int {
        guard let emitter = emitters[stream] as? RecordCounting else { return 0 }
        return emitter.deliveredCount(index)
    }
}

/// Emitters that can produce a block without encoding it.
protocol RecordCounting {
    func deliveredCount(_ index: Int) -> Int
}

extension StreamEmitter: RecordCounting {
    func deliveredCount(_ index: Int) -> Int { records(index).count }
}
