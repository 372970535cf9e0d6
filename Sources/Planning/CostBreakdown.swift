/// Monthly cost per component, side by side for the three clouds, from a
/// usage profile and the price catalogs.
///
/// A ``UsageProfile`` holds monthly quantities keyed by metric name (the
/// `metric` of a ``PriceEntry``); each entry's cost is price × quantity.
/// Storage is priced at the steady state of the tier lifecycle; hours per
/// month are 730 (8,760 / 12), the convention of cloud pricing pages.

import Foundation

/// Monthly usage quantities by metric name.
public struct UsageProfile: Sendable, Equatable {
    /// Metric name → quantity per month, in the metric's unit.
    public var quantities: [String: Double]

    /// Hours in the billing month used by cloud price pages.
    public static let hoursPerMonth = 730.0

    /// Creates a profile.
    public init(quantities: [String: Double]) { self.quantities = quantities }

    /// The usage of a capacity plan: brokers, Kafka storage, streaming throughput,
    /// consumers as vCPUs, steady-state storage tiers, cache nodes and cross-region copies.
    public static func from(_ inputs: SizingInputs, plan: Derivation, cacheNodes: Int = 3) -> UsageProfile {
        let h = hoursPerMonth
        let value = { (key: String) in plan.result(key)?.value ?? 0 }
        let avg = inputs.eventRate.perSecond * inputs.eventSize.bytes
        let peakBytes = avg * inputs.peakMultiplier
        let peakEvents = inputs.eventRate.perSecond * inputs.peakMultiplier
        let monthBytes = avg * 86_400 * 30
        let storedMonthBytes = monthBytes / inputs.compressionRatio
        let throughputUnits = max(ceil(peakBytes / 1e6 - 1e-9), ceil(peakEvents / 1000 - 1e-9))
        return UsageProfile(quantities: [
            "broker-hours": value("brokers") * h,
            "broker-storage-gb-months": value("kafka_log_bytes") / 1e9,
            "stream-throughput-tib": monthBytes * Double(1 + inputs.consumerGroups) / 1_099_511_627_776,
            "throughput-unit-hours": throughputUnits * h,
            "ingress-million-events": inputs.eventRate.perSecond * 86_400 * 30 / 1e6,
            "storage-hot-gb-months": value("tier_hot_bytes") / 1e9,
            "storage-infrequent-gb-months": value("tier_infrequent_bytes") / 1e9,
            "storage-archive-gb-months": value("tier_archive_bytes") / 1e9,
            "processing-vcpu-hours": value("consumers") * h,
            "cache-node-hours": Double(cacheNodes) * h,
            "warehouse-storage-gb-months": 0,
            "inter-region-egress-gb": storedMonthBytes * Double(inputs.storageCopies - 1) / 1e9,
        ])
    }
}

/// One priced line: an entry of a catalog times a quantity.
public struct CostLine: Sendable, Equatable {
    /// The component priced.
    public var component: String
    /// The catalog entry.
    public var entry: PriceEntry
    /// The quantity in the entry's unit.
    public var quantity: Double
    /// Price × quantity.
    public var cost: Money
}

/// Monthly costs of one usage profile on every cloud.
public struct CostBreakdown: Sendable, Equatable {
    /// Cloud → priced lines (clouds in ``CostCatalog/clouds`` order).
    public var lines: [(cloud: String, lines: [CostLine])]

    /// Prices `usage` with each catalog; metrics absent from the usage are priced at 0.
    public init(usage: UsageProfile, catalogs: [CostCatalog]) throws {
        lines = try catalogs.map { catalog in
            let priced = try catalog.entries.map { e in
                let q = usage.quantities[e.metric] ?? 0
                return CostLine(component: e.component, entry: e, quantity: q, cost: try e.money().times(q))
            }
            return (catalog.cloud, priced)
        }
    }

    /// Total per component on `cloud`.
    public func total(cloud: String, component: String? = nil) -> Money {
        (lines.first { $0.cloud == cloud }?.lines ?? [])
            .filter { component == nil || $0.component == component }
            .reduce(Money.zero) { $0 + $1.cost }
    }

