/// The seed tree: one root seed, an independent stream per named component.
///
/// A component's stream seed is a pure function of the root seed and the
/// component's *name*, never of creation order, so adding a component never
/// shifts another's numbers, and two scenarios that share component names
/// are compared on common random numbers.
///
/// The derivation (stable across runs, machines and versions; changing it is
/// a deliberate, documented break caught by the golden-sequence tests):
///
///     h    = FNV-1a-64 over (root as 8 little-endian bytes) ++ UTF-8(name)
///     seed = SplitMix64-finalizer(h)
///
/// and the stream's xoshiro256** state is the first four SplitMix64 outputs
/// from `seed` (see ``RandomStream/init(seed:name:)``).

/// A root seed and the function from component names to stream seeds.
public struct SeedTree: Sendable, Hashable {
    /// The run's root seed, printed in every report.
    public let root: UInt64
    /// A prefix added before every name, for sub-trees (`"region/eu/"`).
    public let prefix: String

    /// Creates the tree of a run.
    public init(root: UInt64, prefix: String = "") {
        self.root = root
        self.prefix = prefix
    }

    /// The stream seed of the component with this name.
    public func seed(for name: String) -> UInt64 {
        SeedTree.derive(root: root, name: prefix + name)
    }

    /// A new stream for the named component.
    public func stream(_ name: String) -> RandomStream {
        RandomStream(seed: seed(for: name), name: prefix + name)
    }

    /// The sub-tree whose names all start with `name + "/"`.
    public func subtree(_ name: String) -> SeedTree {
        SeedTree(root: root, prefix: prefix + name + "/")
    }

    /// The tree of replication `index`: a new root derived from this one, so
    /// replications are independent and each is reproducible on its own.
    public func replication(_ index: Int) -> SeedTree {
        SeedTree(root: SeedTree.derive(root: root, name: "replication/\(index)"), prefix: prefix)
    }

    /// FNV-1a-64 of the root's bytes and the name, then SplitMix64's finalizer.
    public static func derive(root: UInt64, name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var r = root
        for _ in 0..<8 {
            h = (h ^ (r & 0xff)) &* prime
            r >>= 8
        }
        for byte in name.utf8 {
            h = (h ^ UInt64(byte)) &* prime
        }
        return splitMixFinalize(h)
    }

    /// SplitMix64's output function (Stafford's mix13 variant).
    @inlinable
    public static func splitMixFinalize(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
