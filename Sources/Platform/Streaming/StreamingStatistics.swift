import Metrics

/// Why a record left without being delivered.
enum DropCause: Int, CaseIterable {
    case duplicate, late, outage
    var name: String {
        switch self {
        case .duplicate: "duplicate"
        case .late: "late (dead letter)"
        case .outage: "outage (open producer batch)"
        }
    }
}

/// The counters, histograms and series the model fills as it runs.
struct StreamingStatistics {
    var kafka = LatencyHistogram()
    var buffer = LatencyHistogram()
    var sink = LatencyHistogram()
    var endToEnd = LatencyHistogram()
    var regionLatency: [LatencyHistogram]
    var decisions = DecisionCounts()
    var delivered: Int64 = 0
    var dropped = [Int64](repeating: 0, count: DropCause.allCases.count)
    var inFlightAfterEnd: Int64 = 0
    var generatedSeries: TimeSeries
    var deliveredSeries: TimeSeries
    var lagSeries: TimeSeries
    var bufferSeries: TimeSeries
    var parallelismSeries: TimeSeries
    var reviewSeries: TimeSeries
    var deliveriesPerDay: [Int64] = []
    var appendedPerDay: [Int64] = []
    var generatedSoFar: Int64 = 0
    var degradedNanos: Int64 = 0
    var actions: [AutoscalerAction] = []

    init(configuration c: StreamingConfiguration, partitions: Int, horizon: Int64) {
        regionLatency = Array(repeating: LatencyHistogram(), count: c.regions.count)
        func series() -> TimeSeries {
            // binWidth > 0 and horizon > 0 are preconditions of the model, so this cannot fail.
            try! TimeSeries(binWidthNanos: c.binWidthNanos, horizonNanos: max(horizon, c.binWidthNanos))
        }
        generatedSeries = series()
        deliveredSeries = series()
        lagSeries = series()
        bufferSeries = series()
        parallelismSeries = series()
        reviewSeries = series()
    }

    mutating func resetLatencies() {
        kafka.reset(); buffer.reset(); sink.reset(); endToEnd.reset()
        for i in regionLatency.indices { regionLatency[i].reset() }
        decisions = DecisionCounts()
    }

    @inline(__always)
    mutating func drop(_ cause: DropCause) { dropped[cause.rawValue] += 1 }

    /// A record written to the sink at `time`.
    @inline(__always)
    mutating func deliver(_ r: StreamRecord, outcome: OperatorChain.Outcome, sinkNanos: Int64, at time: Int64) {
        delivered += 1
        sink.record(nanos: sinkNanos)
        let e2e = time - r.arrivalNanos
        endToEnd.record(nanos: e2e)
        regionLatency[Int(r.region)].record(nanos: e2e)
        deliveredSeries.record(1, at: time)
        let day = Int(time / 86_400_000_000_000)
        if day >= deliveriesPerDay.count { deliveriesPerDay.append(contentsOf: repeatElement(0, count: day + 1 - deliveriesPerDay.count)) }
        deliveriesPerDay[day] += 1
        let fraud = r.isFraud
        switch outcome {
        case .approve: if fraud { decisions.approveFraud += 1 } else { decisions.approveLegit += 1 }
        case .review: if fraud { decisions.reviewFraud += 1 } else { decisions.reviewLegit += 1 }
        case .block: if fraud { decisions.blockFraud += 1 } else { decisions.blockLegit += 1 }
        default: break
        }
    }
}
