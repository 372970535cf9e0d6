import Analytics
import Metrics
import SimCore
import Variates

/// The streaming path as one SimCore model: gateways and producers →
/// Kafka partitions → stream-job tasks running the operator chain with the
/// real Analytics code → decision sink and review queue.
///
/// Events: `ingest` (every ``ingestStepNanos``: the next slice of arrivals
/// goes through the producers, arithmetically), `fetch` (per task: takes
/// visible records into its buffer and schedules each record's service
/// arithmetically, FIFO, running the operators in record order), `sample`
/// (lag, buffers, degraded mode), `autoscale` and `restart`. So a record
/// costs no event of its own; events grow with time, not with the rate.
public struct StreamingModel<Input: StreamInput>: Model {
    enum Kind: Int32 { case ingest, fetch, sample, autoscale, restart }
    /// Simulated time between two ingest steps (ns).
    public static var ingestStepNanos: Int64 { 5_000_000 }
    /// Simulated time between two lag samples (ns).
    public static var sampleNanos: Int64 { 100_000_000 }

    let configuration: StreamingConfiguration
    let topic: TopicConfiguration
    let horizon: Int64
    let input: Input
    var block: [StreamRecord] = []
    var cursor = 0
    var inputDone = false
    /// First arrival of the last block read (records of later blocks arrive after it).
    var loadedStart = Int64.min
    var producer: ProducerPipeline
    var logs: [PartitionLog]
    var tasks: [StreamTask]
    var generation: Int64 = 0
    var restartAt: Int64 = 0
    var chain: OperatorChain
    var scratch: [StreamRecord] = []
    let sinkLatency: Distribution
    let sinkStream: RandomStream
    var review: ReviewTimeline?
    var degraded = false
    var degradedSince: Int64 = 0
    var autoscaler: AutoscalerState?
    var stats: StreamingStatistics

    /// A model over `input` for `horizonNanos` of simulated time.
    /// - Precondition: `configuration.problems()` is empty and a fraud model is given when an operator needs one.
    public init(configuration: StreamingConfiguration, input: Input, fraudModel: FraudModel?, horizonNanos: Int64, tree: SeedTree) {
        let problems = configuration.problems()
        precondition(problems.isEmpty, "StreamingModel: invalid configuration: \(problems.joined(separator: "; "))")
        precondition(horizonNanos > 0, "StreamingModel: horizon must be positive")
        precondition(!configuration.job.operators.contains { $0.kind == .fraudScore } || fraudModel != nil,
                     "StreamingModel: a fraud-score operator needs a fraud model")
        let topic = configuration.jobTopic!
        self.configuration = configuration
        self.topic = topic
        self.horizon = horizonNanos
        self.input = input
        producer = ProducerPipeline(configuration: configuration, topic: topic, tree: tree)
        logs = Array(repeating: PartitionLog(), count: topic.partitions)
        tasks = (0..<configuration.job.parallelism).map { _ in StreamTask(capacity: configuration.job.bufferCapacityRecords, from: 0) }
        chain = OperatorChain(configuration: configuration, fraudModel: fraudModel, tree: tree)
        sinkLatency = configuration.decisionSink.writeLatency
        sinkStream = tree.stream("decision-sink")
        review = configuration.reviewQueue.map { ReviewTimeline($0, stream: tree.stream("review")) }
        autoscaler = configuration.job.autoscaler.map { AutoscalerState($0) }
        stats = StreamingStatistics(configuration: configuration, partitions: topic.partitions, horizon: horizonNanos)
    }

    /// `a` and `b` (each in arrival order) merged by arrival, `a` first on ties.
    static func merge(_ a: ArraySlice<StreamRecord>, _ b: [StreamRecord]) -> [StreamRecord] {
        var out: [StreamRecord] = []
        out.reserveCapacity(a.count + b.count)
        var i = a.startIndex, j = 0
        while i < a.endIndex && j < b.count {
            if b[j].arrivalNanos < a[i].arrivalNanos { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// The first events: ingest, a fetch per task, sampling, the autoscaler.
    public func schedule(into calendar: inout EventCalendar) {
        calendar.schedule(at: 0, target: 0, kind: Kind.ingest.rawValue, priority: Event.urgent)
        for k in tasks.indices { calendar.schedule(at: 0, target: Int32(k), kind: Kind.fetch.rawValue, payload: generation) }
        // Samples fall halfway between polls: idle tasks fetch on a grid of the
        // poll interval from 0, so a sample on that grid would always follow a
        // fetch and read a lag of 0 however long records wait in Kafka.
        calendar.schedule(at: max(0, configuration.job.fetchWaitNanos / 2), target: 0, kind: Kind.sample.rawValue, priority: Event.late)
        if let a = configuration.job.autoscaler {
            calendar.schedule(at: a.metricWindowNanos, target: 0, kind: Kind.autoscale.rawValue, priority: Event.late)
        }
    }

    public mutating func handle(_ event: Event, in calendar: inout EventCalendar) {
        switch Kind(rawValue: event.kind)! {
        case .ingest: ingest(at: event.time, in: &calendar)
        case .fetch: if event.payload == generation { fetch(task: Int(event.target), at: event.time, in: &calendar) }
        case .sample: sample(at: event.time, in: &calendar)
        case .autoscale: autoscale(at: event.time, in: &calendar)
        case .restart: restart(parallelism: Int(event.payload), at: event.time, in: &calendar)
        }
    }

    public mutating func resetStatistics(at time: SimTime) {
        stats.resetLatencies()
        producer.gatewayLatency.reset()
        producer.produceLatency.reset()
        for i in chain.latency.indices { chain.latency[i].reset() }
    }

    /// Pushes the arrivals in `[time, time + step)` through the producers.
    /// A block may hold records arriving after its end (a planted fraud
    /// episode runs on past its block); the unread rest of a block is then
    /// merged, by arrival, with the next blocks until one starts after the step.
    mutating func ingest(at time: Int64, in calendar: inout EventCalendar) {
        let end = time + Self.ingestStepNanos
        while true {
            if cursor < block.count && block[cursor].arrivalNanos < end {
                let r = block[cursor]
                cursor += 1
                if r.arrivalNanos >= horizon { continue }
                var copy = r
                copy.arrivalNanos = max(copy.arrivalNanos, time)
                producer.add(copy, into: &logs)
                continue
            }
            if inputDone || loadedStart >= end { break }
            guard let next = input.nextBlock() else { inputDone = true; break }
            if let first = next.first { loadedStart = first.arrivalNanos }
            block = cursor < block.count ? Self.merge(block[cursor...], next) : next
            cursor = 0
        }
        if cursor == block.count && inputDone { block = [] ; cursor = 0 }
        producer.closeExpired(upTo: end, into: &logs)
        let delta = producer.generated - stats.generatedSoFar
        if delta > 0 {
            stats.generatedSoFar = producer.generated
            stats.generatedSeries.record(Double(delta), at: time)
            let day = Int(time / 86_400_000_000_000)
            if day >= stats.appendedPerDay.count { stats.appendedPerDay.append(contentsOf: repeatElement(0, count: day + 1 - stats.appendedPerDay.count)) }
            stats.appendedPerDay[day] += delta
        }
        if end <= horizon { calendar.schedule(at: end, target: 0, kind: Kind.ingest.rawValue, priority: Event.urgent) }
    }
}
