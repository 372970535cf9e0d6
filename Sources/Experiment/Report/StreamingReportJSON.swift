/// The `streaming` object of report.json (present only for a streaming
/// scenario) and its entries in `drops.by_cause`. Keys in a fixed order;
/// counts summed over replications, maxima over replications, so the same
/// seed gives the same bytes.
///
///     "streaming": {
///       "hot_partition_factor": 2,
///       "decisions": {approve_fraud, approve_legit, review_fraud, review_legit, block_fraud, block_legit, precision, recall},
///       "jobs": [{
///         name, stream, topic, operators, generated, delivered,
///         parallelism: {initial, min, max, max_allowed},
///         lag: {max_records, drain_after_spikes: [{name, start_seconds, end_seconds, drained_after_seconds}]},
///         partitions: {count, mean_records, hot: [index], records: [n], max_lag_records: [n]},
///         autoscaler_actions: [{replication, time_seconds, from, to, reason}],
///         drops_by_cause: [{cause, records}], dead_letters_by_cause: [{cause, records}],
///         decisions: {…, precision, recall},
///         review: {reviewers, cases, completed, max_backlog, backlog_at_end, time_to_review_p50_seconds, time_to_review_p99_seconds},
///         sessions: {closed, late_events, duplicates_dropped},
///         degraded_seconds, max_buffer_records, broker_bytes_written: [n],
///         measured_service_seconds: [{operator, seconds}],
///         regions: [{name, generated, p50_seconds, p99_seconds, max_seconds}]
///       }]
///     }

import Metrics
import Platform
import Reporting

/// Builds the streaming part of report.json.
enum StreamingReportJSON {
    static func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
    static func causes(_ list: [CauseCount]) -> JSONValue {
        .array(list.map { .object([("cause", .string($0.cause)), ("records", .int($0.count))]) })
    }

    /// `drops.by_cause` of a streaming run: every job's drops and dead letters.
    static func dropCauses(_ o: StreamingOutcome) -> [JSONValue] {
        o.pipelines.flatMap { p in
            p.drops.map { c -> JSONValue in .object([("job", .string(p.name)), ("outcome", .string("dropped")), ("cause", .string(c.cause)),
                                                     ("records", .int(c.count))]) }
                + p.deadLetters.map { c -> JSONValue in .object([("job", .string(p.name)), ("outcome", .string("dead letter")),
                                                                 ("cause", .string(c.cause)), ("records", .int(c.count))]) }
        }
    }

    static func decisions(_ d: DecisionCounts) -> JSONValue {
        .object([("approve_fraud", .int(d.approveFraud)), ("approve_legit", .int(d.approveLegit)),
                 ("review_fraud", .int(d.reviewFraud)), ("review_legit", .int(d.reviewLegit)),
                 ("block_fraud", .int(d.blockFraud)), ("block_legit", .int(d.blockLegit)),
                 ("precision", number(d.precision)), ("recall", number(d.recall))])
    }

    /// The `streaming` object.
    static func build(_ run: ScenarioRunResult, _ o: StreamingOutcome) -> JSONValue {
        .object([("hot_partition_factor", .number(StreamingOutcome.hotFactor)), ("decisions", decisions(o.decisions)),
                 ("jobs", .array(o.pipelines.map { job($0, run) }))])
    }

    static func job(_ p: PipelineOutcome, _ run: ScenarioRunResult) -> JSONValue {
        let drains: [JSONValue] = zip(run.spikes, p.drainSeconds).map { spike, d in
            .object([("name", .string(spike.name)), ("start_seconds", .number(spike.start)), ("end_seconds", .number(spike.end)),
                     ("drained_after_seconds", number(d))])
        }
        let actions: [JSONValue] = p.autoscalerActions.map { r, a in
            .object([("replication", .int(Int64(r))), ("time_seconds", .number(Double(a.timeNanos) / 1e9)),
                     ("from", .int(Int64(a.from))), ("to", .int(Int64(a.to))), ("reason", .string(a.reason))])
        }
        let t = p.review.timeToReview.percentiles()
        let members: [(String, JSONValue)] = [
            ("name", .string(p.name)), ("stream", .string(p.stream)), ("topic", .string(p.topic)),
            ("operators", .array(p.operators.map(JSONValue.string))),
            ("generated", .int(p.generated)), ("delivered", .int(p.delivered)),
            ("parallelism", .object([("initial", .int(Int64(p.initialParallelism))), ("min", .int(Int64(p.minParallelismSeen))),
                                     ("max", .int(Int64(p.maxParallelismSeen))), ("max_allowed", .int(Int64(p.maxParallelismAllowed)))])),
            ("lag", .object([("max_records", .number(p.maxLag)), ("drain_after_spikes", .array(drains))])),
            ("partitions", .object([("count", .int(Int64(p.partitionRecords.count))), ("mean_records", .number(p.meanPartitionRecords)),
                                    ("hot", .array(p.hotPartitions.map { .int(Int64($0)) })),
                                    ("records", .array(p.partitionRecords.map(JSONValue.int))),
                                    ("max_lag_records", .array(p.partitionMaxLag.map(JSONValue.int)))])),
            ("autoscaler_actions", .array(actions)),
            ("drops_by_cause", causes(p.drops)), ("dead_letters_by_cause", causes(p.deadLetters)),
            ("decisions", decisions(p.decisions)),
            ("review", .object([("reviewers", .int(Int64(p.reviewers))), ("cases", .int(p.review.cases)),
                                ("completed", .int(p.review.completed)), ("max_backlog", .int(p.review.maxBacklog)),
                                ("backlog_at_end", .int(p.reviewBacklogAtEnd)),
                                ("time_to_review_p50_seconds", number(t?.p50Seconds)), ("time_to_review_p99_seconds", number(t?.p99Seconds))])),
            ("sessions", .object([("closed", .int(p.operatorOutcome.sessionsClosed)), ("late_events", .int(p.operatorOutcome.lateEvents)),
                                  ("duplicates_dropped", .int(p.operatorOutcome.duplicatesDropped))])),
            ("degraded_seconds", .number(p.degradedSeconds)),
            ("max_buffer_records", .int(Int64(p.maxBufferOccupancy))),
            ("broker_bytes_written", .array(p.brokerBytesWritten.map(JSONValue.int))),
            ("measured_service_seconds", .array(zip(p.operators, p.measuredServiceSeconds).map { name, v in
                .object([("operator", .string(name)), ("seconds", .number(v))]) })),
            ("regions", .array(p.regions.map { r in
                let q = r.endToEnd.percentiles()
                return .object([("name", .string(r.name)), ("generated", .int(r.generated)), ("p50_seconds", number(q?.p50Seconds)),
                                ("p99_seconds", number(q?.p99Seconds)), ("max_seconds", number(q?.maxSeconds))])
            })),
        ]
        return .object(members)
    }
}
