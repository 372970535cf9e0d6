/// The field definitions of the `streaming:` section of a scenario file
/// (decoded by ``StreamingDecoder`` into Platform ``Platform/StreamingConfiguration``
/// values, one per job). Read by the decoder, the JSON Schema and the README
/// field tables, like ``ScenarioFields``.

/// The streaming vocabulary.
public enum StreamingFields {
    /// Fields of `streaming:`.
    public static let section: [FieldSpec] = [
        FieldSpec("record_size", .size, "Bytes per record on the wire and on disk before replication (default 1KB); a job may override it.", example: "1KB"),
        FieldSpec("gateway", .mapping(gatewayFields), "The gateway and Kafka producer of every region that gives none (each field may be overridden per region).", example: "{linger: 5ms, batch_size: 16KB}"),
        FieldSpec("regions", .named(regionFields), required: true, "The regions by name: their share of the traffic, their distance to the Kafka cluster and their gateway.", example: "{us: {share: 40%}, eu: {share: 30%, cross_region_latency: 40ms}}"),
        FieldSpec("outages", .list(outageFields), "Regions down for a while: their traffic moves to the others by share.", example: "[{region: eu, start: 20m, duration: 10m}]"),
        FieldSpec("degraded_mode", .mapping(degradedFields), "Skip enrichment (feature-store lookups, `enrich` operators) while the job's total lag is high (default: never).", example: "{lag_above: 200k, recover_below: 20k}"),
        FieldSpec("kafka", .mapping(kafkaFields), required: true, "The Kafka cluster: brokers and topics. Each job is simulated on its own copy of the brokers (capacity is not shared between jobs).", example: "{brokers: 6, topics: {card-transactions: {partitions: 64}}}"),
        FieldSpec("jobs", .named(jobFields), required: true, "The stream jobs by name; each reads one topic and is simulated as one pipeline. A job's name is a sink (its outputs) and, with several jobs, the prefix of its stages.", example: "{scoring: {stream: card_transactions, topic: card-transactions, parallelism: 32, operators: [...]}}"),
    ]

    /// Fields of a gateway (`streaming.gateway`, `regions.<r>.gateway`).
    public static let gatewayFields: [FieldSpec] = [
        FieldSpec("validation", .distribution, "Validation and tokenization time per record (default lognormal(p50=300us, p99=2ms)).", example: "lognormal(p50=300us, p99=2ms)"),
        FieldSpec("batch_size", .size, "Kafka `batch.size`: a producer batch is sent once it holds this many bytes (default 16KiB).", example: "16KiB"),
        FieldSpec("linger", .duration, "Kafka `linger.ms`: a batch is sent at the latest this long after its first record (default 5ms).", example: "5ms"),
        FieldSpec("leader_append", .distribution, "Leader append time per batch with acks=all (default lognormal(p50=1ms, p99=5ms)).", example: "lognormal(p50=1ms, p99=5ms)"),
        FieldSpec("replication", .distribution, "Time for one follower to replicate a batch; acks=all waits for min_insync − 1 followers (default lognormal(p50=2ms, p99=10ms)).", example: "lognormal(p50=2ms, p99=10ms)"),
        FieldSpec("retry_probability", .fraction, "Probability that a produce request times out and the batch is sent again (duplicates downstream), below 100% (default 0).", example: "0.05%"),
        FieldSpec("retry_backoff", .duration, "Delay before a retried batch is sent again (default 100ms).", example: "100ms"),
    ]

    /// Fields of one region of `streaming.regions`.
    public static let regionFields: [FieldSpec] = [
        FieldSpec("share", .fraction, required: true, "Share of the global traffic generated in the region (shares are normalised; they must not all be 0).", example: "40%"),
        FieldSpec("cross_region_latency", .duration, "One-way latency from the region's gateway to the Kafka cluster (default 0: the cluster is in this region).", example: "40ms"),
        FieldSpec("gateway", .mapping(gatewayFields), "This region's gateway: the fields given replace those of `streaming.gateway`.", example: "{linger: 10ms}"),
    ]

    /// Fields of one outage of `streaming.outages`.
    public static let outageFields: [FieldSpec] = [
        FieldSpec("region", .reference, required: true, "The region that goes down (a name under `regions`).", example: "eu"),
        FieldSpec("start", .duration, required: true, "When it goes down, as simulated time since the start.", example: "20m"),
        FieldSpec("duration", .duration, required: true, "How long it stays down (above 0).", example: "10m"),
    ]

