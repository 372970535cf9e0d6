import Metrics
import Variates

/// Gateways and producers of every region, and the brokers' append path:
/// everything a record goes through before a consumer can read it.
///
/// It depends only on arrivals (never on the consumers), so it runs ahead
/// of them: ``ingest(until:into:)`` takes the records arriving before a
/// time and appends them to their partitions with the time each becomes
/// visible, computed arithmetically. Per record: one region draw, one
/// validation sample, one key hash (cached per key). Per batch: one append
/// with leader and follower timelines. No calendar event per record or batch.
struct ProducerPipeline {
    struct Accumulator {
        var records: [StreamRecord] = []
        var bytes = 0
        var openedAt: Int64 = 0
        var serial: Int64 = 0
    }
    struct Linger { var closeAt: Int64; var accumulator: Int32; var serial: Int64 }
    /// A sent batch on its way to the partition leader (or waiting to be retried).
    struct Transit { var reach: Int64; var partition: Int; var records: [StreamRecord] }
    /// A FIFO of batches in transit; each region has two (sent, retried),
    /// each sorted by reach time because its delay is constant.
    struct TransitQueue {
        var items: [Transit] = []
        var head = 0
        var next: Int64? { head < items.count ? items[head].reach : nil }
        mutating func pop() -> Transit {
            let t = items[head]
            items[head].records = []
            head += 1
            if head > 256 && head * 2 > items.count { items.removeSubrange(0..<head); head = 0 }
            return t
        }
    }

    let regions: [RegionConfiguration]
    /// Per region, hoisted out of the configuration so the per-record path copies no struct of distributions.
    let validation: [Distribution], leaderAppend: [Distribution], replication: [Distribution]
    let linger: [Int64], batchSize: [Int], retryProbability: [Double], retryBackoff: [Int64], crossRegion: [Int64]
    let shares: [Double]
    let outages: [OutageConfiguration]
    let outageRegion: [Int]
    let partitions: Int
    let brokers: Int
    let replicationFactor: Int
    let minInsync: Int
    let recordBytes: Int
    let brokerNanosPerByte: Double
    let partitionNanosPerByte: Double
    let keyed: Bool
    var salting: HotKeySalting?
    let stream: RandomStream
    var accumulators: [Accumulator]
    var lingerQueue: [Linger] = []
    var lingerHead = 0
    var transit: [TransitQueue]
    var brokerQueue: [FluidBacklog]
    var partitionQueue: [FluidBacklog]
    var lastGateway: [Int64]
    var partitionCache: [Int16] = []
    var roundRobin = 0
    var followerDone: [Int64] = []

    // Statistics.
    var gatewayLatency = LatencyHistogram()
    var produceLatency = LatencyHistogram()
    var generated: Int64 = 0
    var regionGenerated: [Int64]
    var droppedOutage: Int64 = 0
    var pending: Int64 = 0
    var brokerBytes: [Int64]

