/// A time block: the unit of generation, randomness and sharding.
///
/// Time is cut into fixed-length blocks aligned to the Unix epoch (block
/// length divides a day). Block k of a run covers `[start, end)` clipped to
/// the run's `[from, to)` and draws from its own streams
/// `<stream>/block-<absolute index>` of the seed tree: the records that
/// *originate* in it (an arrival, a visit's start, a fraud episode's start)
/// are a function of the seed, the workload and the block alone.
///
/// Files are in arrival order. A record that arrives after its block's end
/// (a delayed record, a retry, a later event of a visit or a burst) is
/// carried and written with the block its arrival falls in. Carrying is
/// bounded by the *lookback* L: visits and bursts stop at their block's end
/// + L, and a delayed arrival later than that is delivered at end + L − 1 µs.
/// A shard that starts at block b first replays blocks b − ⌈L/length⌉ … b − 1
/// (without writing them) to rebuild what they carry into b, so shard i of
/// N, a contiguous range of blocks, writes exactly its part of the
/// unsharded files.

/// One block of a run.
public struct Block: Sendable, Equatable {
    /// Index within the run, 0-based.
    public let index: Int
    /// Index since the epoch (`floor(start / length)`), names its streams.
    public let absoluteIndex: Int64
    /// First instant, µs (clipped to the run's start).
    public let start: Int64
    /// End, exclusive, µs (clipped to the run's end).
    public let end: Int64
    /// Latest arrival a record of this block may have: `end + lookback − 1`.
    public let horizon: Int64

    /// First record id of this block: ids are `index × 10¹⁰ + 1 + sequence`.
    public var idBase: Int64 { Int64(index) * 10_000_000_000 + 1 }
}

/// The blocks of a run `[from, to)` with a given block length.
public struct BlockPlan: Sendable, Equatable {
    /// Run start, µs.
    public let from: Int64
    /// Run end, exclusive, µs.
    public let to: Int64
    /// Block length, µs.
    public let length: Int64
    /// How far past its block's end a record may arrive, µs.
    public let lookback: Int64

    /// A plan; `length` must divide a day, `from < to`, `lookback > 0`.
    public init(from: Int64, to: Int64, length: Int64, lookback: Int64 = 2 * Timestamp.hour) {
        precondition(from < to, "a run needs from < to")
        precondition(length > 0 && Timestamp.day % length == 0, "a block length must divide one day")
        precondition(lookback > 0, "the lookback must be positive")
        self.from = from
        self.to = to
        self.length = length
        self.lookback = lookback
    }

    /// Blocks a shard replays before its first block: ⌈lookback / length⌉.
    public var replayBlocks: Int { Int((lookback + length - 1) / length) }

    /// Absolute index of the block containing `t`.
    public func absolute(_ t: Int64) -> Int64 { t >= 0 ? t / length : -((-t + length - 1) / length) }

    /// Number of blocks.
    public var count: Int { Int(absolute(to - 1) - absolute(from) + 1) }

    /// Block `i` of the run.
    public func block(_ i: Int) -> Block {
        precondition(i >= 0 && i < count, "block index out of range")
        let abs = absolute(from) + Int64(i)
        let end = min(to, (abs + 1) * length)
        return Block(index: i, absoluteIndex: abs, start: max(from, abs * length), end: end, horizon: end + lookback - 1)
    }

    /// The blocks of shard `shard` of `shards`: a contiguous range, shards in
    /// order covering every block once (`⌊i·K/N⌋ ..< ⌊(i+1)·K/N⌋`).
    public func blocks(shard: Int, of shards: Int) -> Range<Int> {
        precondition(shards >= 1 && shard >= 0 && shard < shards, "shard must be in 0..<shards")
        let k = count
        return (shard * k / shards)..<((shard + 1) * k / shards)
    }
}