    /// Fields of `streaming.degraded_mode`.
    public static let degradedFields: [FieldSpec] = [
        FieldSpec("lag_above", .integer(minimum: 0), required: true, "Total consumer lag (records; `200k` allowed) above which enrichment is skipped.", example: "200k"),
        FieldSpec("recover_below", .integer(minimum: 0), "Lag (records) below which normal mode resumes; at most `lag_above` (default half of it).", example: "20k"),
    ]

    /// Fields of `streaming.kafka`.
    public static let kafkaFields: [FieldSpec] = [
        FieldSpec("brokers", .integer(minimum: 1), required: true, "Broker count; partition leaders are spread round-robin.", example: "6"),
        FieldSpec("network_in", .dataRate, "Network in per broker: produce plus replication traffic (default 125MB/s, 1 Gbit/s).", example: "125MB/s"),
        FieldSpec("network_out", .dataRate, "Network out per broker (default 125MB/s).", example: "125MB/s"),
        FieldSpec("disk", .dataRate, "Disk write throughput per broker, replicas included (default 500MB/s).", example: "500MB/s"),
        FieldSpec("topics", .named(topicFields), required: true, "The topics by name. A topic's name is a sink: the records as Kafka received them.", example: "{card-transactions: {partitions: 64, replication: 3}}"),
    ]

    /// Fields of one topic of `streaming.kafka.topics`.
    public static let topicFields: [FieldSpec] = [
        FieldSpec("partitions", .integer(minimum: 1), required: true, "Partition count.", example: "64"),
        FieldSpec("replication", .integer(minimum: 1), "Replication factor, at most the broker count (default 3, or the broker count when smaller).", example: "3"),
        FieldSpec("min_insync", .integer(minimum: 1), "`min.insync.replicas`: acks=all waits for this many replicas; at most `replication` (default 2, or `replication` when smaller).", example: "2"),
        FieldSpec("retention", .duration, "How long the topic keeps records (default 7d).", example: "7d"),
        FieldSpec("key", .choice(["card", "user", "player", "game", "entity", "none"]), "What picks a record's partition: the record's entity (card token, user id, player id or game id; `card`, `user`, `player` and `game` are names for it) or none (round-robin). Default entity.", example: "card"),
        FieldSpec("salting", .mapping(saltingFields), "Spread hot keys over several partitions (default: plain key hashing).", example: "{hot_key_share: 1%, buckets: 8}"),
        FieldSpec("partition_limit", .dataRate, "Throughput limit of one partition: appends beyond it queue at the leader (default none).", example: "10MB/s"),
    ]

    /// Fields of a topic's `salting:`.
    public static let saltingFields: [FieldSpec] = [
        FieldSpec("hot_key_share", .fraction, "Keys with at least this share of the last second's traffic are salted, above 0 (default 0.1%).", example: "1%"),
        FieldSpec("buckets", .integer(minimum: 2), "Partitions a salted key is spread over (default 8).", example: "8"),
    ]

