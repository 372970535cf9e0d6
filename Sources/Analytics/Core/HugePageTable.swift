/// A large zero-filled table of fixed-size values in anonymous memory with
/// transparent huge pages requested, for hash tables probed at random: with
/// 2 MiB pages a 256 MiB table needs 128 TLB entries instead of 65,536, so a
/// probe costs one memory access rather than a page walk plus one.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `count` zero-initialized `UInt64`s, released with the object.
public final class HugePageTable: @unchecked Sendable {
    /// The first value.
    public let base: UnsafeMutablePointer<UInt64>
    /// Number of values.
    public let count: Int
    private let bytes: Int

    /// A table of `count` zeros. - Precondition: `count > 0` and the memory can be mapped.
    public init(count: Int) {
        precondition(count > 0, "HugePageTable needs at least one value")
        self.count = count
        bytes = count * MemoryLayout<UInt64>.stride
        let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(p != nil && p != MAP_FAILED, "HugePageTable: cannot map \(bytes) bytes")
        #if canImport(Glibc)
        _ = madvise(p, bytes, MADV_HUGEPAGE)
        #endif
        base = p!.bindMemory(to: UInt64.self, capacity: count)
    }

    deinit { munmap(base, bytes) }
}
