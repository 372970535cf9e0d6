/// Lifecycle and retention of stored data: after N days to a colder class,
/// deleted at retention, kept in one or more full copies.

/// One lifecycle rule: objects older than `afterDays` move to `storageClass`.
public struct LifecycleRule: Sendable, Equatable {
    /// Age in days at which the rule applies (> 0; age 0 is always `hot`).
    public var afterDays: Int
    /// The class data moves to.
    public var storageClass: StorageClass

    /// A rule.
    public init(afterDays: Int, storageClass: StorageClass) {
        self.afterDays = afterDays
        self.storageClass = storageClass
    }
}

/// Where data lives by age and when it is deleted.
public struct LifecycleConfiguration: Sendable, Equatable {
    /// Transitions in increasing `afterDays`; data starts in `hot` at age 0.
    public var rules: [LifecycleRule]
    /// Age in days at which data is deleted (≥ 1).
    public var retentionDays: Int
    /// Full copies kept (1; 2 for a second region). Object stores' own redundancy is not counted.
    public var copies: Int

    /// A lifecycle; the default keeps 30 days hot, then infrequent, archive after 90 days, one year.
    public init(rules: [LifecycleRule] = [LifecycleRule(afterDays: 30, storageClass: .infrequent),
                                          LifecycleRule(afterDays: 90, storageClass: .archive)],
                retentionDays: Int = 365, copies: Int = 1) {
        self.rules = rules
        self.retentionDays = retentionDays
        self.copies = copies
    }

    /// The classes in age order with the age (days) each one takes data at: `hot` at 0, then the rules.
    public var tiers: [(storageClass: StorageClass, entersAtAgeDays: Int)] {
        [(StorageClass.hot, 0)] + rules.map { ($0.storageClass, $0.afterDays) }
    }

    /// Every bad value, each naming its field under `path`.
    public func validationErrors(path: String) -> [PlatformError] {
        var errors: [PlatformError] = []
        if retentionDays < 1 { errors.append(PlatformError(field: "\(path).retention", "must be at least 1 day, e.g. 365d, got \(retentionDays) d")) }
        if copies < 1 { errors.append(PlatformError(field: "\(path).copies", "must be at least 1, got \(copies)")) }
        var previous = 0
        var seen: Set<StorageClass> = [.hot]
        for (i, r) in rules.enumerated() {
            let field = "\(path).rules[\(i)]"
            if r.afterDays <= previous {
                errors.append(PlatformError(field: "\(field).after", "must be later than \(previous) d (rules in increasing age), got \(r.afterDays) d"))
            }
            if !seen.insert(r.storageClass).inserted {
                errors.append(PlatformError(field: "\(field).to", "class \(r.storageClass.rawValue) appears twice in the lifecycle"))
            }
            previous = max(previous, r.afterDays)
        }
        return errors
    }
}
