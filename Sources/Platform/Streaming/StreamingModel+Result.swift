import Metrics

extension StreamingModel {
    /// Bytes of one decision record written to the decision sink.
    public static var decisionBytes: Int { 128 }

    /// What the run measured, at the end of the horizon. Closes open sessions
    /// first (their count is part of the result); call once, after the run.
    public mutating func result(eventsSimulated: Int) -> StreamingResult {
        chain.finish()
        let ops = configuration.job.operators
        var stages = [StageLatency(name: "gateway", latency: producer.gatewayLatency),
                      StageLatency(name: "produce", latency: producer.produceLatency),
                      StageLatency(name: "kafka", latency: stats.kafka),
                      StageLatency(name: "buffer", latency: stats.buffer)]
        for (i, op) in ops.enumerated() { stages.append(StageLatency(name: op.name, latency: chain.latency[i])) }
        stages.append(StageLatency(name: "sink", latency: stats.sink))
        let regions = configuration.regions.enumerated().map { i, r in
            RegionOutcome(name: r.name, generated: producer.regionGenerated[i], endToEnd: stats.regionLatency[i])
        }
        var dropCounts = DropCause.allCases.map { CauseCount(cause: $0.name, count: stats.dropped[$0.rawValue]) }
        dropCounts[DropCause.outage.rawValue].count += producer.droppedOutage
        let drops = dropCounts.filter { $0.count > 0 && $0.cause != DropCause.late.name }.sorted { $0.cause < $1.cause }
        let dead = dropCounts.filter { $0.count > 0 && $0.cause == DropCause.late.name }
        let unfetched = logs.reduce(Int64(0)) { $0 + Int64($1.unfetched) }
        let conservation = Conservation(generated: producer.generated, delivered: stats.delivered,
                                        dropped: (drops + dead).sorted { $0.cause < $1.cause },
                                        inFlight: producer.pending + unfetched + stats.inFlightAfterEnd)
        var review = ReviewOutcome()
        var reviewSeries = stats.reviewSeries
        if let r = self.review {
            review = r.outcome
            for (t, b) in r.backlogSamples { reviewSeries.record(Double(b), at: t) }
        }
        var deliveries: [StreamSinkDelivery] = []
        for (day, n) in stats.appendedPerDay.enumerated() where n > 0 {
            deliveries.append(StreamSinkDelivery(sink: "kafka:" + topic.name, dataset: configuration.stream, day: day,
                                           records: n, bytes: n * Int64(configuration.recordBytes)))
        }
        for (day, n) in stats.deliveriesPerDay.enumerated() where n > 0 {
            deliveries.append(StreamSinkDelivery(sink: "decisions", dataset: configuration.stream, day: day,
                                           records: n, bytes: n * Int64(Self.decisionBytes)))
        }
        var degradedNanos = stats.degradedNanos
        if degraded { degradedNanos += horizon - degradedSince }
        return StreamingResult(
            stages: stages, endToEnd: stats.endToEnd, regions: regions, decisions: stats.decisions,
            generated: stats.generatedSeries, delivered: stats.deliveredSeries, lag: stats.lagSeries,
            bufferOccupancy: stats.bufferSeries, parallelism: stats.parallelismSeries, reviewBacklog: reviewSeries,
            partitionRecords: logs.map(\.appended), partitionMaxLag: logs.map(\.maxLag),
            maxBufferOccupancy: tasks.map(\.maxOccupancy).max() ?? 0, drops: drops, deadLetters: dead,
            autoscalerActions: stats.actions, review: review,
            operators: OperatorOutcome(sessionsClosed: chain.sessionsClosed, lateEvents: stats.dropped[DropCause.late.rawValue],
                                       duplicatesDropped: stats.dropped[DropCause.duplicate.rawValue]),
            conservation: conservation, sinkDeliveries: deliveries, brokerBytesWritten: producer.brokerBytes,
            degradedNanos: degradedNanos, measuredServiceNanos: chain.fixedNanos.map(Double.init),
            eventsSimulated: eventsSimulated)
    }
}
