/// The field definitions of a scenario file: top level, each component
/// kind, prices and SLO mappings. See ``FieldSpec`` for who reads them.

/// The kinds of component a scenario can wire.
public enum ComponentKind: String, Sendable, CaseIterable {
    /// Creates jobs (Poisson at a rate, renewal gaps, or a workload stream's traffic shape).
    case source
    /// A queue with servers (G/G/c, optionally with a capacity K).
    case station
    /// A pure delay (infinite servers, no queue).
    case delay
    /// Sends each job to one of several components.
    case router
    /// Absorbs jobs and measures their end-to-end latency.
    case sink

    /// What the kind is, for the field tables.
    public var summary: String {
        switch self {
        case .source: return "creates jobs: Poisson at `rate`, gaps from `interarrival`, or the traffic shape of a workload `stream` (diurnal curve and spikes)"
        case .station: return "a FIFO queue in front of `servers` identical servers (G/G/c, or G/G/c/K with `capacity`)"
        case .delay: return "holds each job for a drawn time, without queueing (a network hop, an infinite-server stage)"
        case .router: return "sends each job to one of `to` by probability, in turn, or by a stable hash of its key"
        case .sink: return "absorbs jobs and records their end-to-end latency (time since creation)"
        }
    }
}

/// The scenario vocabulary.
public enum ScenarioFields {
    /// Top-level fields, in documentation order.
    public static let topLevel: [FieldSpec] = [
        FieldSpec("name", .text, required: true, "The scenario's name: the report directory is `Reports/<name>/`. Letters, digits, `-` and `_`.", example: "mm1"),
        FieldSpec("description", .text, "One paragraph shown at the top of the report.", example: "\"An M/M/1 queue at ρ = 0.8\""),
        FieldSpec("seed", .seed, "Root seed of every random stream (default 1). `headroom run --seed` overrides it.", example: "42"),
        FieldSpec("horizon", .duration, required: true, "Simulated time of one replication, warm-up included.", example: "2h"),
        FieldSpec("warm_up", .duration, "Time at the start whose measurements are discarded (default 0). Must be shorter than the horizon.", example: "10m"),
        FieldSpec("start", .text, "The UTC time at simulated time 0, for sources that follow a workload stream (its diurnal curve and spikes); default 2026-06-01 00:00.", example: "2026-06-06 18:00"),
        FieldSpec("replications", .integer(minimum: 1), "Independent replications (default 1); confidence intervals need at least 2.", example: "10"),
        FieldSpec("sample_every", .duration, "Spacing of the time series (throughput, records waiting); default horizon / 100.", example: "1m"),
        FieldSpec("workload", .external("workload section (docs/workloads.md)"), "The traffic: the same `workload:` section as a workload file; sources refer to its streams with `stream:`.", example: "{streams: {bets: {rate: 500/s}}}"),
        FieldSpec("components", .components, "A queueing network: the components by name; `to:` connects them. Exactly one of `components` and `streaming`.", example: "{server: {kind: station, service: exp(mean=1s), to: done}}"),
        FieldSpec("streaming", .mapping(StreamingFields.section), "The streaming path: regions, Kafka cluster and stream jobs (see The streaming section). Exactly one of `components` and `streaming`.", example: "{regions: {us: {share: 100%}}, kafka: {…}, jobs: {…}}"),
        FieldSpec("slos", .statements("objectives"), "Latency objectives, end to end (`p99 <= 5s`) or of one stage (`{stage: server, objective: p99 <= 2s}`).", example: "[p99 <= 5s]"),
        FieldSpec("prices", .mapping(priceFields), "Which clouds to price and a price file overriding the shipped catalogs.", example: "{clouds: [aws], file: my-prices.json}"),
        FieldSpec("storage", .mapping(storageFields), "The object store behind the sinks: what each sink's records become per day and over retention by tier, and their monthly cost per cloud.", example: "{datasets: {transactions: {sink: done, event_size: 1KB}}}"),
        FieldSpec("batch", .mapping(BatchSectionFields.top), "The batch side: SQL Server CDC connectors, provider file drops and the nightly ELT job with the batch analytics (needs `storage:`).", example: "{cdc: {sqlserver: {change_rate: 200/s, ship_latency: 2s}}}"),
        FieldSpec("expect", .statements("expectations"), "What must hold for `headroom check` to pass (see Expectations).", example: "[drops == 0, p99 within slo]"),
    ]

    /// Fields of `prices:`.
    public static let priceFields: [FieldSpec] = [
        FieldSpec("clouds", .references, "The clouds to price, among gcp, aws, azure (default all three).", example: "[gcp, aws]"),
        FieldSpec("file", .text, "A price file (`headroom size --prices` format), relative to the scenario file; its entries override the shipped catalogs.", example: "prices/negotiated.json"),
    ]

