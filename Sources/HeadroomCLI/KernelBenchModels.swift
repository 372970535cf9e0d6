/// The bare models of `headroom bench kernel`: the same M/M/c and deep
/// calendar as the Platform-component runs, written straight against
/// SimCore's `Model` protocol with the statistics of the C loop in
/// `Benchmarks/kernel-peers/mm1.c` (sum of waits, sum of sojourns, the
/// time integral of the number in system, no histogram). They measure the
/// kernel itself — calendar, run loop, dispatch, random variates — so its
/// figure can be put beside the C loop's; the component runs (`mm1`,
/// `mm8`, `deep`) add what Platform's station and sink record per job.

import SimCore
import Variates

/// M/M/c with a FIFO line of arrival times; an arrival and a departure are two events.
struct BareMMc: Model {
    static let arrival: Int32 = 0, departure: Int32 = 1
    let servers: Int
    let meanGap: Double, meanService: Double
    let arrivals: RandomStream, services: RandomStream
    /// Customers still to create.
    var remaining: Int
    /// Customers in service.
    var busy = 0
    /// Arrival times (ns) of the waiting customers, a ring that grows by doubling.
    let line: Ring
    var inSystem = 0
    var lastChange: SimTime = 0
    var area = 0.0, waitSum = 0.0, sojournSum = 0.0
    var served = 0

    init(servers: Int, customers: Int, seeds: SeedTree) {
        self.servers = servers
        meanGap = 1 / (0.9 * Double(servers))
        meanService = 1
        arrivals = seeds.stream("arrivals")
        services = seeds.stream("services")
        remaining = customers
        line = Ring()
    }

    @inline(__always) func nanos(_ seconds: Double) -> SimTime { SimTime(seconds * 1e9) }

    mutating func start(_ calendar: inout EventCalendar) {
        remaining -= 1
        calendar.schedule(after: nanos(arrivals.exponential(mean: meanGap)), target: 0, kind: Self.arrival)
    }

    @inline(__always)
    mutating func handle(_ event: Event, in calendar: inout EventCalendar) {
        let now = calendar.now
        area += Double(inSystem) * Double(now - lastChange)
        lastChange = now
        if event.kind == Self.arrival {
            inSystem += 1
            if remaining > 0 {
                remaining -= 1
                calendar.schedule(after: nanos(arrivals.exponential(mean: meanGap)), target: 0, kind: Self.arrival)
            }
            if busy < servers {
                busy += 1
                calendar.schedule(after: nanos(services.exponential(mean: meanService)), target: 0, kind: Self.departure, payload: now)
            } else {
                line.push(now)
            }
        } else {
            inSystem -= 1
            served += 1
            sojournSum += Double(now - event.payload)
            if let arrived = line.pop() {
                waitSum += Double(now - arrived)
                calendar.schedule(after: nanos(services.exponential(mean: meanService)), target: 0, kind: Self.departure, payload: arrived)
            } else {
                busy -= 1
            }
        }
    }

    mutating func resetStatistics(at time: SimTime) {
        area = 0; waitSum = 0; sojournSum = 0; served = 0; lastChange = time
    }
}

/// `count` independent Poisson members (1/s each, one stream): each event
/// schedules its member's next, so `count` events are pending at all times.
struct BareDeep: Model {
    let stream: RandomStream
    var handled = 0

    mutating func start(_ calendar: inout EventCalendar, count: Int) {
        for i in 0..<count {
            calendar.schedule(after: SimTime(stream.exponential(mean: 1) * 1e9), target: Int32(i), kind: 0)
        }
    }

    @inline(__always)
    mutating func handle(_ event: Event, in calendar: inout EventCalendar) {
        handled &+= 1
        calendar.schedule(after: SimTime(stream.exponential(mean: 1) * 1e9), target: event.target, kind: 0)
    }

    mutating func resetStatistics(at time: SimTime) { handled = 0 }
}

/// A FIFO ring of times that owns its buffer (no copy-on-write on the path).
final class Ring {
    var buffer: UnsafeMutablePointer<SimTime>
    var capacity = 1024, head = 0, count = 0

    init() { buffer = .allocate(capacity: capacity) }
    deinit { buffer.deallocate() }

    @inline(__always) func push(_ t: SimTime) {
        if count == capacity { grow() }
        buffer[(head &+ count) & (capacity &- 1)] = t
        count &+= 1
    }

    @inline(__always) func pop() -> SimTime? {
        guard count > 0 else { return nil }
        let t = buffer[head]
        head = (head &+ 1) & (capacity &- 1)
        count &-= 1
        return t
    }

    func grow() {
        let bigger = UnsafeMutablePointer<SimTime>.allocate(capacity: capacity * 2)
        for i in 0..<count { bigger[i] = buffer[(head + i) & (capacity - 1)] }
        buffer.deallocate()
        buffer = bigger
        head = 0
        capacity *= 2
    }
}
