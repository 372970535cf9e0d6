/// A network of queueing primitives as one SimCore model.
///
/// Components live in one array per kind (``sources``, ``stations``,
/// ``delays``, ``routers``, ``batchers``, ``sinks``) and are connected by
/// ``Port``s, so the whole network is a value and every event is dispatched
/// by a `switch` on its ``Event/kind`` and an array index (its
/// ``Event/target``): no class, closure or existential per event. Passing a
/// job on (source → router → station) is a direct call at the same instant;
/// only the passage of time is an event. An M/M/1 customer therefore costs
/// exactly two events: its arrival and its departure.
///
/// The network stops (``isFinished``) when its sinks and drops have taken
/// ``stopAfterRecords`` records, or when more than ``maxJobsInFlight`` jobs
/// are in flight (an overloaded network: the run ends instead of growing
/// without bound, and ``overflowed`` says so).

import SimCore

/// Sources, stations, delays, routers, batchers and sinks, connected by ports.
public struct QueueingNetwork: Model {
    /// The jobs in flight.
    public internal(set) var pool = JobPool()
    /// Job generators; each has its own arrival events.
    public var sources: [Source] = []
    /// Banks of independent Poisson sources.
    public var sourceBanks: [SourceBank] = []
    /// Stations.
    public var stations: [Station] = []
    /// Pure delays.
    public var delays: [Delay] = []
    /// Routers.
    public var routers: [Router] = []
    /// Batchers.
    public var batchers: [Batcher] = []
    /// Sinks.
    public var sinks: [Sink] = []
    /// Stop once sinks and drops have taken this many records (counted from the start, warm-up included).
    public var stopAfterRecords: Int = .max
    /// Stop when more jobs than this are in flight (the guard against unbounded growth).
    public var maxJobsInFlight: Int = 10_000_000
    /// Records created by the sources (from the start).
    public internal(set) var generatedRecords = 0
    /// Records absorbed by sinks (from the start).
    public internal(set) var deliveredRecords = 0
    /// Records dropped by full stations (from the start).
    public internal(set) var droppedRecords = 0
    /// Records in flight now.
    public internal(set) var inFlightRecords = 0
    /// `true` when the run stopped because ``maxJobsInFlight`` was passed.
    public internal(set) var overflowed = false
    var finished = false

    /// An empty network.
    public init() {}

    /// Adds a component and returns its port.
    @discardableResult
    public mutating func add(_ station: Station) -> Port { stations.append(station); return Port(.station, stations.count - 1) }
    /// Adds a delay and returns its port.
    @discardableResult
    public mutating func add(_ delay: Delay) -> Port { delays.append(delay); return Port(.delay, delays.count - 1) }
    /// Adds a router and returns its port.
    @discardableResult
    public mutating func add(_ router: Router) -> Port { routers.append(router); return Port(.router, routers.count - 1) }
    /// Adds a batcher and returns its port.
    @discardableResult
    public mutating func add(_ batcher: Batcher) -> Port { batchers.append(batcher); return Port(.batcher, batchers.count - 1) }
    /// Adds a sink and returns its port.
    @discardableResult
    public mutating func add(_ sink: Sink) -> Port { sinks.append(sink); return Port(.sink, sinks.count - 1) }
    /// Adds a source bank and returns its index.
    @discardableResult
    public mutating func add(_ bank: SourceBank) -> Int { sourceBanks.append(bank); return sourceBanks.count - 1 }
    /// Adds a source and returns its index.
    @discardableResult
    public mutating func add(_ source: Source) -> Int { sources.append(source); return sources.count - 1 }