    /// Fields of `storage:`.
    public static let storageFields: [FieldSpec] = [
        FieldSpec("datasets", .named(datasetFields), required: true, "The datasets by name, each fed by a sink.", example: "{transactions: {sink: done, event_size: 1KB}}"),
        FieldSpec("retention", .duration, "Age at which data is deleted, whole days (default 365d).", example: "365d"),
        FieldSpec("copies", .integer(minimum: 1), "Full copies kept (default 1; 2 for a second region).", example: "1"),
        FieldSpec("infrequent_after", .duration, "Age at which data moves to the infrequent-access class (default 30d).", example: "30d"),
        FieldSpec("archive_after", .duration, "Age at which data moves to the archive class (default 90d).", example: "90d"),
    ]

    /// Fields of one dataset of `storage.datasets`.
    public static let datasetFields: [FieldSpec] = [
        FieldSpec("sink", .reference, required: true, "The sink whose records the dataset stores: a component sink, or in a streaming scenario a topic (the raw records) or a job (its decisions).", example: "done"),
        FieldSpec("event_size", .size, required: true, "Size of one record as JSON (the raw size).", example: "1KB"),
        FieldSpec("format", .choice(["json", "csv", "parquet-snappy", "parquet-zstd", "avro"]), "Bronze file format (default parquet-snappy); its measured compression ratio applies unless `compression_ratio` is given.", example: "parquet-zstd"),
        FieldSpec("compression_ratio", .text, "JSON bytes ÷ stored bytes for Bronze (a number ≥ 1, e.g. 5).", example: "7.5"),
        FieldSpec("silver_fraction", .fraction, "Silver stored bytes ÷ Bronze stored bytes (default 0.6).", example: "60%"),
        FieldSpec("gold_fraction", .fraction, "Gold stored bytes ÷ Silver stored bytes (default 0.05).", example: "5%"),
    ]

    /// Fields of an SLO written as a mapping.
    public static let sloFields: [FieldSpec] = [
        FieldSpec("objective", .text, required: true, "`pXX <= duration` (or `<`): p50, p90, p95, p99, p99.9, p999 or max.", example: "p99 <= 5s"),
        FieldSpec("stage", .reference, "The station or delay it applies to, or a streaming stage (`kafka`, an operator, `scoring.sink` with several jobs); default end to end.", example: "server"),
        FieldSpec("name", .text, "A label for the report (default: the objective).", example: "decision latency"),
    ]

    /// The field that selects a component's kind.
    public static let kindField = FieldSpec("kind", .choice(ComponentKind.allCases.map(\.rawValue)), required: true,
                                            "What the component is.", example: "station")

    /// The fields of each component kind (besides `kind`).
    public static func fields(of kind: ComponentKind) -> [FieldSpec] {
        switch kind {
        case .source:
            return [
                FieldSpec("rate", .rate, "Poisson arrivals at this rate. Exactly one of rate, interarrival and stream.", example: "0.8/s"),
                FieldSpec("interarrival", .distribution, "Gaps between arrivals (renewal process), seconds.", example: "exp(mean=1.25s)"),
                FieldSpec("stream", .text, "A stream of `workload:`: its rate, diurnal curve and spikes drive Poisson arrivals.", example: "bets"),
                FieldSpec("limit", .integer(minimum: 1), "Most jobs to create (default: no limit).", example: "100000"),
                FieldSpec("to", .reference, required: true, "Where the jobs go.", example: "server"),
            ]
        case .station:
            return [
                FieldSpec("servers", .integer(minimum: 1), "Identical servers, c (default 1).", example: "2"),
                FieldSpec("service", .distribution, required: true, "Service time of one job, seconds.", example: "exp(mean=1s)"),
                FieldSpec("capacity", .integer(minimum: 1), "Most jobs present, waiting and in service, K (default: unbounded). At least `servers`.", example: "50"),
                FieldSpec("when_full", .choice(["drop", "block"]), "What a full station does to an arrival: drop it (counted by cause), or hold the sender back (backpressure). Default drop.", example: "block"),
                FieldSpec("to", .reference, required: true, "Where served jobs go.", example: "done"),
            ]
        case .delay:
            return [
                FieldSpec("duration", .distribution, required: true, "Time each job is held, seconds.", example: "lognormal(p50=20ms, p99=80ms)"),
                FieldSpec("to", .reference, required: true, "Where jobs go afterwards.", example: "scoring"),
            ]
        case .router:
            return [
                FieldSpec("rule", .choice(["probability", "round_robin", "key_hash"]), "How an output is chosen (default probability, with equal weights unless `weights` is given).", example: "probability"),
                FieldSpec("weights", .numbers, "One weight per output for `rule: probability`.", example: "[3, 1]"),
                FieldSpec("to", .references, required: true, "The outputs, in order.", example: "[fast, slow]"),
            ]
        case .sink:
            return []
        }
    }

    /// Every field a component can have, for the spelling suggestion of an
    /// unknown key.
    public static var anyComponentFields: [String] {
        var names = [kindField.name]
        for kind in ComponentKind.allCases {
            for f in fields(of: kind) where !names.contains(f.name) { names.append(f.name) }
        }
        return names
    }
}
