/// Capacity warnings of a streaming pipeline, from mean values (the
/// streaming counterpart of the ρ ≥ 1 warning of ``ScenarioChecks``): a job
/// whose tasks cannot keep up with its stream's mean rate (lag grows for the
/// whole run), and brokers whose ingress, replicas included, exceeds what
/// they can take. Spikes above capacity are not warned about: building lag
/// during a spike and draining it afterwards is what scenarios study.

import Platform
import Workloads

extension StreamingDecoder {
    /// The stream's mean rate over the horizon (records/s), sampled like a stream source's profile.
    func meanRate(_ stream: StreamSpec, start: Int64, horizon: Int64) -> Double {
        let step = Swift.max(1_000_000, Swift.min(60_000_000, horizon / 500))
        var points: [(time: Double, rate: Double)] = []
        var t: Int64 = 0
        while t <= horizon {
            points.append((time: Double(t) / 1e6, rate: stream.rate.rate(at: start + t)))
            t += step
        }
        return ScenarioChecks.meanRate(.profile(stream: stream.name, points: points))
    }

    /// A task's mean busy time per record (seconds), nil when an operator is measured (known only at run time).
    static func taskSecondsPerRecord(_ c: StreamingConfiguration) -> Double? {
        var total = 0.0
        for op in c.job.operators {
            guard case .distribution(let d) = op.service else { return nil }
            total += d.mean
        }
        if let f = c.featureStore, c.job.operators.contains(where: { $0.kind == .fraudScore || $0.kind == .enrich }) {
            total += Double(f.lookupsPerRecord) * (1 - f.cacheHitRatio) * f.latency.mean
        }
        switch c.modelServer {
        case .embedded(let cost)?: total += cost.mean
        case .remote(let r)?: total += r.roundTrip.mean + r.service.mean / Double(r.maxBatch)
        case nil: break
        }
        return total
    }

    /// The capacity warnings of `c` fed at `rate` records/s on average.
    func capacityWarnings(_ c: StreamingConfiguration, rate: Double, job: ConfigFields, kafka: ConfigNode?) -> [ConfigIssue] {
        var out: [ConfigIssue] = []
        guard rate > 0, let topic = c.jobTopic else { return out }
        let most = Swift.max(c.job.parallelism, c.job.autoscaler?.maxParallelism ?? 0)
        let tasks = Swift.min(most, topic.partitions)
        if let perRecord = Self.taskSecondsPerRecord(c), perRecord > 0 {
            let rho = rate * perRecord / Double(tasks)
            if rho >= 1 {
                let needed = Int((rate * perRecord).rounded(.down)) + 1
                out.append(issue(job["parallelism"] ?? job.owner,
                                 "job `\(c.job.name)`: offered load per task ρ = \(ScenarioChecks.fixed(rho)) ≥ 1 (mean \(ScenarioChecks.fixed(rate))/s × \(ScenarioChecks.fixed(perRecord * 1e6)) µs per record over \(tasks) working task(s)): lag grows for the whole run",
                                 expected: "at least \(needed) tasks (and partitions), or faster operators"))
            }
        }
        let bytesPerBroker = rate * Double(c.recordBytes) * Double(topic.replicationFactor) / Double(c.kafka.brokers)
        let limit = Swift.min(c.kafka.networkInBytesPerSecond, c.kafka.diskBytesPerSecond)
        if bytesPerBroker >= limit, let kafka {
            out.append(issue(kafka, "job `\(c.job.name)`: each broker takes \(ScenarioChecks.fixed(bytesPerBroker / 1e6)) MB/s on average (replicas included) but can absorb \(ScenarioChecks.fixed(limit / 1e6)) MB/s (min of network_in and disk): produce latency grows for the whole run",
                             expected: "more brokers, faster brokers, or a lower replication factor"))
        }
        return out
    }
}