    /// Checks that every output names an existing component.
    /// - Throws: ``PlatformError`` naming the component whose output is dangling.
    public func validateConnections() throws {
        func check(_ port: Port, _ owner: String) throws {
            let count: Int
            switch port.kind {
            case .station: count = stations.count
            case .delay: count = delays.count
            case .router: count = routers.count
            case .batcher: count = batchers.count
            case .sink: count = sinks.count
            }
            guard Int(port.index) < count else {
                throw PlatformError(field: owner + ".output", "goes to \(port), which does not exist (\(count) \(port.kind)(s))")
            }
        }
        for s in sources { try check(s.output, "source \"\(s.name)\"") }
        for b in sourceBanks { try check(b.output, "source bank \"\(b.name)\"") }
        for s in stations { try check(s.output, "station \"\(s.name)\"") }
        for d in delays { try check(d.output, "delay \"\(d.name)\"") }
        for r in routers { for p in r.outputs { try check(p, "router \"\(r.name)\"") } }
        for b in batchers { try check(b.output, "batcher \"\(b.name)\"") }
    }

    /// A calendar with every source's first arrival scheduled.
    public mutating func start() -> EventCalendar {
        let members = sourceBanks.reduce(0) { $0 + $1.count }
        var calendar = EventCalendar(capacity: Swift.max(64, (sources.count + members) * 2))
        for i in sources.indices { sources[i].start(index: Int32(i), calendar: &calendar) }
        for i in sourceBanks.indices { sourceBanks[i].start(index: Int32(i), calendar: &calendar) }
        return calendar
    }

    /// `true` once enough records left or the in-flight guard tripped.
    public var isFinished: Bool { finished }

    /// Dispatches one event by its kind to the component at its target.
    @inline(__always)
    public mutating func handle(_ event: Event, in calendar: inout EventCalendar) {
        let index = event.target
        switch event.kind {
        case NetworkEvent.arrival.rawValue:
            let i = Int(index)
            let job = sources[i].emit(index: index, now: calendar.now)
            let slot = pool.add(job)
            generatedRecords &+= 1
            inFlightRecords &+= 1
            if !deliver(slot, from: .source(index), to: sources[i].output, calendar: &calendar) {
                sources[i].block(at: calendar.now)
            } else {
                sources[i].scheduleNext(index: index, calendar: &calendar)
            }
            if pool.inFlight > maxJobsInFlight { overflowed = true; finished = true }
        case NetworkEvent.bankArrival.rawValue:
            let job = sourceBanks[Int(index)].emit(member: Int(event.payload), index: index, calendar: &calendar)
            let slot = pool.add(job)
            generatedRecords &+= 1
            inFlightRecords &+= 1
            // A bank cannot hold a refused job: it waits at the station.
            _ = deliver(slot, from: .none, to: sourceBanks[Int(index)].output, calendar: &calendar)
            if pool.inFlight > maxJobsInFlight { overflowed = true; finished = true }
        case NetworkEvent.serviceEnd.rawValue:
            let slot = Int32(truncatingIfNeeded: event.payload)
            let enteredAt = pool[slot].enteredAt
            if deliver(slot, from: .station(index), to: stations[Int(index)].output, calendar: &calendar) {
                leaveStation(enteredAt: enteredAt, index: index, calendar: &calendar)
            }
        case NetworkEvent.delayEnd.rawValue:
            let slot = Int32(truncatingIfNeeded: event.payload)
            delays[Int(index)].release(slot, pool: &pool, now: calendar.now)
            _ = deliver(slot, from: .none, to: delays[Int(index)].output, calendar: &calendar)
        case NetworkEvent.lingerEnd.rawValue:
            if let batch = batchers[Int(index)].lingerEnded(batch: event.payload, pool: &pool, now: calendar.now) {
                _ = deliver(batch, from: .none, to: batchers[Int(index)].output, calendar: &calendar)
            }
        default:
            preconditionFailure("QueueingNetwork: unknown event kind \(event.kind)")
        }
    }