    init(configuration c: StreamingConfiguration, topic: TopicConfiguration, tree: SeedTree) {
        regions = c.regions
        validation = c.regions.map(\.gateway.validationCost)
        leaderAppend = c.regions.map(\.gateway.leaderAppend)
        replication = c.regions.map(\.gateway.replication)
        linger = c.regions.map(\.gateway.lingerNanos)
        batchSize = c.regions.map(\.gateway.batchSizeBytes)
        retryProbability = c.regions.map(\.gateway.retryProbability)
        retryBackoff = c.regions.map(\.gateway.retryBackoffNanos)
        crossRegion = c.regions.map(\.crossRegionLatencyNanos)
        let total = c.regions.reduce(0) { $0 + $1.trafficShare }
        shares = c.regions.map { $0.trafficShare / total }
        outages = c.outages.sorted { ($0.startNanos, $0.region) < ($1.startNanos, $1.region) }
        outageRegion = outages.map { o in c.regions.firstIndex { $0.name == o.region } ?? 0 }
        partitions = topic.partitions
        brokers = c.kafka.brokers
        replicationFactor = topic.replicationFactor
        minInsync = topic.minInsyncReplicas
        recordBytes = c.recordBytes
        brokerNanosPerByte = 1e9 / min(c.kafka.networkInBytesPerSecond, c.kafka.diskBytesPerSecond)
        partitionNanosPerByte = topic.partitionBytesPerSecondLimit.map { 1e9 / $0 } ?? 0
        keyed = topic.key == .entity
        salting = topic.salting.map { HotKeySalting($0) }
        stream = tree.stream("producer")
        transit = Array(repeating: TransitQueue(), count: 2 * c.regions.count)
        accumulators = Array(repeating: Accumulator(), count: c.regions.count * topic.partitions)
        brokerQueue = Array(repeating: FluidBacklog(), count: c.kafka.brokers)
        partitionQueue = Array(repeating: FluidBacklog(), count: topic.partitions)
        lastGateway = Array(repeating: 0, count: c.regions.count)
        regionGenerated = Array(repeating: 0, count: c.regions.count)
        brokerBytes = Array(repeating: 0, count: c.kafka.brokers)
    }

    /// Whether region `r` is down at `time`.
    func isDown(_ r: Int, at time: Int64) -> Bool {
        for (i, o) in outages.enumerated() where outageRegion[i] == r {
            if time >= o.startNanos && time < o.startNanos + o.durationNanos { return true }
        }
        return false
    }

    /// The region taking a record that arrives at `time`, and the extra
    /// latency it pays when its home region is down and it moved there
    /// (home's plus the survivor's cross-region latency; 0 when not moved).
    mutating func chooseRegion(at time: Int64) -> (Int, Int64?) {
        if regions.count == 1 { return (0, nil) }
        let u = stream.uniform()
        var home = shares.count - 1
        var acc = 0.0
        for i in shares.indices { acc += shares[i]; if u < acc { home = i; break } }
        if outages.isEmpty || !isDown(home, at: time) { return (home, nil) }
        var alive = 0.0
        for i in shares.indices where !isDown(i, at: time) { alive += shares[i] }
        if alive == 0 { return (home, nil) }
        let v = stream.uniform() * alive
        acc = 0
        var last = home
        for i in shares.indices where !isDown(i, at: time) {
            acc += shares[i]; last = i
            if v < acc { return (i, regions[home].crossRegionLatencyNanos + regions[i].crossRegionLatencyNanos) }
        }
        return (last, regions[home].crossRegionLatencyNanos + regions[last].crossRegionLatencyNanos)
    }

    /// The partition of `record` (stable key hash, salting, or round-robin).
    mutating func partition(of record: StreamRecord) -> Int {
        guard keyed else {
            roundRobin = (roundRobin + 1) % partitions
            return roundRobin
        }
        // Mutated in place (optional chaining): a copy out and back would copy
        // the window's counting dictionary on every record.
        if let salt = salting?.salt(record.key, at: record.arrivalNanos) {
            if salt > 0 { return StableHash.partition(ofKey: UInt64(bitPattern: record.key) &* 64 &+ UInt64(salt), partitions: partitions) }
        }
        let k = Int(record.key)
        if k >= 0 && k < 1 << 24 && partitions <= Int(Int16.max) {
            if k >= partitionCache.count { partitionCache.append(contentsOf: repeatElement(-1, count: max(k + 1 - partitionCache.count, partitionCache.count))) }
            let cached = partitionCache[k]
            if cached >= 0 { return Int(cached) }
            let p = StableHash.partition(ofKey: UInt64(k), partitions: partitions)
            partitionCache[k] = Int16(truncatingIfNeeded: p)
            return p
        }
        return StableHash.partition(ofKey: UInt64(bitPattern: record.key), partitions: partitions)
    }
}
