/// The expectation language of a scenario's `expect:` block.
///
/// Each item is one line of text:
///
///     expect:
///       - throughput held              # delivered ≥ 99% of the offered rate
///       - throughput held 95%          # … of a chosen share
///       - slo met                      # every `slos:` objective holds (also: p99 within slo)
///       - drops == 0
///       - lag drained within 10m       # after every workload spike
///       - p99 <= 5s                    # end to end (at the sinks)
///       - mean_sojourn[server] ~ analytic   # theory inside the replications' 99% CI
///       - utilization[server] <= 85%
///       - storage <= 5TB
///       - cost.aws <= 12000 USD
///
/// Streaming scenarios (`streaming:`) add, where `[JOB]` optionally names one
/// stream job (default: every job together):
///
///       - recall >= 50%                # flagged (REVIEW or BLOCK) ÷ fraudulent
///       - precision[scoring] >= 10%    # fraudulent ÷ flagged
///       - dead_letters == 0            # a count, or a share of the records generated:
///       - dead_letters[sessions] <= 1% # [JOB] or a cause (`dead_letters[late] <= 100`)
///       - drops <= 0.1%                # drops (dead letters apart) as a share of generated
///       - lag <= 100k                  # most records in Kafka not yet fetched (also lag[JOB])
///       - max parallelism <= 64        # most tasks running at once (also max_parallelism[JOB])
///       - hot_partitions == 0          # partitions above 2× the mean records per partition
///       - review_backlog <= 500        # most REVIEW cases waiting for a reviewer
///       - scaled up during spike       # an autoscaler scale-up inside every spike
///       - scaled down after spike      # a scale-down once every spike's traffic falls (its ramp-down on)
///       - review backlog drained       # no case waiting for a reviewer at the end
///
/// Metrics are ``ExpectationMetric``; `STAGE` names a station or delay, or a
/// stage of a stream job (`kafka`, `score`, `scoring.kafka`).

import Planning

/// One expectation as decoded.
public struct Expectation: Sendable, Equatable {
    /// The text as written (the JUnit test case name).
    public var text: String
    /// Where it is in the file.
    public var line: Int
    /// What is checked.
    public var check: Check

    /// The kinds of check.
    public enum Check: Sendable, Equatable {
        /// Delivered rate at least `share` × offered rate (after the warm-up).
        case throughputHeld(share: Double)
        /// Every SLO holds.
        case sloMet
        /// Records waiting return to their pre-spike level within the duration (seconds) after each spike.
        case lagDrained(withinSeconds: Double)
        /// A metric against a value, the analytic value, or the SLO bound.
        case compare(metric: ExpectationMetric, stage: String?, op: Comparator, target: Target)
        /// An autoscaler action inside every spike (`up`), or after every spike's end (`!up`).
        case scaled(up: Bool)
        /// No REVIEW case waiting for a reviewer at the end of the run.
        case reviewBacklogDrained
        /// A batch-side figure (CDC lag, file-drop loads, the ELT job; ``BatchExpectation``).
        case batch(BatchExpectation)
    }

    /// `<=`, `<`, `>=`, `>`, `==`, or `~` (the analytic value inside the 99% CI).
    public enum Comparator: String, Sendable, Equatable, CaseIterable {
        case atMost = "<=", below = "<", atLeast = ">=", above = ">", equals = "==", near = "~"

        /// `value op target`.
        public func holds(_ value: Double, _ target: Double) -> Bool {
            switch self {
            case .atMost: return value <= target
            case .below: return value < target
            case .atLeast: return value >= target
            case .above: return value > target
            case .equals: return value == target
            case .near: return value == target
            }
        }
    }

    /// What a metric is compared with.
    public enum Target: Sendable, Equatable {
        /// A number in the metric's unit (seconds, per second, bytes, USD, a fraction, a count).
        case value(Double)
        /// The queueing-theory value of the stage (``ScenarioAnalytics``).
        case analytic
        /// A share (0…1) of the records generated (`dead_letters <= 1%`).
        case share(Double)
    }
}

/// A quantity that an expectation can name.
public enum ExpectationMetric: String, Sendable, Equatable, CaseIterable {
    case meanSojourn = "mean_sojourn", meanWait = "mean_wait", utilization
    case p50, p95, p99, p999, max
    case throughput, drops, delivered, lag, storage
    case costGCP = "cost.gcp", costAWS = "cost.aws", costAzure = "cost.azure"
    case recall, precision
    case deadLetters = "dead_letters", maxParallelism = "max_parallelism", hotPartitions = "hot_partitions"
    case reviewBacklog = "review_backlog"

    /// Names accepted in the text (`p99.9` is `p999`).
    public static var names: [String] { allCases.map(\.rawValue) + ["p99.9"] }

    /// The metric named `text`, if any.
    public init?(name text: String) {
        if text == "p99.9" { self = .p999; return }
        self.init(rawValue: text)
    }

    /// What its value is, for parsing a target.
    public var unit: Unit {
        switch self {
        case .meanSojourn, .meanWait, .p50, .p95, .p99, .p999, .max: return .seconds
        case .utilization, .recall, .precision: return .fraction
        case .throughput: return .rate
        case .drops, .delivered, .lag, .deadLetters, .maxParallelism, .hotPartitions, .reviewBacklog: return .count
        case .storage: return .bytes
        case .costGCP, .costAWS, .costAzure: return .usd
        }
    }

    /// The percentile of a latency metric (100 for max).
    public var percentile: Double? {
        switch self {
        case .p50: return 50
        case .p95: return 95
        case .p99: return 99
        case .p999: return 99.9
        case .max: return 100
        default: return nil
        }
    }

    /// `true` when the metric needs `[stage]`.
    public var needsStage: Bool { self == .meanWait || self == .utilization }
    /// `true` when the metric can be given a `[stage]` (for a streaming figure: a `[JOB]`).
    public var allowsStage: Bool {
        unit == .seconds || self == .utilization || self == .throughput || self == .drops || isStreaming
    }
    /// `true` for a figure only a streaming scenario has (its `[…]` names a stream job).
    public var isStreaming: Bool {
        switch self {
        case .recall, .precision, .deadLetters, .maxParallelism, .hotPartitions, .reviewBacklog, .lag: return true
        default: return false
        }
    }
    /// `true` when the value may be a share of the records generated (`1%`).
    public var allowsShare: Bool { self == .drops || self == .deadLetters }
    /// `true` when queueing theory gives a value (``Expectation/Target/analytic``).
    public var hasAnalytic: Bool { unit == .seconds && self != .max || self == .utilization || self == .throughput }

    /// The unit of a metric's value.
    public enum Unit: Sendable, Equatable {
        case seconds, fraction, rate, count, bytes, usd

        /// An example of a value in this unit.
        public var example: String {
            switch self {
            case .seconds: return "a duration such as 5s"
            case .fraction: return "a fraction such as 85% or 0.85"
            case .rate: return "a rate such as 50k/s"
            case .count: return "a whole number such as 0 or 100k"
            case .bytes: return "a size such as 5TB"
            case .usd: return "an amount such as 12000 USD"
            }
        }
    }
}
