/// What the scorer does with a transaction, and the two-threshold policy
/// that maps a score to it.

/// The decision for one transaction, written as in the output file.
public enum FraudDecision: String, CaseIterable, Sendable, Comparable {
    /// Let it through.
    case allow = "ALLOW"
    /// Let it through and queue it for a human.
    case review = "REVIEW"
    /// Decline it.
    case block = "BLOCK"

    /// Order of severity: ALLOW < REVIEW < BLOCK.
    public static func < (a: Self, b: Self) -> Bool { a.severity < b.severity }

    /// 0 for ALLOW, 1 for REVIEW, 2 for BLOCK.
    public var severity: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .block: 2
        }
    }
}

/// Score thresholds: BLOCK at `score >= block`, REVIEW at
/// `review <= score < block`, ALLOW below `review`.
public struct FraudPolicy: Equatable, Sendable, Codable {
    /// Lowest score that is reviewed, in [0, 1].
    public var review: Double
    /// Lowest score that is blocked, in [review, 1].
    public var block: Double

    /// A policy with thresholds `review <= block`.
    /// - Precondition: `0 <= review <= block <= 1`.
    public init(review: Double, block: Double) {
        precondition(review >= 0 && review <= block && block <= 1, "thresholds need 0 <= review <= block <= 1, got \(review), \(block)")
        self.review = review
        self.block = block
    }

    /// The decision for `score`.
    /// - Complexity: O(1).
    @inlinable
    public func decide(_ score: Double) -> FraudDecision {
        score >= block ? .block : score >= review ? .review : .allow
    }
}
