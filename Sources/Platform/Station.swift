/// A station: `c` identical servers, a waiting line, an optional finite buffer.
///
/// A job that finds a free server starts at once; otherwise it waits, first
/// come first served (``Discipline/fifo``) or by priority class, lowest class
/// first and FIFO within a class (``Discipline/priority(classes:)``,
/// non-preemptive). With a ``capacity`` K (jobs in the station, in service
/// and waiting, as in Kendall's M/M/c/K) a job that finds K present is either
/// dropped and counted (``FullPolicy/drop``) or refused so that its sender
/// waits until room frees (``FullPolicy/block``; the network keeps the
/// blocked senders in order).
///
/// Service times come from a Variates `Distribution` in seconds, drawn from
/// the station's own stream and rounded to the nanosecond; negative draws
/// (a normal distribution) count as 0. A finished job stays in the station,
/// holding its server, until the next component takes it: sojourn is
/// measured from arrival to leaving, so Little's law holds exactly.

import DequeModule
import SimCore
import Variates

/// A multi-server queueing station.
public struct Station {
    /// The order in which waiting jobs are served.
    public enum Discipline: Sendable, Equatable {
        /// First come, first served.
        case fifo
        /// By ``Job/priority`` (0 first, classes `0 ..< classes`, higher
        /// values served in the last class), FIFO within a class.
        case priority(classes: Int)
    }

    /// What happens to an arrival that finds the station full.
    public enum FullPolicy: Sendable, Equatable {
        /// The job is dropped and counted.
        case drop
        /// The sender keeps the job and waits until there is room.
        case block
    }

    /// What ``arrive(_:index:pool:calendar:)`` did with a job.
    public enum Admission: Sendable, Equatable {
        /// The job is in the station (serving or waiting).
        case admitted
        /// The station was full and dropped it (``FullPolicy/drop``).
        case dropped
        /// The station was full and refused it (``FullPolicy/block``).
        case refused
    }

    /// The station's name.
    public let name: String
    /// Number of servers, `c ≥ 1`.
    public let servers: Int
    /// Service time distribution, seconds.
    public let service: Distribution
    /// Waiting-line order.
    public let discipline: Discipline
    /// Most jobs in the station (in service and waiting), or `nil` for no limit.
    public let capacity: Int?
    /// What a full station does with an arrival.
    public let whenFull: FullPolicy
    /// Where finished jobs go.
    public var output: Port
    /// The station's own random stream.
    let stream: RandomStream
    /// The waiting line of class 0 (the only one for FIFO).
    var line = JobFIFO()
    /// Waiting lines of priority classes 1, 2, ... (empty for FIFO).
    var lowerLines: [JobFIFO]
    /// `true` when the service time is exponential: drawn by the stream's
    /// inlined `exponential(mean:)`, exactly what `service.sample` does.
    let serviceIsExponential: Bool
    /// Mean service time, seconds.
    let serviceMean: Double
    /// Servers busy (serving or holding a finished job).
    public internal(set) var busy = 0
    /// Jobs in the station: waiting, in service and finished but blocked.
    public internal(set) var present = 0
    /// Jobs waiting for a server.
    public internal(set) var waiting = 0
    /// Senders whose job was refused, in the order they were refused.
    var blockedSenders = Deque<BlockedSender>()
    /// `blockedSenders.count`, kept in the struct for the departure fast path.
    public internal(set) var blockedCount = 0
    /// What the station measures.
    public internal(set) var statistics: StationStatistics

    /// A station sending its finished jobs to `output`.
    /// - Parameter maxLevel: highest number in the station with its own
    ///   state-probability slot (more is summed in one overflow slot).
    /// - Throws: ``PlatformError`` naming the field for fewer than one
    ///   server, a service distribution that can be negative or whose mean is
    ///   not finite and positive, a capacity below the number of servers, a
    ///   priority discipline without classes, or a negative `maxLevel`.
    public init(name: String, servers: Int, service: Distribution, discipline: Discipline = .fifo,
                capacity: Int? = nil, whenFull: FullPolicy = .drop, output: Port, stream: RandomStream,
                maxLevel: Int = 64) throws {
        let field = "station \"\(name)\""
        guard servers >= 1 else { throw PlatformError(field: field + ".servers", "must be at least 1, got \(servers)") }
        guard service.mean.isFinite, service.mean > 0 else {
            throw PlatformError(field: field + ".service", "must have a finite mean above 0 s, got \(service) with mean \(service.mean)")
        }
        if let capacity, capacity < servers {
            throw PlatformError(field: field + ".capacity", "must be at least the number of servers (\(servers)), got \(capacity)")
        }
        var classes = 1
        if case .priority(let k) = discipline {
            guard k >= 1, k <= 256 else { throw PlatformError(field: field + ".discipline", "priority needs 1 ... 256 classes, got \(k)") }
            classes = k
        }
        guard maxLevel >= 0, maxLevel <= 1_000_000 else {
            throw PlatformError(field: field + ".maxLevel", "must be between 0 and 1,000,000, got \(maxLevel)")
        }
        self.name = name
        self.servers = servers
        self.service = service
        self.discipline = discipline
        self.capacity = capacity
        self.whenFull = whenFull
        self.output = output
        self.stream = stream
        self.lowerLines = Array(repeating: JobFIFO(), count: classes - 1)
        self.serviceIsExponential = service.isExponential
        self.serviceMean = service.mean
        self.statistics = StationStatistics(maxLevel: maxLevel)
    }

