/// The component → cloud service mapping of the platform seed's
/// "Service Mapping Cheat-Sheet", used to label cost breakdowns and
/// scenario components with each cloud's services.

/// One capability and the services that provide it on each cloud.
public struct ServiceMapping: Sendable, Equatable {
    /// Headroom's component name (`stream-ingestion`).
    public var component: String
    /// The capability in the seed's words (`Kafka ingestion`).
    public var capability: String
    /// GCP services (the seed's primary cloud).
    public var gcp: String
    /// AWS services.
    public var aws: String
    /// Azure services.
    public var azure: String

    /// The services on `cloud` (`gcp`, `aws`, `azure`).
    public func services(on cloud: String) -> String? {
        switch cloud {
        case "gcp": gcp
        case "aws": aws
        case "azure": azure
        default: nil
        }
    }

    /// The seed's cheat-sheet rows, plus the rows the fraud design adds
    /// (storage tiers, stream processing, online feature cache, inter-region egress).
    public static let table: [ServiceMapping] = [
        .init(component: "cdc", capability: "SQL Server CDC", gcp: "Datastream → GCS", aws: "DMS → S3", azure: "ADF/CDC → ADLS"),
        .init(component: "stream-ingestion", capability: "Kafka ingestion", gcp: "Confluent Cloud / Pub/Sub", aws: "MSK / Kinesis", azure: "Event Hubs"),
        .init(component: "stream-processing", capability: "Stream processing", gcp: "Dataflow", aws: "Managed Service for Apache Flink (Kinesis Data Analytics)", azure: "Stream Analytics"),
        .init(component: "object-storage-hot", capability: "Landing / lake (hot)", gcp: "GCS Standard", aws: "S3 Standard", azure: "ADLS Gen2 / Blob Hot"),
        .init(component: "object-storage-infrequent", capability: "Lake, infrequent access", gcp: "GCS Nearline", aws: "S3 Standard-IA", azure: "Blob Cool"),
        .init(component: "object-storage-archive", capability: "Lake, archive", gcp: "GCS Archive", aws: "S3 Glacier Deep Archive", azure: "Blob Archive"),
        .init(component: "table-format", capability: "Table format + catalog", gcp: "BigLake + Dataplex (+ Iceberg)", aws: "Iceberg + Glue Catalog", azure: "Delta Lake + Purview / Unity"),
        .init(component: "warehouse", capability: "Warehouse", gcp: "BigQuery", aws: "Redshift Serverless", azure: "Synapse / Fabric"),
        .init(component: "orchestration", capability: "Orchestration", gcp: "Cloud Composer (Airflow)", aws: "MWAA / Step Functions", azure: "ADF / Data Factory"),
        .init(component: "bi", capability: "BI", gcp: "Looker / Looker Studio", aws: "QuickSight", azure: "Power BI"),
        .init(component: "feature-store", capability: "Feature store", gcp: "Vertex AI Feature Store", aws: "SageMaker Feature Store", azure: "Databricks Feature Store"),
        .init(component: "online-feature-cache", capability: "Online feature cache", gcp: "Memorystore for Redis", aws: "ElastiCache for Redis", azure: "Azure Cache for Redis"),
        .init(component: "inter-region-egress", capability: "Network between regions", gcp: "Inter-region egress", aws: "Inter-region data transfer", azure: "Inter-region data transfer"),
        .init(component: "security", capability: "Security", gcp: "KMS, DLP, VPC-SC", aws: "KMS, Macie", azure: "Key Vault, Purview"),
    ]

    /// The row for `component`, if any.
    public static func row(_ component: String) -> ServiceMapping? {
        table.first { $0.component == component }
    }
}
