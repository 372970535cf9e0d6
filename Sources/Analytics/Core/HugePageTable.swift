/// A large zero-filled table of `UInt64` in a ``HugePageMapping``, for hash
/// tables probed at random: with 2 MiB pages a 256 MiB table needs 128 TLB
/// entries instead of 65,536, so a probe costs one memory access rather than
/// a page walk plus one. The zeros are the mapping's own (no pass to fill them).

/// `count` zero-initialized `UInt64`s, released with the object.
public final class HugePageTable: @unchecked Sendable {
    /// The first value.
    public let base: UnsafeMutablePointer<UInt64>
    /// Number of values.
    public let count: Int
    private let mapping: HugePageMapping

    /// A table of `count` zeros. - Precondition: `count > 0` and the memory can be mapped.
    public init(count: Int) {
        precondition(count > 0, "HugePageTable needs at least one value")
        self.count = count
        mapping = HugePageMapping(bytes: count * MemoryLayout<UInt64>.stride)
        base = mapping.address.bindMemory(to: UInt64.self, capacity: count)
    }
}
