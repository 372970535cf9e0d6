import SimCore

extension StreamingModel {
    /// Samples lag, buffer occupancy and parallelism; switches degraded mode.
    mutating func sample(at time: Int64, in calendar: inout EventCalendar) {
        var lag = 0
        for p in logs.indices {
            let l = logs[p].lag(at: time)
            lag += l
            if Int64(l) > logs[p].maxLag { logs[p].maxLag = Int64(l) }
        }
        var occupancy = 0
        for k in tasks.indices { occupancy += tasks[k].occupancy(at: time) }
        stats.lagSeries.record(Double(lag), at: time)
        stats.bufferSeries.record(Double(occupancy), at: time)
        stats.parallelismSeries.record(Double(tasks.count), at: time)
        if let d = configuration.degradedMode {
            if !degraded && lag > d.lagThresholdRecords { degraded = true; degradedSince = time }
            else if degraded && lag < d.recoverBelowRecords { degraded = false; stats.degradedNanos += time - degradedSince }
        }
        let next = time + Self.sampleNanos
        if next <= horizon { calendar.schedule(at: next, target: 0, kind: Kind.sample.rawValue, priority: Event.late) }
    }

    /// Flink-style evaluation at the end of a metric window: the true
    /// processing rate per task (records per busy second), the rate needed
    /// (arrivals in the window plus the lag drained over one window), and
    /// the parallelism that serves it at the target utilization.
    mutating func autoscale(at time: Int64, in calendar: inout EventCalendar) {
        guard var a = autoscaler else { return }
        let c = a.configuration
        let window = Double(c.metricWindowNanos)
        let arrived = Double(producer.generated - a.generatedAtStart)
        var lag = 0
        for p in logs.indices { lag += logs[p].lag(at: time) }
        let current = tasks.count
        let busy = Double(a.busyNanos) / (Double(current) * window)
        var proposal = current
        if a.processed > 0 && a.busyNanos > 0 {
            let perTask = Double(a.processed) / Double(a.busyNanos)  // records per busy ns
            let needed = (arrived + Double(lag)) / window                // records per ns
            proposal = Int((needed / (perTask * c.targetUtilization)).rounded(.up))
        }
        let cap = min(c.maxParallelism, configuration.job.maxParallelism, topic.partitions)
        proposal = max(c.minParallelism, min(cap, max(1, proposal)))
        a.proposals.append((time, proposal))
        a.proposals.removeAll { $0.0 < time - c.stabilizationNanos }
        var target = current
        let reason: String
        if proposal > current {
            target = proposal
            reason = "scale up: busy \(fixed2(busy)) vs target \(fixed2(c.targetUtilization)), lag \(lag), arrivals \(Int(arrived)) in the window"
        } else if proposal < current, time - c.stabilizationNanos >= 0,
                  a.proposals.allSatisfy({ $0.1 < current }),
                  (a.proposals.first?.0 ?? time) <= time - c.stabilizationNanos + c.metricWindowNanos {
            target = a.proposals.map(\.1).max()!
            reason = "scale down: every proposal over the stabilization period below \(current) (busy \(fixed2(busy)), lag \(lag))"
        } else {
            reason = ""
        }
        a.busyNanos = 0
        a.processed = 0
        a.generatedAtStart = producer.generated
        autoscaler = a
        if target != current {
            stats.actions.append(AutoscalerAction(timeNanos: time, from: current, to: target, reason: reason))
            generation += 1
            restartAt = time + c.restartPauseNanos
            calendar.schedule(at: restartAt, target: 0, kind: Kind.restart.rawValue, payload: Int64(target))
        }
        let next = time + c.metricWindowNanos
        if next <= horizon { calendar.schedule(at: next, target: 0, kind: Kind.autoscale.rawValue, priority: Event.late) }
    }

    /// The job restarts with `parallelism` tasks; partitions are assigned
    /// round-robin again. Kept tasks keep their buffered records (they drain);
    /// removed tasks' records already scheduled finish as scheduled.
    mutating func restart(parallelism: Int, at time: Int64, in calendar: inout EventCalendar) {
        if parallelism < tasks.count {
            tasks.removeLast(tasks.count - parallelism)
        } else {
            while tasks.count < parallelism { tasks.append(StreamTask(capacity: configuration.job.bufferCapacityRecords, from: time)) }
        }
        stats.parallelismSeries.record(Double(tasks.count), at: time)
        for k in tasks.indices { calendar.schedule(at: time, target: Int32(k), kind: Kind.fetch.rawValue, payload: generation) }
    }
}

func fixed2(_ x: Double) -> String {
    let v = (x * 100).rounded() / 100
    return String(v)
}
