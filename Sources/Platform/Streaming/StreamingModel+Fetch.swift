import SimCore

extension StreamingModel {
    /// Task `k` fetches at `time`: as many visible records of its partitions
    /// as its buffer has room for, each scheduled on the task's FIFO server
    /// (start = max(previous end, fetch time), pushed past checkpoint
    /// pauses and the restart pause), the operators run on it in that order.
    /// Next fetch: when a whole fetch fits again if the buffer is full,
    /// else after the poll interval.
    mutating func fetch(task k: Int, at time: Int64, in calendar: inout EventCalendar) {
        let job = configuration.job
        let occupied = tasks[k].occupancy(at: time)
        var room = job.bufferCapacityRecords - occupied
        scratch.removeAll(keepingCapacity: true)
        let p = tasks.count
        let owned = k < logs.count ? (logs.count - k + p - 1) / p : 0
        if owned > 0 && room > 0 {
            var i = tasks[k].rotation
            tasks[k].rotation = (i + 1) % owned
            var idle = 0
            while room > 0 && idle < owned {
                let part = k + (i % owned) * p
                let n = logs[part].fetch(at: time, limit: min(room, job.fetchMaxRecords), into: &scratch)
                room -= n
                idle = n == 0 ? idle + 1 : 0
                i += 1
            }
        }
        if !scratch.isEmpty { process(task: k, at: time) }
        var next = time + job.fetchWaitNanos
        if room == 0 {
            let free = tasks[k].end(min(job.fetchMaxRecords, job.bufferCapacityRecords) - 1)
            next = max(time + 1, free)
        }
        if next <= horizon { calendar.schedule(at: next, target: Int32(k), kind: Kind.fetch.rawValue, payload: generation) }
    }

    /// Schedules the records in `scratch`, fetched by task `k` at `time`.
    mutating func process(task k: Int, at time: Int64) {
        chain.model.newBatch()
        var busy = max(tasks[k].busyUntil, time, restartAt)
        let checkpoint = configuration.job.checkpoint
        var processedBusy: Int64 = 0
        let records = scratch
        let store = chain.scorer?.store
        records.withUnsafeBufferPointer { buffer in
        for (i, r) in buffer.enumerated() {
            if let store { OperatorChain.prefetch(store, buffer, after: i) }
            var start = busy
            if let c = checkpoint { start = checkpointAdjusted(start, c) }
            let (service, outcome) = chain.process(r, start: start, degraded: degraded)
            let end = start + service
            busy = end
            processedBusy += service
            tasks[k].push(end)
            stats.kafka.record(nanos: time - r.visibleNanos)
            stats.buffer.record(nanos: start - time)
            finish(r, outcome: outcome, at: end)
        }
        }
        tasks[k].busyUntil = busy
        autoscaler?.busyNanos += processedBusy
        autoscaler?.processed += Int64(scratch.count)
    }

    /// `start` moved out of any checkpoint pause `[n·interval, n·interval + pause)`.
    @inline(__always)
    func checkpointAdjusted(_ start: Int64, _ c: CheckpointConfiguration) -> Int64 {
        let phase = start % c.intervalNanos
        return start >= c.intervalNanos && phase < c.pauseNanos ? start - phase + c.pauseNanos : start
    }

    /// Accounts for record `r` leaving the chain at `end` with `outcome`.
    mutating func finish(_ r: StreamRecord, outcome: OperatorChain.Outcome, at end: Int64) {
        switch outcome {
        case .duplicate:
            if end <= horizon { stats.drop(.duplicate) } else { stats.inFlightAfterEnd += 1 }
            return
        case .late:
            if end <= horizon { stats.drop(.late) } else { stats.inFlightAfterEnd += 1 }
            return
        default: break
        }
        let done = end + nanos(sinkLatency.sample(sinkStream))
        guard done <= horizon else { stats.inFlightAfterEnd += 1; return }
        stats.deliver(r, outcome: outcome, sinkNanos: done - end, at: done)
        if outcome == .review, review != nil {
            review!.submit(at: done, horizon: horizon)
        }
    }
}