    /// Fields of one job of `streaming.jobs`.
    public static let jobFields: [FieldSpec] = [
        FieldSpec("stream", .reference, required: true, "The `workload:` stream whose records the job reads: a card_transactions, page_views, bets, logins or results stream.", example: "card_transactions"),
        FieldSpec("topic", .reference, required: true, "The topic it reads (a name under `kafka.topics`).", example: "card-transactions"),
        FieldSpec("record_size", .size, "Bytes per record of this job's stream (default `streaming.record_size`).", example: "800B"),
        FieldSpec("parallelism", .integer(minimum: 1), required: true, "Tasks at the start; partitions are assigned round-robin, a task beyond the partition count is idle.", example: "32"),
        FieldSpec("max_parallelism", .integer(minimum: 1), "Most tasks ever (Flink max parallelism), at least `parallelism` (default 128, or `parallelism` when larger).", example: "64"),
        FieldSpec("buffer", .integer(minimum: 1), "Records a task may hold fetched but unprocessed; a full buffer stops fetching, so lag grows in Kafka (default 10k).", example: "5000"),
        FieldSpec("fetch_max", .integer(minimum: 1), "Most records one fetch returns per partition (default 500).", example: "500"),
        FieldSpec("fetch_wait", .duration, "Poll interval when the partitions are empty, above 0 (default 5ms).", example: "5ms"),
        FieldSpec("checkpoint", .mapping(checkpointFields), "Aligned checkpoints: every interval all tasks stop for the pause (default none).", example: "{every: 1m, pause: 200ms}"),
        FieldSpec("allowed_lateness", .duration, "Event-time watermark: how far behind the highest event time a record may be before it is late (a dead letter of `sessionize`); default 1h.", example: "1h"),
        FieldSpec("autoscaler", .mapping(autoscalerFields), "A Flink-style autoscaler (default: fixed parallelism).", example: "{target_utilization: 70%, max: 64}"),
        FieldSpec("operators", .list(operatorFields), required: true, "The operator chain, in order, applied to each record inside one task. Their names are stages.", example: "[{name: score, kind: fraud-score, service: fixed(120us)}]"),
        FieldSpec("feature_store", .mapping(featureStoreFields), "The online feature store read by `enrich` and `fraud-score` (needed by `enrich`).", example: "{latency: lognormal(p50=500us, p99=3ms), ops_per_node: 20k/s, nodes: 6, cache_hit_ratio: 80%}"),
        FieldSpec("model_server", .mapping(modelServerFields), "Where the fraud model runs: `embedded` (a CPU cost per record) or `remote` (default: its cost is in the operator's service time).", example: "{embedded: \"lognormal(p50=20us, p99=100us)\"}"),
        FieldSpec("fraud_model", .mapping(fraudModelFields), "The model of `fraud-score` (required with one): a file written by `headroom train`, or trained before the run on the workload.", example: "{train: {minutes: 10, seed: 7}}"),
        FieldSpec("sink", .mapping(sinkFields), "The OLTP store the job's decisions are written to (default: written at no cost).", example: "{write_latency: \"lognormal(p50=2ms, p99=15ms)\"}"),
        FieldSpec("review_queue", .mapping(reviewFields), "The manual review queue fed by REVIEW decisions (default: they are only counted).", example: "{reviewers: 200, handling: \"lognormal(p50=2m, p99=10m)\"}"),
    ]

    /// Fields of a job's `checkpoint:`.
    public static let checkpointFields: [FieldSpec] = [
        FieldSpec("every", .duration, required: true, "Time between checkpoints, above 0.", example: "1m"),
        FieldSpec("pause", .duration, required: true, "How long processing stops for each, shorter than `every`.", example: "200ms"),
    ]

    /// Fields of a job's `autoscaler:`.
    public static let autoscalerFields: [FieldSpec] = [
        FieldSpec("target_utilization", .fraction, "Target busy fraction of a task, above 0 (default 70%).", example: "70%"),
        FieldSpec("window", .duration, "The measuring window, above 0 (default 1m).", example: "1m"),
        FieldSpec("stabilization", .duration, "How long proposals must agree before scaling down (default 5m).", example: "5m"),
        FieldSpec("restart_pause", .duration, "Processing stops this long at each rescale (default 10s).", example: "10s"),
        FieldSpec("min", .integer(minimum: 1), "Fewest tasks (default 1).", example: "8"),
        FieldSpec("max", .integer(minimum: 1), "Most tasks, at least `min` (default the job's max_parallelism).", example: "64"),
    ]

    /// Fields of one operator of a job's `operators:`.
    public static let operatorFields: [FieldSpec] = [
        FieldSpec("name", .text, required: true, "The operator's name: a stage of the reports (not gateway, produce, kafka, buffer or sink; unique in the job).", example: "score"),
        FieldSpec("kind", .choice(["fraud-score", "sessionize", "dedup", "enrich", "custom"]), required: true, "What runs on each record: the real fraud scorer (card transactions), the streaming sessionizer (page views), an exact de-duplication window, a feature-store lookup, or nothing but the service time.", example: "fraud-score"),
        FieldSpec("service", .distribution, required: true, "Service time per record, or `measured`: the real code timed on this machine once before the run, times `cpu_factor` (results then depend on the machine).", example: "lognormal(p50=120us, p99=600us)"),
        FieldSpec("cpu_factor", .text, "With `service: measured`: the multiplier of the measured mean, above 0 (default 1; 2 = a core half as fast).", example: "1.5"),
        FieldSpec("window", .integer(minimum: 1), "`dedup`: how many recent record ids are remembered (default 65,536).", example: "131072"),
        FieldSpec("timeout", .duration, "`sessionize`: the inactivity gap that closes a session, above 0 (default 30m).", example: "30m"),
    ]

