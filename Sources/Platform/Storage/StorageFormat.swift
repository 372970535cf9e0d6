/// File formats a lakehouse dataset is written in, and storage classes that
/// lifecycle rules move data between.
///
/// Every dataset's volume arrives from the sinks as **JSON-lines bytes** (the
/// size each record has serialized as one JSON object per line, as the
/// Workloads encoder writes it). A format's compression ratio is JSON bytes ÷
/// stored bytes, so `json` is 1 and the Parquet variants are the measured
/// figures in `Sources/Platform/Storage/compression-ratios.json`.

/// The file format of a dataset.
public enum StorageFormat: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Newline-delimited JSON, uncompressed (the reference: ratio 1).
    case json
    /// CSV with a header, uncompressed.
    case csv
    /// Apache Parquet with Snappy page compression.
    case parquetSnappy = "parquet-snappy"
    /// Apache Parquet with Zstandard page compression.
    case parquetZstd = "parquet-zstd"
    /// Apache Avro object container files (deflate blocks).
    case avro

    /// The names accepted in a scenario file, in declaration order.
    public static let names = allCases.map(\.rawValue)
}

/// A storage class, as priced by the catalogs (one metric per class).
///
/// Scenario files may name a class generically (`hot`, `infrequent`,
/// `archive`) or by a cloud's name for it; ``named(_:)`` maps both.
public enum StorageClass: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// S3 Standard, GCS Standard, Azure Blob Hot.
    case hot
    /// S3 Standard-IA, GCS Nearline, Azure Blob Cool (30-day minimum on all three).
    case infrequent
    /// S3 Glacier Deep Archive, GCS Archive, Azure Blob Archive (180 or 365-day minimum).
    case archive

    /// Cloud class names accepted for each class (lower case, spaces and `_` read as `-`).
    public static let cloudNames: [(name: String, storageClass: StorageClass)] = [
        ("hot", .hot), ("standard", .hot), ("s3-standard", .hot), ("gcs-standard", .hot), ("blob-hot", .hot),
        ("infrequent", .infrequent), ("standard-ia", .infrequent), ("s3-standard-ia", .infrequent),
        ("nearline", .infrequent), ("gcs-nearline", .infrequent), ("cool", .infrequent), ("blob-cool", .infrequent),
        ("archive", .archive), ("glacier-deep-archive", .archive), ("s3-glacier-deep-archive", .archive),
        ("deep-archive", .archive), ("gcs-archive", .archive), ("blob-archive", .archive),
    ]

    /// The class a scenario calls `name` (`"Nearline"`, `"S3 Standard-IA"`, `"archive"`), if any.
    public static func named(_ name: String) -> StorageClass? {
        let key = String(name.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        return cloudNames.first { $0.name == key }?.storageClass
    }

    /// The usage metric of the Planning catalogs that prices a GB-month in this class.
    public var catalogMetric: String { "storage-\(rawValue)-gb-months" }

    /// The Planning catalog component for this class (`object-storage-hot`).
    public var catalogComponent: String { "object-storage-\(rawValue)" }
}

/// The layers of a medallion lakehouse.
public enum LakehouseLayer: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Raw records as the sinks delivered them.
    case bronze
    /// Cleaned, deduplicated, conformed records (a fraction of Bronze).
    case silver
    /// Aggregates for reporting (a fraction of Silver).
    case gold
}
