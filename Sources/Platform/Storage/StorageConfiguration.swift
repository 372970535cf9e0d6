/// The storage and batch side of a platform: the lakehouse datasets, their
/// lifecycle, the SQL Server CDC connectors, provider file drops and the
/// nightly ELT job — plain data with validation, no behaviour.
///
/// Units: bytes, ns for times, per second for rates, days for ages. Field
/// paths in errors use the scenario file's names (`storage.datasets[0].rolling.max-file-size`).

/// Everything the storage side models.
public struct StorageConfiguration: Sendable, Equatable {
    /// The lakehouse datasets.
    public var datasets: [DatasetConfiguration]
    /// The lifecycle of datasets that do not set their own.
    public var lifecycle: LifecycleConfiguration
    /// SQL Server CDC connectors.
    public var cdc: [CDCConfiguration]
    /// Scheduled file drops and their load jobs.
    public var fileDrops: [FileDropConfiguration]
    /// The nightly ELT job, if any.
    public var elt: ELTConfiguration?
    /// Clouds to price (``clouds`` order is the report's column order).
    public var clouds: [String]

    /// The clouds with a price catalog.
    public static let knownClouds = ["gcp", "aws", "azure"]

    /// A configuration.
    public init(datasets: [DatasetConfiguration], lifecycle: LifecycleConfiguration = LifecycleConfiguration(),
                cdc: [CDCConfiguration] = [], fileDrops: [FileDropConfiguration] = [], elt: ELTConfiguration? = nil,
                clouds: [String] = StorageConfiguration.knownClouds) {
        self.datasets = datasets
        self.lifecycle = lifecycle
        self.cdc = cdc
        self.fileDrops = fileDrops
        self.elt = elt
        self.clouds = clouds
    }

    /// The lifecycle that applies to `dataset`.
    public func lifecycle(of dataset: DatasetConfiguration) -> LifecycleConfiguration {
        dataset.lifecycle ?? lifecycle
    }

    /// Every bad value of the configuration, each naming its field under `path`
    /// (an empty list: valid). Names are checked across components: a CDC
    /// connector, file drop or ELT input must name a dataset that exists.
    public func validationErrors(path: String = "storage") -> [PlatformError] {
        var errors: [PlatformError] = []
        var names: [String: Int] = [:]
        for (i, d) in datasets.enumerated() {
            errors += d.validationErrors(path: "\(path).datasets[\(i)]")
            if let first = names[d.name] {
                errors.append(PlatformError(field: "\(path).datasets[\(i)].name", "\"\(d.name)\" is also the name of datasets[\(first)]"))
            } else {
                names[d.name] = i
            }
        }
        errors += lifecycle.validationErrors(path: "\(path).lifecycle")
        func requireDataset(_ name: String, _ field: String) {
            guard !name.isEmpty, names[name] == nil else { return }
            errors.append(PlatformError(field: field, "no dataset named \"\(name)\"; datasets: \(datasets.map(\.name).joined(separator: ", "))"))
        }
        for (i, c) in cdc.enumerated() {
            errors += c.validationErrors(path: "\(path).cdc[\(i)]")
            requireDataset(c.dataset, "\(path).cdc[\(i)].dataset")
        }
        for (i, f) in fileDrops.enumerated() {
            errors += f.validationErrors(path: "\(path).file-drops[\(i)]")
            requireDataset(f.dataset, "\(path).file-drops[\(i)].dataset")
        }
        if let e = elt {
            errors += e.validationErrors(path: "\(path).elt")
            for (i, input) in e.inputs.enumerated() { requireDataset(input, "\(path).elt.inputs[\(i)]") }
            if let r = e.analytics.revenueDataset { requireDataset(r, "\(path).elt.analytics.revenue") }
            if let b = e.analytics.betsDataset { requireDataset(b, "\(path).elt.analytics.bets") }
        }
        if clouds.isEmpty { errors.append(PlatformError(field: "\(path).clouds", "must name at least one of \(Self.knownClouds.joined(separator: ", "))")) }
        for (i, c) in clouds.enumerated() where !Self.knownClouds.contains(c) {
            errors.append(PlatformError(field: "\(path).clouds[\(i)]", "unknown cloud \"\(c)\"; expected one of \(Self.knownClouds.joined(separator: ", "))"))
        }
        return errors
    }

    /// Throws the first of ``validationErrors(path:)``, if any.
    public func validate(path: String = "storage") throws {
        if let first = validationErrors(path: path).first { throw first }
    }
}
