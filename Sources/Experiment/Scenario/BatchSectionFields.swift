/// The field definitions of a scenario's `batch:` section (SQL Server CDC
/// connectors, provider file drops, the nightly ELT job). The decoder
/// (``BatchSection``) reads the allowed keys from here and the JSON Schema
/// is generated from the same lists (see ``FieldSpec``).
///
/// Each field mirrors one member of the Platform types
/// (``Platform/CDCConfiguration``, ``Platform/FileDropConfiguration``,
/// ``Platform/ELTConfiguration``, ``Platform/BatchAnalyticsConfiguration``,
/// ``Platform/WarehousePriceBasis``); the names are the scenario file's
/// (snake_case, in the words a data engineer uses).

/// The `batch:` vocabulary.
public enum BatchSectionFields {
    /// Fields of `batch:`.
    public static let top: [FieldSpec] = [
        FieldSpec("cdc", .named(cdcFields), "SQL Server change-data-capture connectors by name: an initial snapshot, then the change tables polled and shipped to a dataset of their own.",
                  example: "{sqlserver: {tables: [accounts], change_rate: 200/s, ship_latency: \"lognormal(p50=2s, p99=20s)\"}}"),
        FieldSpec("file_drops", .named(fileDropFields), "Scheduled provider file drops by name, each with its load job into a dataset of its own.",
                  example: "{provider: {every: 1h, files: 12, file_size: \"lognormal(p50=20MB, p99=200MB)\"}}"),
        FieldSpec("elt", .mapping(eltFields), "The nightly ELT job: scans its input datasets once a day, runs the batch analytics on what the sinks received, and is billed by the warehouse.",
                  example: "{start: 02:00, inputs: [bets], analytics: {bets: bets}}"),
    ]

    /// Fields of one connector of `batch.cdc`.
    public static let cdcFields: [FieldSpec] = [
        FieldSpec("dataset", .text, "The dataset the changes land in, declared by the connector (default: the connector's name); it must not be a `storage.datasets` name, which a sink feeds.", example: "cdc_accounts"),
        FieldSpec("tables", .references, "Source tables captured (labels for the report).", example: "[accounts, wallets]"),
        FieldSpec("change_rate", .rate, required: true, "Committed row changes per second in the source database (Poisson).", example: "200/s"),
        FieldSpec("change_size", .size, "JSON bytes of one change event, row image and envelope (default 600B).", example: "600B"),
        FieldSpec("snapshot", .size, "Bytes the initial snapshot reads (default 0: no snapshot); streaming starts when it ends.", example: "50GB"),
        FieldSpec("snapshot_rate", .text, "Snapshot read throughput, a size per time (default 50MB/s).", example: "100MB/s"),
        FieldSpec("poll", .duration, "How often the connector reads the change tables (default 5s).", example: "5s"),
        FieldSpec("max_changes", .rate, "Changes the connector applies per second at most (default 20k/s).", example: "5k/s"),
        FieldSpec("ship_latency", .distribution, required: true, "Delay from a poll to its batch landing in the dataset, seconds (a negative draw counts as 0).", example: "lognormal(p50=2s, p99=20s)"),
        FieldSpec("format", .choice(["json", "csv", "parquet-snappy", "parquet-zstd", "avro"]), "Bronze file format of the dataset (default parquet-snappy).", example: "parquet-snappy"),
        FieldSpec("compression_ratio", .text, "JSON bytes ÷ stored bytes of the dataset (default: the measured ratio of the format).", example: "5"),
    ]

    /// Fields of one drop of `batch.file_drops`.
    public static let fileDropFields: [FieldSpec] = [
        FieldSpec("dataset", .text, "The dataset the load job writes to, declared by the drop (default: the drop's name); it must not be a `storage.datasets` name or another connector's.", example: "provider_files"),
        FieldSpec("every", .duration, "Time between drops (default 1h).", example: "1h"),
        FieldSpec("offset", .duration, "Time of the first drop after the start of the run (default 0).", example: "5m"),
        FieldSpec("files", .integer(minimum: 1), "Files in each drop (default 1).", example: "12"),
        FieldSpec("file_size", .distribution, required: true, "Size of one file in bytes (a distribution; sizes written 20MB, 2GB or 20M).", example: "lognormal(p50=20MB, p99=200MB)"),
        FieldSpec("load_rate", .text, "Load job throughput, a size per time; one file at a time, first come first served (default 100MB/s).", example: "50MB/s"),
        FieldSpec("load_startup", .duration, "Fixed start-up time of each file's load (default 30s).", example: "30s"),
        FieldSpec("format", .choice(["json", "csv", "parquet-snappy", "parquet-zstd", "avro"]), "Bronze file format of the dataset (default parquet-snappy).", example: "parquet-snappy"),
        FieldSpec("compression_ratio", .text, "JSON bytes ÷ stored bytes of the dataset (default: the measured ratio of the format).", example: "5"),
    ]

