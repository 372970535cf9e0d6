/// Price catalogs per cloud, shipped as resource files
/// (`Sources/Planning/Catalogs/{aws,gcp,azure}.json`) and overridable by a
/// user's own price file in the same format.
///
/// Every entry names its component (`object-storage-hot`), the cloud
/// service (`S3 Standard`), the usage metric it multiplies
/// (`storage-hot-gb-months`), the price in USD per unit, the region, a
/// source URL and its provenance: `"verified": true` with `readOn` (the date
/// the price was read from the page at `source`), or `"verified": false` with
/// `asOf` (the date the figure was recorded without being confirmed against a
/// page; `source` is then the page where it should be checked). An entry
/// without a source, without `verified`, or without the date its provenance
/// calls for is rejected when loaded.

import Foundation

/// One price.
public struct PriceEntry: Sendable, Codable, Equatable {
    /// Stable identifier within a cloud (`storage.hot`); overrides match on it.
    public var id: String
    /// The platform component it prices (`stream-ingestion`, `object-storage-archive`).
    public var component: String
    /// The cloud service and SKU, in the vendor's words.
    public var service: String
    /// The usage metric the price multiplies (see ``UsageProfile``).
    public var metric: String
    /// USD per `unit`, as written (exact decimal text).
    public var price: String
    /// The billing unit (`GB-month`, `broker-hour`).
    public var unit: String
    /// The region the price is for.
    public var region: String
    /// URL of the page the price was read from (verified), or of the vendor
    /// pricing page where it should be checked (unverified).
    public var source: String
    /// Whether the price was read from the page at `source` on `readOn`.
    public var verified: Bool
    /// The date the price was read from `source`, `YYYY-MM-DD`; only for verified entries.
    public var readOn: String?
    /// The date an unverified figure was recorded, `YYYY-MM-DD`; only for unverified entries.
    public var asOf: String?
    /// Minimum storage duration in days, for storage tiers.
    public var minimumDays: Int?
    /// A caveat (`first 50 TB per month`).
    public var note: String?

    /// The price as exact money.
    public func money() throws -> Money { try Money.parse(price, field: "price of \(id)") }

    /// The provenance date: `readOn` when verified, `asOf` otherwise (empty if missing).
    public var date: String { (verified ? readOn : asOf) ?? "" }

    /// The provenance in words: `read 2026-11-23` or `unverified, recorded 2024-06-01`.
    public var provenance: String { verified ? "read \(date)" : "unverified, recorded \(date)" }
}

/// The prices of one cloud.
public struct CostCatalog: Sendable, Codable, Equatable {
    /// `aws`, `gcp` or `azure`.
    public var cloud: String
    /// Always `USD`.
    public var currency: String
    /// How the prices were obtained.
    public var readingNote: String?
    /// The prices.
    public var entries: [PriceEntry]

    /// The clouds with a shipped catalog, in display order.
    public static let clouds = ["gcp", "aws", "azure"]

    /// The shipped catalog of `cloud`.
    /// - Throws: ``PlanningError`` when the resource is missing or an entry is invalid.
    public static func shipped(_ cloud: String) throws -> CostCatalog {
        guard let url = Bundle.module.url(forResource: cloud, withExtension: "json", subdirectory: "Catalogs") else {
            throw PlanningError(field: "cloud", "no shipped catalog for \"\(cloud)\"", accepted: clouds)
        }
        return try load(Data(contentsOf: url), origin: "Catalogs/\(cloud).json")
    }

    /// Decodes and validates a catalog; `origin` names the file in errors.
    public static func load(_ data: Data, origin: String) throws -> CostCatalog {
        let catalog: CostCatalog
        do {
            catalog = try JSONDecoder().decode(CostCatalog.self, from: data)
        } catch {
            throw PlanningError(field: origin, "not a price catalog: \(error)")
        }
        try catalog.validate(origin: origin)
        return catalog
    }

