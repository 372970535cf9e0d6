/// The Bronze writer of a lakehouse dataset: records are appended to one
/// open file per writer, and a file closes when it reaches the size limit
/// or its age limit, whichever comes first. Counting files matters: a
/// writer per partition that rolls every minute makes 1,440 files a day per
/// partition, most of them small (the small-files problem of object-store
/// tables: per-object request costs, slow listing and planning).
///
/// Exact rules (deterministic; no randomness):
/// - A file opens with the first record a writer receives while it has no
///   open file, at that record's time t₀.
/// - Age: the file closes at t₀ + max-file-age. A record arriving at or
///   after that instant goes to a new file. (The close is applied when the
///   next record arrives or at ``finish()``; the count is the same as
///   closing on a timer.)
/// - Size: a record is never split. After a record is appended, the file
///   closes if its stored bytes are ≥ max-file-size.
/// - Stored bytes of a record: its JSON bytes ÷ the compression ratio
///   (fractional bytes are carried, not rounded per record).
/// - ``finish()`` closes every open file; those count as closed by time.
///
/// State: two numbers per writer, O(writers) memory whatever the run length.

/// Rolls Bronze files for one dataset.
public struct BronzeWriter: Sendable {
    /// The rolling policy.
    public let rolling: FileRolling
    /// JSON bytes ÷ stored bytes.
    public let compressionRatio: Double
    /// Opening time of each writer's file, ns; `nil`: no open file.
    private var openedAt: [Int64?]
    /// Stored bytes in each writer's open file.
    private var openBytes: [Double]
    private let maxBytes: Double
    private let maxAge: Int64
    private var closedBytes = 0.0
    /// Files closed by reaching the size limit.
    public private(set) var closedBySize: Int64 = 0
    /// Files closed by reaching the age limit or by ``finish()``.
    public private(set) var closedByTime: Int64 = 0
    /// Records appended.
    public private(set) var records: Int64 = 0

    /// A writer set for `rolling` (valid: see ``DatasetConfiguration/validationErrors(path:)``) and `compressionRatio` > 0.
    public init(rolling: FileRolling, compressionRatio: Double) {
        precondition(rolling.writers >= 1, "BronzeWriter needs at least one writer, got \(rolling.writers)")
        precondition(rolling.maxFileBytes.map { $0 > 0 } ?? true && rolling.maxFileAgeNanos.map { $0 > 0 } ?? true
                     && (rolling.maxFileBytes != nil || rolling.maxFileAgeNanos != nil), "BronzeWriter: invalid rolling \(rolling)")
        precondition(compressionRatio.isFinite && compressionRatio > 0, "BronzeWriter: compression ratio must be positive, got \(compressionRatio)")
        self.rolling = rolling
        self.compressionRatio = compressionRatio
        openedAt = Array(repeating: nil, count: rolling.writers)
        openBytes = Array(repeating: 0, count: rolling.writers)
        maxBytes = rolling.maxFileBytes.map(Double.init) ?? .infinity
        maxAge = rolling.maxFileAgeNanos ?? .max
    }

    /// Appends one record of `jsonBytes` to writer `writer` at time `time` (ns; non-decreasing per writer).
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func append(writer: Int, time: Int64, jsonBytes: Int) {
        append(writer: writer, time: time, records: 1, jsonBytes: jsonBytes)
    }

    /// Appends `records` records totalling `jsonBytes`, arriving together at `time`, as one unit
    /// (a producer batch: never split across files).
    /// - Complexity: O(1).
    public mutating func append(writer: Int, time: Int64, records count: Int, jsonBytes: Int) {
        precondition(writer >= 0 && writer < openedAt.count, "BronzeWriter: writer \(writer) out of 0..<\(openedAt.count)")
        if let t0 = openedAt[writer] {
            precondition(time >= t0, "BronzeWriter: time went backwards on writer \(writer) (\(time) < \(t0))")
            if time - t0 >= maxAge { close(writer, bySize: false) }
        }
        if openedAt[writer] == nil { openedAt[writer] = time }
        openBytes[writer] += Double(jsonBytes) / compressionRatio
        records += Int64(count)
        if openBytes[writer] >= maxBytes { close(writer, bySize: true) }
    }

    /// Closes every open file (counted as closed by time). Call once, at the end of the run.
    public mutating func finish() {
        for w in openedAt.indices where openedAt[w] != nil { close(w, bySize: false) }
    }

    private mutating func close(_ writer: Int, bySize: Bool) {
        if bySize { closedBySize += 1 } else { closedByTime += 1 }
        closedBytes += openBytes[writer]
        openBytes[writer] = 0
        openedAt[writer] = nil
    }

    /// Files closed so far.
    public var files: Int64 { closedBySize + closedByTime }

    /// Files and bytes closed so far, over `observedSeconds` of run.
    public func stats(observedSeconds: Double) -> BronzeFileStats {
        BronzeFileStats(files: files, bytes: Int64(closedBytes.rounded()), closedBySize: closedBySize,
                        closedByTime: closedByTime, observedSeconds: observedSeconds)
    }
}
