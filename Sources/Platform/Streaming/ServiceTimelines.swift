import Variates

/// The online feature store as a timeline: an in-process cache, then
/// `nodes` servers, each taking one lookup every `1 / opsPerSecondPerNode`
/// seconds, lookups assigned round-robin; a lookup waits for its node's
/// backlog (``FluidBacklog``), then pays the sampled latency.
struct FeatureStoreTimeline {
    let latency: Distribution
    let hitRatio: Double
    let nanosPerOp: Int64
    let lookups: Int
    let stream: RandomStream
    var nodes: [FluidBacklog]
    var nextNode = 0
    /// Lookups that went to a node / were answered by the cache.
    var remote: Int64 = 0
    var cached: Int64 = 0

    init(_ c: FeatureStoreConfiguration, stream: RandomStream) {
        latency = c.latency
        hitRatio = c.cacheHitRatio
        nanosPerOp = max(1, Int64(1e9 / c.opsPerSecondPerNode))
        lookups = c.lookupsPerRecord
        self.stream = stream
        nodes = Array(repeating: FluidBacklog(), count: c.nodes)
    }

    /// The time `count` sequential lookups starting at `time` take (ns).
    @inline(__always)
    mutating func lookup(at time: Int64, lookups count: Int) -> Int64 {
        var t = time
        for _ in 0..<count {
            if hitRatio > 0 && stream.uniform() < hitRatio { cached += 1; continue }
            remote += 1
            let start = t + nodes[nextNode].request(at: t, work: nanosPerOp)
            nextNode = nextNode + 1 == nodes.count ? 0 : nextNode + 1
            t = start + nanos(latency.sample(stream))
        }
        return t - time
    }
}

/// The model call of a `fraud-score` operator: an embedded CPU cost, or a
/// remote server (round trip plus a replica's service, replicas
/// round-robin, requests of up to `maxBatch` consecutive records of a
/// task: the first record of a request pays the call, the others ride it).
struct ModelCallTimeline {
    let embedded: Distribution?
    let remote: RemoteModelServer?
    let stream: RandomStream
    var replicas: [FluidBacklog]
    var nextReplica = 0
    var inRequest = 0
    /// Requests sent to the remote server.
    var requests: Int64 = 0

    init(_ c: ModelServerConfiguration?, stream: RandomStream) {
        self.stream = stream
        switch c {
        case .embedded(let cost)?:
            embedded = cost; remote = nil; replicas = []
        case .remote(let r)?:
            embedded = nil; remote = r; replicas = Array(repeating: FluidBacklog(), count: r.replicas)
        case nil:
            embedded = nil; remote = nil; replicas = []
        }
    }

    /// Starts a new request group (at each fetched batch of a task).
    mutating func newBatch() { inRequest = 0 }

    /// The time the model call for one record starting at `time` takes (ns).
    @inline(__always)
    mutating func call(at time: Int64) -> Int64 {
        if let e = embedded { return nanos(e.sample(stream)) }
        guard let r = remote else { return 0 }
        if inRequest > 0 && inRequest < r.maxBatch { inRequest += 1; return 0 }
        inRequest = 1
        requests += 1
        let rtt = nanos(r.roundTrip.sample(stream))
        let arrive = time + rtt / 2
        let service = nanos(r.service.sample(stream))
        let done = arrive + replicas[nextReplica].request(at: arrive, work: service) + service
        nextReplica = nextReplica + 1 == replicas.count ? 0 : nextReplica + 1
        return done + (rtt - rtt / 2) - time
    }
}