    /// Components in first-seen order across clouds.
    public var components: [String] {
        var seen: [String] = []
        for (_, ls) in lines { for l in ls where !seen.contains(l.component) { seen.append(l.component) } }
        return seen
    }

    /// Whether any line of `cloud` (and `component`, if given) uses an unverified price.
    public func usesUnverified(cloud: String, component: String? = nil) -> Bool {
        (lines.first { $0.cloud == cloud }?.lines ?? [])
            .contains { (component == nil || $0.component == component) && !$0.entry.verified }
    }

    /// The unverified entries priced, as `cloud id` in catalog order.
    public var unverifiedEntries: [String] {
        lines.flatMap { cloud, ls in ls.filter { !$0.entry.verified }.map { "\(cloud) \($0.entry.id)" } }
    }

    /// The footnote explaining the `*` mark on unverified prices.
    public static let unverifiedFootnote =
        "* includes a price not confirmed against a pricing page (\"verified\": false: recalled when the catalog was written); check it before relying on it"

    /// A Markdown table: one row per component, one column per cloud (`*` marks a
    /// total that includes an unverified price), then the total and, per cloud, the
    /// services priced with their source and provenance (read on a date, or unverified).
    public var markdown: String {
        let clouds = lines.map(\.cloud)
        var out = "## Monthly cost (USD, list prices)\n\n| Component | " + clouds.joined(separator: " | ") + " |\n|---|"
            + clouds.map { _ in "---:|" }.joined() + "\n"
        for c in components {
            out += "| \(c) | " + clouds.map { total(cloud: $0, component: c).formatted + mark($0, c) }.joined(separator: " | ") + " |\n"
        }
        out += "| **total** | " + clouds.map { "**\(total(cloud: $0).formatted)**" + mark($0, nil) }.joined(separator: " | ") + " |\n"
        for (cloud, ls) in lines {
            out += "\n### \(cloud)\n\n| Service | Quantity | Price | Cost | Source (provenance) |\n|---|---:|---:|---:|---|\n"
            for l in ls {
                let star = l.entry.verified ? "" : "*"
                out += "| \(l.entry.service) | \(NumberText.plain(l.quantity, maxFractionDigits: 2)) \(l.entry.unit) | $\(l.entry.price)/\(l.entry.unit)\(star) (\(l.entry.region)) | \(l.cost.formatted) | \(l.entry.source) (\(l.entry.provenance)) |\n"
            }
        }
        if !unverifiedEntries.isEmpty { out += "\n" + Self.unverifiedFootnote + "\n" }
        return out
    }

    /// Plain text: components by clouds, fixed-width columns; `*` marks a total that
    /// includes an unverified price, explained in a footnote.
    public var text: String {
        let clouds = lines.map(\.cloud)
        let width = max(12, (components.map(\.count).max() ?? 0) + 2)
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return left ? fill + s : s + fill
        }
        var out = "Monthly cost (USD, list prices; see --markdown for sources)\n"
        out += pad("component", width) + clouds.map { pad($0, 17, left: true) }.joined() + "\n"
        for c in components + ["total"] {
            let component = c == "total" ? nil : c
            out += pad(c, width) + clouds.map {
                let m = mark($0, component)
                return pad(total(cloud: $0, component: component).formatted + (m.isEmpty ? " " : m), 17, left: true)
            }.joined() + "\n"
        }
        if !unverifiedEntries.isEmpty { out += Self.unverifiedFootnote + "\n" }
        return out
    }

    /// `*` when the total of `cloud` (and `component`) includes an unverified price.
    private func mark(_ cloud: String, _ component: String?) -> String {
        usesUnverified(cloud: cloud, component: component) ? "*" : ""
    }

    public static func == (lhs: CostBreakdown, rhs: CostBreakdown) -> Bool {
        lhs.lines.map(\.cloud) == rhs.lines.map(\.cloud) && lhs.lines.map(\.lines) == rhs.lines.map(\.lines)
    }
}
