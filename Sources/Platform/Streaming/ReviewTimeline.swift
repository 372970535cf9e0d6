import Metrics
import Variates

/// The manual review queue: `reviewers` servers, FIFO, each case taking a
/// sampled handling time; cases arrive at their REVIEW decision's write
/// time. The backlog at an arrival is the cases assigned whose handling has
/// not started yet.
struct ReviewTimeline {
    let handling: Distribution
    let stream: RandomStream
    var free: [Int64]
    var waitingStarts: [Int64] = []
    var waitingHead = 0
    var outcome = ReviewOutcome()
    var backlogSamples: [(Int64, Int64)] = []

    init(_ c: ReviewQueueConfiguration, stream: RandomStream) {
        handling = c.handling
        self.stream = stream
        free = Array(repeating: 0, count: c.reviewers)
    }

    /// A case arriving at `time`; it counts as completed when handled by `horizon`.
    mutating func submit(at time: Int64, horizon: Int64) {
        outcome.cases += 1
        var best = 0
        for i in free.indices where free[i] < free[best] { best = i }
        let start = max(time, free[best])
        let end = start + nanos(handling.sample(stream))
        free[best] = end
        while waitingHead < waitingStarts.count && waitingStarts[waitingHead] <= time { waitingHead += 1 }
        if waitingHead > 1024 && waitingHead * 2 > waitingStarts.count {
            waitingStarts.removeSubrange(0..<waitingHead)
            waitingHead = 0
        }
        if start > time { waitingStarts.append(start) }
        let backlog = Int64(waitingStarts.count - waitingHead)
        outcome.maxBacklog = max(outcome.maxBacklog, backlog)
        backlogSamples.append((time, backlog))
        if end <= horizon {
            outcome.completed += 1
            outcome.timeToReview.record(nanos: end - time)
        }
    }
}

/// The autoscaler's running state.
struct AutoscalerState {
    let configuration: AutoscalerConfiguration
    /// Service time scheduled in the current window (ns, all tasks).
    var busyNanos: Int64 = 0
    /// Records scheduled in the current window.
    var processed: Int64 = 0
    /// Records generated at the start of the window.
    var generatedAtStart: Int64 = 0
    /// (time, proposal) over the stabilization period.
    var proposals: [(Int64, Int)] = []

    init(_ c: AutoscalerConfiguration) { configuration = c }
}