    /// Throws on an entry without a unique id, a source URL, the date its
    /// provenance calls for (`readOn` if verified, `asOf` if not; never both) or a valid price.
    public func validate(origin: String) throws {
        var seen = Set<String>()
        for e in entries {
            let field = "\(origin) entry \"\(e.id)\""
            guard seen.insert(e.id).inserted else { throw PlanningError(field: field, "duplicate id") }
            guard e.source.hasPrefix("https://") || e.source.hasPrefix("http://") else {
                throw PlanningError(field: field, "needs a source URL, got \"\(e.source)\"", accepted: ["\"source\": \"https://aws.amazon.com/s3/pricing/\""])
            }
            if e.verified {
                guard let d = e.readOn, CostCatalog.isDate(d) else {
                    throw PlanningError(field: "\(field) readOn", "a verified price needs the date it was read as YYYY-MM-DD, got \(e.readOn.map { "\"\($0)\"" } ?? "none")", accepted: ["\"verified\": true, \"readOn\": \"2026-11-23\""])
                }
                guard e.asOf == nil else {
                    throw PlanningError(field: "\(field) asOf", "a verified price has a reading date (readOn), not asOf", accepted: ["\"verified\": true, \"readOn\": \"2026-11-23\""])
                }
            } else {
                guard let d = e.asOf, CostCatalog.isDate(d) else {
                    throw PlanningError(field: "\(field) asOf", "an unverified price needs the date it was recorded as YYYY-MM-DD, got \(e.asOf.map { "\"\($0)\"" } ?? "none")", accepted: ["\"verified\": false, \"asOf\": \"2024-06-01\""])
                }
                guard e.readOn == nil else {
                    throw PlanningError(field: "\(field) readOn", "an unverified price was not read from its source; give asOf, not readOn", accepted: ["\"verified\": false, \"asOf\": \"2024-06-01\""])
                }
            }
            let money = try e.money()
            guard money >= .zero else { throw PlanningError(field: field, "price must not be negative, got \(e.price)") }
            for (name, value) in [("component", e.component), ("service", e.service), ("metric", e.metric), ("unit", e.unit), ("region", e.region)] where value.isEmpty {
                throw PlanningError(field: field, "\(name) must not be empty")
            }
        }
    }

    /// `YYYY-MM-DD` with a plausible month and day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return y >= 2000 && (1...12).contains(m) && (1...31).contains(d)
    }

    /// This catalog with `overrides` applied: an entry with the same id replaces the shipped one; new ids are added.
    public func overridden(by overrides: [PriceEntry]) -> CostCatalog {
        var copy = self
        for o in overrides {
            if let i = copy.entries.firstIndex(where: { $0.id == o.id }) {
                copy.entries[i] = o
            } else {
                copy.entries.append(o)
            }
        }
        return copy
    }
}

/// A user's price file: catalogs whose entries override the shipped ones, cloud by cloud.
public struct PriceOverrides: Sendable, Codable, Equatable {
    /// Override catalogs (each with `cloud` and `entries`).
    public var catalogs: [CostCatalog]

    /// Overrides from `catalogs` (empty: no overrides).
    public init(catalogs: [CostCatalog]) { self.catalogs = catalogs }

    /// Loads and validates a price file `{"catalogs": [{"cloud": "aws", "currency": "USD", "entries": [...]}]}`.
    public static func load(_ data: Data, origin: String) throws -> PriceOverrides {
        let file: PriceOverrides
        do {
            file = try JSONDecoder().decode(PriceOverrides.self, from: data)
        } catch {
            throw PlanningError(field: origin, "not a price file: \(error)", accepted: ["{\"catalogs\": [{\"cloud\": \"aws\", \"currency\": \"USD\", \"entries\": [...]}]}"])
        }
        for c in file.catalogs {
            guard CostCatalog.clouds.contains(c.cloud) else {
                throw PlanningError(field: "\(origin) cloud", "unknown cloud \"\(c.cloud)\"", accepted: CostCatalog.clouds)
            }
            try c.validate(origin: origin)
        }
        return file
    }

    /// The override entries for `cloud`.
    public func entries(for cloud: String) -> [PriceEntry] {
        catalogs.filter { $0.cloud == cloud }.flatMap(\.entries)
    }
}
