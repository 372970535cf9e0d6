/// A work-conserving server's backlog, tolerant of requests that come in
/// processing order rather than strict time order.
///
/// The model schedules some work ahead of the clock (a task computes the
/// times of its whole buffer at once; a far region's batches reach the
/// broker later than a near one's), so requests to a shared server arrive
/// a little out of time order. A busy-until timestamp would then let one
/// early-processed future request delay every present one (a ratchet).
/// Instead the backlog (ns of work) drains with the latest time seen, and a
/// request waits for the backlog in front of it: exact for in-order
/// requests, and off by at most the reordering span otherwise.
struct FluidBacklog {
    var backlog: Int64 = 0
    var latest: Int64 = 0

    /// A request of `work` ns arriving at `time`; returns its wait (ns).
    @inline(__always)
    mutating func request(at time: Int64, work: Int64) -> Int64 {
        if time > latest {
            backlog = max(0, backlog - (time - latest))
            latest = time
        }
        let wait = backlog
        backlog += work
        return wait
    }
}