    /// Fields of `batch.elt`.
    public static let eltFields: [FieldSpec] = [
        FieldSpec("name", .text, "The job's name (default nightly-elt).", example: "nightly-elt"),
        FieldSpec("start", .text, "Time of day (UTC) each run starts, HH:MM (default 02:00).", example: "02:00"),
        FieldSpec("inputs", .references, required: true, "Datasets it scans: `storage.datasets` names or datasets declared by `cdc` and `file_drops`.", example: "[bets, transactions]"),
        FieldSpec("scan_layer", .choice(["bronze", "silver", "gold"]), "The layer it reads (default silver).", example: "silver"),
        FieldSpec("scan_days", .integer(minimum: 1), "Days of data each run scans (default 1; 7 to recompute a 7-day window).", example: "1"),
        FieldSpec("scan_rate", .text, "Bytes per second the warehouse scans for this job, a size per time (default 500MB/s).", example: "500MB/s"),
        FieldSpec("startup", .duration, "Fixed start-up time of a run: cluster, planning (default 1m).", example: "2m"),
        FieldSpec("price", .mapping(priceFields), "How the warehouse bills a run: on demand per TiB scanned (default gcp 6.25, aws 5, azure 5 USD) or per compute-hour × units.", example: "{per_tib_scanned: {gcp: 6.25 USD, aws: 5 USD, azure: 5 USD}}"),
        FieldSpec("analytics", .mapping(analyticsFields), "The batch analytics the job runs (the rules of `headroom analyze`) and on which datasets.", example: "{revenue: transactions, bets: bets}"),
    ]

    /// Fields of `batch.elt.price`.
    public static let priceFields: [FieldSpec] = [
        FieldSpec("per_tib_scanned", .mapping(cloudPriceFields), "On demand: USD per TiB (2⁴⁰ bytes) scanned, per cloud; every priced cloud needs one.", example: "{gcp: 6.25 USD, aws: 5 USD, azure: 5 USD}"),
        FieldSpec("per_compute_hour", .mapping(cloudPriceFields), "Provisioned: USD per compute-hour (slot, RPU or DWU hour), per cloud; needs `units`.", example: "{gcp: 0.044 USD, aws: 0.375 USD, azure: 1.2 USD}"),
        FieldSpec("units", .integer(minimum: 1), "Compute units the job holds for its duration (with `per_compute_hour`).", example: "100"),
    ]

    /// Fields of a per-cloud warehouse price.
    public static let cloudPriceFields: [FieldSpec] = ["gcp", "aws", "azure"].map {
        FieldSpec($0, .text, "USD on \($0) (`5`, `$5`, `5 USD`).", example: "5 USD")
    }

    /// Fields of `batch.elt.analytics`.
    public static let analyticsFields: [FieldSpec] = [
        FieldSpec("revenue", .text, "Dataset of transactions for daily revenue per country with the 7-day moving average (`analyze revenue`); absent: not run.", example: "transactions"),
        FieldSpec("revenue_days", .integer(minimum: 0), "Days before the as-of date in the revenue output (default 90).", example: "90"),
        FieldSpec("dedup_window", .duration, "Two rows of one transaction_id within this time are duplicates; also the lateness allowed to bets (default 1h).", example: "1h"),
        FieldSpec("bets", .text, "Dataset of bets for top players and stake escalation (`analyze top-players`, `stake-escalation`); absent: neither is run.", example: "bets"),
        FieldSpec("top_players_days", .integer(minimum: 0), "Days before the as-of date in the top-players window (default 30).", example: "30"),
        FieldSpec("top", .integer(minimum: 1), "Players per game type (default 5).", example: "5"),
        FieldSpec("escalation_threshold", .text, "Growth of a player's daily stake that flags a day, exact decimal ≥ 0 (0.5 = +50%; default 0.5).", example: "0.5"),
        FieldSpec("escalation_min_days", .integer(minimum: 1), "Shortest streak of flagged days reported (default 3).", example: "3"),
    ]
}