    /// Fields of a job's `feature_store:`.
    public static let featureStoreFields: [FieldSpec] = [
        FieldSpec("latency", .distribution, required: true, "Latency of one lookup at a node, queueing excluded.", example: "lognormal(p50=500us, p99=3ms)"),
        FieldSpec("ops_per_node", .rate, required: true, "Lookups per second one node serves.", example: "20k/s"),
        FieldSpec("nodes", .integer(minimum: 1), required: true, "Node count.", example: "6"),
        FieldSpec("cache_hit_ratio", .fraction, "Share of lookups answered by the in-process cache (default 0).", example: "80%"),
        FieldSpec("lookups_per_record", .integer(minimum: 0), "Lookups per record (default 1).", example: "1"),
    ]

    /// Fields of a job's `model_server:` (exactly one).
    public static let modelServerFields: [FieldSpec] = [
        FieldSpec("embedded", .distribution, "In the operator: its CPU cost per record adds to the operator's service time.", example: "lognormal(p50=20us, p99=100us)"),
        FieldSpec("remote", .mapping(remoteModelFields), "On a remote, replicated server.", example: "{round_trip: 1ms, replicas: 4, service: 200us, max_batch: 16}"),
    ]

    /// Fields of `model_server.remote`.
    public static let remoteModelFields: [FieldSpec] = [
        FieldSpec("round_trip", .distribution, required: true, "Network round trip per request.", example: "lognormal(p50=1ms, p99=5ms)"),
        FieldSpec("replicas", .integer(minimum: 1), required: true, "Server replicas, each serving one request at a time.", example: "4"),
        FieldSpec("service", .distribution, required: true, "Service time of one request at a replica.", example: "lognormal(p50=200us, p99=1ms)"),
        FieldSpec("max_batch", .integer(minimum: 1), "Records per request when batching (default 1: no batching).", example: "16"),
    ]

    /// Fields of a job's `fraud_model:` (exactly one).
    public static let fraudModelFields: [FieldSpec] = [
        FieldSpec("file", .text, "A model JSON file written by `headroom train`, relative to the scenario file.", example: "models/fraud.json"),
        FieldSpec("train", .mapping(trainingFields), "Train before the run on the job's workload stream, over a span that ends where the simulated one starts.", example: "{minutes: 10, seed: 7}"),
    ]

    /// Fields of `fraud_model.train`.
    public static let trainingFields: [FieldSpec] = [
        FieldSpec("minutes", .integer(minimum: 1), "Minutes of the workload to train on (default 10).", example: "10"),
        FieldSpec("seed", .seed, "Seed of the training span's generator (default 7).", example: "7"),
        FieldSpec("l2", .text, "L2 penalty on the standardized coefficients, ≥ 0 (default 1).", example: "1"),
        FieldSpec("block_fpr", .fraction, "Largest false-positive rate of BLOCK, in (0, 1) (default 0.1%).", example: "0.05%"),
        FieldSpec("review_fpr", .fraction, "Largest false-positive rate of REVIEW or BLOCK, in (0, 1), at least `block_fpr` (default 1%).", example: "0.2%"),
        FieldSpec("mcc_smoothing", .text, "Pseudo-transactions smoothing the merchant-category risk, > 0 (default 50).", example: "50"),
    ]

    /// Fields of a job's `sink:`.
    public static let sinkFields: [FieldSpec] = [
        FieldSpec("write_latency", .distribution, required: true, "Write latency per decision.", example: "lognormal(p50=2ms, p99=15ms)"),
    ]

    /// Fields of a job's `review_queue:`.
    public static let reviewFields: [FieldSpec] = [
        FieldSpec("reviewers", .integer(minimum: 1), required: true, "Reviewers working in parallel.", example: "200"),
        FieldSpec("handling", .distribution, required: true, "Time a reviewer spends on one case.", example: "lognormal(p50=2m, p99=10m)"),
    ]

    /// The stages every job has besides its operators, in pipeline order
    /// (``Platform/StreamingResult`` stage names).
    public static let fixedStagesBefore = ["gateway", "produce", "kafka", "buffer"]
    /// The stage after the operators.
    public static let fixedStagesAfter = ["sink"]
    /// The workload record kinds a job can read.
    public static let jobStreamKinds = ["card_transactions", "page_views", "bets", "logins", "results"]
}
