/// Suggestions for misspelt names ("did you mean `rate`?").
///
/// Used wherever user input names a key from a fixed vocabulary: distribution
/// parameters here, scenario and workload fields in the layers above.

/// Nearest-name lookup by Levenshtein edit distance.
public enum Spelling {
    /// The candidate closest to `word` (case-insensitive), if it is within
    /// `max(2, word.count / 3)` edits; ties go to the earlier candidate.
    /// - Complexity: O(Σ |word| · |candidate|).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().utf8)
        let limit = max(2, lowered.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lowered, Array(candidate.lowercased().utf8))
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// ` (did you mean `x`?)` or the empty string.
    public static func suggestion(for word: String, in candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Levenshtein distance between two byte strings.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
