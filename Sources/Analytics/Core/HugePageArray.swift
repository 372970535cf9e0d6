/// A growable array of plain values (no references) in anonymous memory with
/// transparent huge pages requested, for the large state of the streaming
/// sessionizer that is read at random: with 2 MiB pages its tens of megabytes
/// need few TLB entries, so an access costs one memory access, not a page
/// walk plus one. Element access is unchecked in release builds.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one anonymous mapping; unmaps it when released.
final class HugePageMapping {
    let address: UnsafeMutableRawPointer
    let bytes: Int

    init(bytes: Int) {
        let n = max(bytes, 4096)
        let p = mmap(nil, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(p != nil && p != MAP_FAILED, "HugePageMapping: cannot map \(n) bytes")
        #if canImport(Glibc)
        if n >= 2 << 20 { _ = madvise(p, n, MADV_HUGEPAGE) }
        #endif
        address = p!
        self.bytes = n
    }

    deinit { munmap(address, bytes) }
}

/// `count` values of a plain type `Element` in a ``HugePageMapping``, with
/// value semantics (``makeUnique()`` copies a shared mapping before a mutation).
struct HugePageArray<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0
    private var mapping: HugePageMapping

    /// An empty array with room for `capacity` values.
    init(capacity: Int = 1 << 12) {
        precondition(_isPOD(Element.self), "HugePageArray holds plain values only")
        self.capacity = max(capacity, 16)
        mapping = HugePageMapping(bytes: self.capacity * MemoryLayout<Element>.stride)
        base = mapping.address.bindMemory(to: Element.self, capacity: self.capacity)
    }

    /// Value `i`. - Precondition (debug builds): `0 <= i < count`.
    @inline(__always)
    subscript(i: Int) -> Element {
        get { assert(i >= 0 && i < count, "HugePageArray index \(i) out of 0..<\(count)"); return base[i] }
        nonmutating set { assert(i >= 0 && i < count, "HugePageArray index \(i) out of 0..<\(count)"); base[i] = newValue }
    }

    /// Appends `value`, doubling the capacity when full.
    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = value
        count += 1
    }

    /// Appends `n` copies of `value`.
    mutating func append(_ value: Element, count n: Int) {
        if count + n > capacity {
            var c = capacity * 2
            while c < count + n { c *= 2 }
            grow(to: c)
        }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Gives this value its own mapping when it shares one with a copy.
    @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&mapping) { grow(to: capacity) }
    }

    private mutating func grow(to newCapacity: Int) {
        let m = HugePageMapping(bytes: newCapacity * MemoryLayout<Element>.stride)
        let p = m.address.bindMemory(to: Element.self, capacity: newCapacity)
        p.update(from: base, count: count)
        mapping = m
        base = p
        capacity = newCapacity
    }
}
