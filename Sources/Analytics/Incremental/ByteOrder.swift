/// The byte order of ids that every Analytics output uses (`U1 < u1 < u10 <
/// u9 < z < é`), for accumulators that hold ids as `String`.

extension String {
    /// Whether `self` sorts before `other` by their UTF-8 bytes (not Swift's Unicode ordering).
    @inline(__always)
    public func precedesInBytes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}
