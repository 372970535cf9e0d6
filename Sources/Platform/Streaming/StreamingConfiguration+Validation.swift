/// Validation: impossible values (the run refuses them) and warnings
/// (configurations that run but cannot work as meant). Each message starts
/// with the field's path in the scenario's words.
extension StreamingConfiguration {
    /// Every impossible value, in field order; empty when the configuration can run.
    public func problems() -> [String] {
        var out: [String] = []
        if stream.isEmpty { out.append("stream: must name a workload stream") }
        if recordBytes < 1 { out.append("record_bytes: must be at least 1, got \(recordBytes)") }
        if regions.isEmpty { out.append("regions: at least one region is needed") }
        var names: Set<String> = []
        for (i, r) in regions.enumerated() {
            let path = "regions[\(i)]"
            if !names.insert(r.name).inserted { out.append("\(path).name: '\(r.name)' appears twice") }
            if !(r.trafficShare >= 0) { out.append("\(path).traffic_share: must be 0 or more, got \(r.trafficShare)") }
            if r.crossRegionLatencyNanos < 0 { out.append("\(path).cross_region_latency: must be 0 or more") }
            out += r.gateway.problems(at: "\(path).gateway", recordBytes: recordBytes)
        }
        if !regions.isEmpty && !(regions.reduce(0) { $0 + $1.trafficShare } > 0) {
            out.append("regions: traffic shares must not all be 0")
        }
        out += kafka.problems(at: "kafka")
        if jobTopic == nil {
            out.append("job.topic: '\(job.topic)' is not a topic of the cluster (topics: \(kafka.topics.map(\.name).joined(separator: ", ")))")
        }
        out += jobProblems()
        if let f = featureStore {
            if !(f.opsPerSecondPerNode > 0) { out.append("feature_store.ops_per_node: must be more than 0") }
            if f.nodes < 1 { out.append("feature_store.nodes: must be at least 1, got \(f.nodes)") }
            if !(f.cacheHitRatio >= 0 && f.cacheHitRatio <= 1) { out.append("feature_store.cache_hit_ratio: must be in [0, 1], got \(f.cacheHitRatio)") }
            if f.lookupsPerRecord < 0 { out.append("feature_store.lookups_per_record: must be 0 or more") }
        }
        if case .remote(let r)? = modelServer {
            if r.replicas < 1 { out.append("model_server.replicas: must be at least 1, got \(r.replicas)") }
            if r.maxBatch < 1 { out.append("model_server.max_batch: must be at least 1, got \(r.maxBatch)") }
        }
        let kinds = Set(job.operators.map(\.kind))
        if kinds.contains(.fraudScore) && fraudModel == nil { out.append("job.operators: fraud-score needs fraud_model (a file or train: {...})") }
        if kinds.contains(.enrich) && featureStore == nil { out.append("job.operators: enrich needs a feature_store") }
        if let q = reviewQueue, q.reviewers < 1 { out.append("review_queue.reviewers: must be at least 1, got \(q.reviewers)") }
        for (i, o) in outages.enumerated() {
            if !names.contains(o.region) { out.append("outages[\(i)].region: '\(o.region)' is not a region") }
            if o.durationNanos <= 0 { out.append("outages[\(i)].duration: must be more than 0") }
            if o.startNanos < 0 { out.append("outages[\(i)].start: must be 0 or more") }
        }
        if let d = degradedMode, d.lagThresholdRecords < 0 || d.recoverBelowRecords > d.lagThresholdRecords || d.recoverBelowRecords < 0 {
            out.append("degraded_mode: need 0 <= recover_below (\(d.recoverBelowRecords)) <= lag_threshold (\(d.lagThresholdRecords))")
        }
        if binWidthNanos <= 0 { out.append("bin_width: must be more than 0") }
        return out
    }

    func jobProblems() -> [String] {
        var out: [String] = []
        if job.parallelism < 1 { out.append("job.parallelism: must be at least 1, got \(job.parallelism)") }
        if job.maxParallelism < job.parallelism { out.append("job.max_parallelism: must be at least parallelism (\(job.parallelism)), got \(job.maxParallelism)") }
        if job.operators.isEmpty { out.append("job.operators: at least one operator is needed") }
        for (i, op) in job.operators.enumerated() {
            if case .measured(let f) = op.service, !(f > 0) { out.append("job.operators[\(i)].cpu_factor: must be more than 0, got \(f)") }
            if case .measured = op.service, op.kind == .custom || op.kind == .enrich {
                out.append("job.operators[\(i)].service: 'measured' needs code to time; \(op.kind.rawValue) has none, give a distribution")
            }
            if op.kind == .dedup && op.dedupWindowRecords < 1 { out.append("job.operators[\(i)].window: must be at least 1") }
            if op.kind == .sessionize && op.sessionTimeoutNanos <= 0 { out.append("job.operators[\(i)].timeout: must be more than 0") }
        }
        if job.bufferCapacityRecords < 1 { out.append("job.buffer_capacity: must be at least 1, got \(job.bufferCapacityRecords)") }
        if job.fetchMaxRecords < 1 { out.append("job.fetch_max_records: must be at least 1, got \(job.fetchMaxRecords)") }
        if job.fetchWaitNanos <= 0 { out.append("job.fetch_wait: must be more than 0") }
        if let c = job.checkpoint, c.intervalNanos <= 0 || c.pauseNanos < 0 || c.pauseNanos >= c.intervalNanos {
            out.append("job.checkpoint: need 0 <= pause < interval, got pause \(c.pauseNanos) ns, interval \(c.intervalNanos) ns")
        }
        if job.allowedLatenessNanos < 0 { out.append("job.allowed_lateness: must be 0 or more") }
        if let a = job.autoscaler {
            if !(a.targetUtilization > 0 && a.targetUtilization <= 1) { out.append("job.autoscaler.target_utilization: must be in (0, 1], got \(a.targetUtilization)") }
            if a.metricWindowNanos <= 0 { out.append("job.autoscaler.metric_window: must be more than 0") }
            if a.stabilizationNanos < 0 || a.restartPauseNanos < 0 { out.append("job.autoscaler: stabilization and restart_pause must be 0 or more") }
            if a.minParallelism < 1 || a.maxParallelism < a.minParallelism {
                out.append("job.autoscaler: need 1 <= min_parallelism (\(a.minParallelism)) <= max_parallelism (\(a.maxParallelism))")
            }
        }
        return out
    }

    /// Configurations that run but cannot work as meant, with the reason.
    public func warnings() -> [String] {
        var out: [String] = []
        for (i, r) in regions.enumerated() { out += r.gateway.warnings(at: "regions[\(i)].gateway", recordBytes: recordBytes) }
        for (i, t) in kafka.topics.enumerated() { out += t.warnings(at: "kafka.topics[\(i)]", recordBytes: recordBytes) }
        if let t = jobTopic {
            let most = max(job.parallelism, job.autoscaler?.maxParallelism ?? 0)
            if most > t.partitions {
                out.append("job.parallelism: \(most) consumers for \(t.partitions) partitions of '\(t.name)': \(most - t.partitions) task(s) would sit idle")
            }
        }
        if let d = degradedMode, d.lagThresholdRecords < job.fetchMaxRecords {
            out.append("degraded_mode.lag_threshold: \(d.lagThresholdRecords) records is below one fetch (\(job.fetchMaxRecords)): the job would be degraded almost always")
        }
        return out
    }
}
