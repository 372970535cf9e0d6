/// Processing, latency and manual-review steps of a capacity plan.

import Foundation

extension CapacityPlan {
    /// Consumers and stream-job parallelism from per-record cost, the final
    /// partition count, brokers, and an M/M/c check of the scoring stage.
    static func processing(_ inputs: SizingInputs, into d: inout Derivation) {
        let util = inputs.targetUtilization
        let peakRate = inputs.eventRate.perSecond * inputs.peakMultiplier
        let busy = peakRate * inputs.recordCost.seconds
        d.add(DerivationStep(
            label: "Busy cores at peak", formula: "peak event rate × CPU time per record (offered load)",
            substituted: "\(NumberText.plain(peakRate))/s × \(inputs.recordCost.formatted)",
            value: busy, unit: "cores", display: NumberText.plain(busy, maxFractionDigits: 2) + " cores"))
        let consumers = Foundation.ceil(busy / util - 1e-9)
        d.add(DerivationStep(
            label: "Consumers (stream-job parallelism)", formula: "⌈busy cores ÷ target utilization⌉",
            substituted: "⌈\(NumberText.plain(busy, maxFractionDigits: 2)) ÷ \(NumberText.plain(util))⌉",
            value: consumers, unit: "consumers"))
        d.result("consumers", consumers, unit: "consumers")

        let forThroughput = d.result("partitions_for_throughput")?.value ?? 1
        let partitions = max(forThroughput, consumers)
        d.add(DerivationStep(
            label: "Partitions", formula: "max(partitions for throughput, consumers)",
            substituted: "max(\(NumberText.plain(forThroughput)), \(NumberText.plain(consumers)))",
            value: partitions, unit: "partitions",
            note: "a consumer group uses at most one consumer per partition, so partitions ≥ consumers; the seed adds: use 100s of partitions across brokers for parallelism and rebalancing"))
        d.result("partitions", partitions, unit: "partitions")
        brokers(inputs, partitions: partitions, into: &d)

        let mu = 1 / inputs.recordCost.seconds
        let servers = Int(consumers)
        let queue = QueueingFormulas.mmc(arrivalRate: peakRate, serviceRate: mu, servers: servers)
        let p99 = QueueingFormulas.mmcSojournQuantile(0.99, arrivalRate: peakRate, serviceRate: mu, servers: servers)
        let p99Text = p99.map { TimeSpan(seconds: $0).formatted } ?? "unbounded"
        d.add(DerivationStep(
            label: "Scoring stage as M/M/c at peak", formula: "Erlang C with c = consumers, λ = peak rate, μ = 1 ÷ CPU time per record",
            substituted: "c = \(servers), λ = \(NumberText.plain(peakRate))/s, μ = \(NumberText.plain(mu, maxFractionDigits: 2))/s",
            value: (p99 ?? .infinity) * 1000, unit: "ms (p99 sojourn)",
            display: "p99 sojourn \(p99Text); \(queue.summary)",
            warning: queue.metrics == nil ? "the stage is overloaded at peak" : nil))
        if let rhoMax = QueueingFormulas.mmcUtilizationForSojournQuantile(0.99, target: inputs.scoringLatency.seconds, serviceRate: mu, servers: servers) {
            d.add(DerivationStep(
                label: "Utilization where scoring p99 reaches its budget", formula: "ρ such that p99 sojourn(ρ) = scoring budget (M/M/c, Brent's method)",
                substituted: "p99(ρ) = \(inputs.scoringLatency.formatted), c = \(servers)",
                value: rhoMax * 100, unit: "%", display: NumberText.percent(rhoMax, digits: 4),
                note: "planned utilization is \(NumberText.percent(queue.utilization)); queueing is not what limits this stage below that point"))
        }
    }

    /// The latency budget of the stages against the SLO.
    static func latency(_ inputs: SizingInputs, into d: inout Derivation) {
        let stages = [inputs.ingestionLatency, inputs.featuresLatency, inputs.scoringLatency,
                      inputs.decisionWriteLatency, inputs.overheadLatency]
        let total = stages.reduce(TimeSpan(seconds: 0), +)
        let slack = inputs.latencySLO.seconds - total.seconds
        d.add(DerivationStep(
            label: "Latency budget", formula: "ingestion + features + scoring + decision write + overhead",
            substituted: stages.map { NumberText.plain($0.milliseconds) + " ms" }.joined(separator: " + "),
            value: total.milliseconds, unit: "ms", display: total.formatted))
        d.add(DerivationStep(
            label: "Slack against the SLO", formula: "SLO − latency budget",
            substituted: "\(inputs.latencySLO.formatted) − \(total.formatted)",
            value: slack * 1000, unit: "ms",
            display: slack >= 0 ? "\(TimeSpan(seconds: slack).formatted) (\(NumberText.percent(slack / inputs.latencySLO.seconds)) of the SLO)"
                : "−\(TimeSpan(seconds: -slack).formatted)",
            warning: slack < 0 ? "the stage budgets exceed the \(inputs.latencySLO.formatted) SLO" : nil))
        d.result("latency_budget_ms", total.milliseconds, unit: "ms")
        d.result("latency_slack_ms", slack * 1000, unit: "ms")
    }

    /// Manual review: arrivals, analysts needed, and the queue at that staffing (M/M/c).
    static func review(_ inputs: SizingInputs, into d: inout Derivation) {
        let arrivals = inputs.eventRate.perSecond * inputs.reviewShare
        let perDay = arrivals * 86_400
        d.add(DerivationStep(
            label: "Reviews per day", formula: "average event rate × review share × 86,400 s",
            substituted: "\(NumberText.plain(inputs.eventRate.perSecond))/s × \(NumberText.percent(inputs.reviewShare, digits: 4)) × 86,400 s",
            value: perDay, unit: "reviews/day", display: NumberText.plain(perDay, maxFractionDigits: 1) + " reviews/day",
            note: "the seed leaves the review share open (a clarifying question); it drives the review store and the analyst team"))
        d.result("reviews_per_day", perDay, unit: "reviews/day")
        guard arrivals > 0 else { return }
        let load = arrivals * inputs.reviewHandlingTime.seconds
        let analysts = Foundation.ceil(load / inputs.targetUtilization - 1e-9)
        d.add(DerivationStep(
            label: "Analysts on shift", formula: "⌈review arrivals × handling time ÷ target utilization⌉",
            substituted: "⌈\(NumberText.plain(arrivals, maxFractionDigits: 4))/s × \(inputs.reviewHandlingTime.formatted) ÷ \(NumberText.plain(inputs.targetUtilization))⌉",
            value: analysts, unit: "analysts"))
        d.result("analysts", analysts, unit: "analysts")
        let queue = QueueingFormulas.mmc(arrivalRate: arrivals, serviceRate: 1 / inputs.reviewHandlingTime.seconds, servers: Int(analysts))
        if let m = queue.metrics {
            d.add(DerivationStep(
                label: "Review queue (M/M/c)", formula: "Lq = λ · Wq with Wq = Erlang C ÷ (c μ − λ)",
                substituted: "c = \(Int(analysts)), λ = \(NumberText.plain(arrivals, maxFractionDigits: 4))/s, μ = 1/\(inputs.reviewHandlingTime.formatted)",
                value: m.meanQueueLength, unit: "reviews waiting",
                display: "\(NumberText.significant(m.meanQueueLength)) reviews waiting on average, mean wait \(TimeSpan(seconds: m.meanWait).formatted)"))
            d.result("review_queue_mean", m.meanQueueLength, unit: "reviews")
        }
    }
}