    /// `true` when an arrival now would find the station full.
    public var isFull: Bool { capacity.map { present >= $0 } ?? false }

    /// Offers `job` to the station at `calendar.now`; `index` is the
    /// station's index in its network (the target of its events).
    /// - Complexity: O(1) amortized; no allocation once the lines have grown.
    /// - Parameter isRetry: `true` when a refused job is offered again (it
    ///   is not counted as a new arrival).
    @inline(__always)
    public mutating func arrive(_ job: Int32, index: Int32, pool: inout JobPool,
                                calendar: inout EventCalendar, isRetry: Bool = false) -> Admission {
        let now = calendar.now
        if !isRetry { statistics.offered &+= 1 }
        if let capacity, present >= capacity {
            if whenFull == .drop { statistics.dropped &+= 1; return .dropped }
            return .refused
        }
        statistics.admitted &+= 1
        present &+= 1
        statistics.inSystem.update(to: present, at: now)
        pool[job].enteredAt = now
        if busy < servers {
            busy &+= 1
            statistics.busyServers.update(to: Double(busy), at: now)
            begin(job, index: index, pool: &pool, calendar: &calendar)
        } else {
            let priority = Int(pool[job].priority)
            if priority == 0 || lowerLines.isEmpty {
                line.append(job)
            } else {
                lowerLines[Swift.min(priority, lowerLines.count) &- 1].append(job)
            }
            waiting &+= 1
            statistics.queueLength.update(to: Double(waiting), at: now)
        }
        return .admitted
    }

    /// Starts serving `job` on a server already counted as busy.
    @inline(__always)
    mutating func begin(_ job: Int32, index: Int32, pool: inout JobPool, calendar: inout EventCalendar) {
        let now = calendar.now
        let wait = now &- pool[job].enteredAt
        statistics.waits.add(SimClock.seconds(wait))
        if wait > 0 { statistics.waited &+= 1 }
        let seconds = serviceIsExponential ? stream.exponential(mean: serviceMean) : service.sample(stream)
        let duration = seconds > 0 ? SimClock.nanoseconds(seconds: seconds) : 0
        calendar.schedule(at: now &+ duration, target: index, kind: NetworkEvent.serviceEnd.rawValue,
                          payload: Int64(job))
    }

    /// Records that a finished job that entered at `enteredAt` leaves the
    /// station now, and gives its server to the next waiting job, if any.
    /// (The entry time is passed in because the next component may already
    /// have stamped the job with its own.)
    /// - Complexity: O(classes) to find the next line; O(1) for FIFO.
    @inline(__always)
    public mutating func release(enteredAt: SimTime, index: Int32, pool: inout JobPool, calendar: inout EventCalendar) {
        let now = calendar.now
        let sojourn = now &- enteredAt
        statistics.sojourns.record(nanos: sojourn)
        statistics.sojournSumSeconds += SimClock.seconds(sojourn)
        statistics.departed &+= 1
        present &-= 1
        statistics.inSystem.update(to: present, at: now)
        if waiting > 0 {
            let next: Int32
            if let first = line.popFirst() {
                next = first
            } else {
                var k = 0
                while lowerLines[k].isEmpty { k &+= 1 }
                next = lowerLines[k].popFirst().unsafelyUnwrapped
            }
            waiting &-= 1
            statistics.queueLength.update(to: Double(waiting), at: now)
            begin(next, index: index, pool: &pool, calendar: &calendar)
        } else {
            busy &-= 1
            statistics.busyServers.update(to: Double(busy), at: now)
        }
    }

    /// Starts a new observation window at `time`.
    public mutating func resetStatistics(at time: SimTime) {
        statistics.reset(at: time)
    }

    /// This station's results at `now`.
    public func summary(at now: SimTime) -> StationSummary {
        statistics.summary(at: now, servers: servers)
    }
}

/// A sender waiting for room at a full station with the block policy.
struct BlockedSender: Sendable {
    /// Who sent it: a source or station to unblock, or nobody (a delay,
    /// router or batcher cannot hold a job; it waits here on its own).
    enum Sender: Sendable { case source(Int32), station(Int32), none }
    /// The sender.
    let sender: Sender
    /// The refused job.
    let job: Int32
}