    /// Sends `slot` to `port` now. Returns `false` when a full station with
    /// the block policy refused it and `sender` can hold it (a source or a
    /// station); a refused job from any other sender waits at the station.
    @inline(__always)
    mutating func deliver(_ slot: Int32, from sender: BlockedSender.Sender, to port: Port,
                          calendar: inout EventCalendar) -> Bool {
        let j = Int(port.index)
        switch port.kind {
        case .station:
            switch stations[j].arrive(slot, index: port.index, pool: &pool, calendar: &calendar) {
            case .admitted:
                return true
            case .dropped:
                let records = Int(pool[slot].records)
                droppedRecords &+= records
                inFlightRecords &-= records
                pool.remove(slot)
                return true
            case .refused:
                stations[j].blockedSenders.append(BlockedSender(sender: sender, job: slot))
                stations[j].blockedCount += 1
                if case .none = sender { return true }
                return false
            }
        case .sink:
            let job = pool[slot]
            sinks[j].absorb(job, at: calendar.now)
            deliveredRecords &+= Int(job.records)
            inFlightRecords &-= Int(job.records)
            pool.remove(slot)
            if deliveredRecords &+ droppedRecords >= stopAfterRecords { finished = true }
            return true
        case .delay:
            delays[j].arrive(slot, index: port.index, pool: &pool, calendar: &calendar)
            return true
        case .router:
            return deliverRouted(slot, from: sender, router: j, calendar: &calendar)
        case .batcher:
            if let batch = batchers[j].add(slot, index: port.index, pool: &pool, calendar: &calendar) {
                _ = deliverOutOfLine(batch, from: .none, to: batchers[j].output, calendar: &calendar)
            }
            return true
        }
    }

    /// Sends `slot` through router `j` (kept out of line: ``deliver(_:from:to:calendar:)`` is inlined).
    @inline(never)
    mutating func deliverRouted(_ slot: Int32, from sender: BlockedSender.Sender, router j: Int,
                                calendar: inout EventCalendar) -> Bool {
        let out = routers[j].choose(for: pool[slot])
        return deliverOutOfLine(slot, from: sender, to: routers[j].outputs[out], calendar: &calendar)
    }

    /// ``deliver(_:from:to:calendar:)`` as a real function, for the paths
    /// that recurse (routers, batches, blocked senders), so that the hot
    /// path can inline `deliver` and `leaveStation` into `handle`.
    @inline(never)
    mutating func deliverOutOfLine(_ slot: Int32, from sender: BlockedSender.Sender, to port: Port,
                                   calendar: inout EventCalendar) -> Bool {
        deliver(slot, from: sender, to: port, calendar: &calendar)
    }

    /// ``leaveStation(enteredAt:index:calendar:)`` as a real function, for blocked senders.
    @inline(never)
    mutating func leaveStationOutOfLine(enteredAt: SimTime, index: Int32, calendar: inout EventCalendar) {
        leaveStation(enteredAt: enteredAt, index: index, calendar: &calendar)
    }

    /// A job that entered station `index` at `enteredAt` leaves it now:
    /// record it, free its server, and let in the first blocked sender, if
    /// any (which may free a server upstream in turn).
    @inline(__always)
    mutating func leaveStation(enteredAt: SimTime, index: Int32, calendar: inout EventCalendar) {
        stations[Int(index)].release(enteredAt: enteredAt, index: index, pool: &pool, calendar: &calendar)
        if stations[Int(index)].blockedCount > 0 { admitBlocked(at: index, calendar: &calendar) }
    }

    /// Lets the first blocked sender of station `index` in, while there is room.
    @inline(never)
    mutating func admitBlocked(at index: Int32, calendar: inout EventCalendar) {
        let i = Int(index)
        while !stations[i].blockedSenders.isEmpty, !stations[i].isFull {
            let blocked = stations[i].blockedSenders.removeFirst()
            stations[i].blockedCount -= 1
            let enteredUpstream = pool[blocked.job].enteredAt
            let admission = stations[i].arrive(blocked.job, index: index, pool: &pool, calendar: &calendar,
                                               isRetry: true)
            precondition(admission == .admitted, "QueueingNetwork: a station with room refused a blocked job")
            switch blocked.sender {
            case .source(let s):
                sources[Int(s)].unblock(index: s, calendar: &calendar)
            case .station(let s):
                leaveStationOutOfLine(enteredAt: enteredUpstream, index: s, calendar: &calendar)
            case .none:
                break
            }
        }
    }
}
