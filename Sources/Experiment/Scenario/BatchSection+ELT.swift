/// Decoding of `batch.elt`: the schedule, inputs, scan, warehouse price
/// basis (``Platform/WarehousePriceBasis``) and batch analytics
/// (``Platform/BatchAnalyticsConfiguration``).

import Analytics
import Foundation
import Planning
import Platform
import Variates
import Workloads

extension BatchDecoding {
    /// `batch.elt`; `datasets` are the names an input may take (nil: not
    /// checked), `clouds` those that need a warehouse price.
    static func elt(_ node: ConfigNode, datasets: [String]?, clouds: [String], workload: Workload?) -> ELTConfiguration? {
        guard let f = node.fields(BatchSectionFields.eltFields.names) else { return nil }
        let name = f["name"].map { $0.text(expected: "a job name") } ?? "nightly-elt"
        var start: Int64? = 7_200_000_000_000
        if let n = f["start"], let t = n.text(expected: "a time of day such as 02:00") {
            if let s = ConfigNode.timeOfDay(t) { start = Int64(s) * 1_000_000_000 } else {
                n.fail("\"\(t)\" is not a time of day", expected: "HH:MM or HH:MM:SS in [00:00, 24:00), e.g. 02:00"); start = nil
            }
        }
        var inputs: [String]? = []
        if let n = f.required("inputs", expected: "a list of datasets such as [bets, transactions]"), let items = n.list() {
            let names = items.compactMap { dataset($0, datasets: datasets) }
            inputs = names.count == items.count ? names : nil
        } else { inputs = nil }
        var layer: LakehouseLayer? = .silver
        if let n = f["scan_layer"], let t = n.text(expected: "bronze, silver or gold") {
            layer = LakehouseLayer(rawValue: t)
            if layer == nil {
                let all = LakehouseLayer.allCases.map(\.rawValue)
                n.fail("unknown layer `\(t)`" + Spelling.suggestion(for: t, in: all), expected: all.joined(separator: ", "))
            }
        }
        let scanDays = f["scan_days"].map { $0.integer(expected: "a whole number of days such as 1") } ?? 1
        let scanRate = f["scan_rate"].map(throughput) ?? 500_000_000
        let startup = f["startup"].map(nanos) ?? 60_000_000_000
        let price = f["price"].map { self.price($0, clouds: clouds) } ?? .perTiBScanned(["gcp": 6.25, "aws": 5, "azure": 5])
        let analytics = f["analytics"].map { self.analytics($0, datasets: datasets, workload: workload) } ?? BatchAnalyticsConfiguration()
        guard let name, let start, let layer, let scanDays, let scanRate, let startup else { return nil }
        // Inputs, price and analytics that did not decode are replaced by valid stand-ins, so that
        // the other fields' impossible values are reported in the same pass; the job is then refused.
        let job = ELTConfiguration(name: name, startOfDayNanos: start, inputs: inputs ?? ["-"], scanLayer: layer, scanDays: scanDays,
                                   scanBytesPerSecond: scanRate, startupNanos: startup,
                                   priceBasis: price ?? .perTiBScanned([:]), analytics: analytics ?? BatchAnalyticsConfiguration())
        let errors = job.validationErrors(path: "p")
        var map = nodes(f, ["name": "name", "start": "start", "inputs": "inputs", "scan-days": "scan_days", "scan-throughput": "scan_rate",
                            "startup": "startup", "price": "price"])
        if let a = f["analytics"] {
            for (platform, file) in [("revenue-days", "revenue_days"), ("dedup-window", "dedup_window"), ("top-players-days", "top_players_days"),
                                     ("top", "top"), ("threshold", "escalation_threshold"), ("min-days", "escalation_min_days")] {
                map["analytics." + platform] = peek(a, file) ?? a
            }
        }
        if let p = f["price"] { map["price.units"] = p }
        surface(errors, path: "p", nodes: map, owner: node)
        return errors.isEmpty && inputs != nil && price != nil && analytics != nil ? job : nil
    }

    /// The value node of `key` in the mapping `node`, without checking its keys (they were checked once).
    static func peek(_ node: ConfigNode, _ key: String) -> ConfigNode? {
        guard case .mapping(let m) = node.node else { return nil }
        for (k, v) in m where k.string == key { return node.child(v, key) }
        return nil
    }

    /// `price: {per_tib_scanned: {gcp: 6.25 USD, …}}` or `{per_compute_hour: {…}, units: 100}`.
    static func price(_ node: ConfigNode, clouds: [String]) -> WarehousePriceBasis? {
        guard let f = node.fields(BatchSectionFields.priceFields.names) else { return nil }
        let perTiB = f["per_tib_scanned"], perHour = f["per_compute_hour"]
        let form = "{per_tib_scanned: {gcp: 6.25 USD, aws: 5 USD, azure: 5 USD}} or {per_compute_hour: {aws: 0.375 USD}, units: 100}"
        switch (perTiB, perHour) {
        case (nil, nil): node.fail("give `per_tib_scanned` or `per_compute_hour`", expected: form); return nil
        case (.some, .some): node.fail("give one of `per_tib_scanned` and `per_compute_hour`, not both", expected: form); return nil
        default: break
        }
        let units = f["units"].map { $0.integer(in: 1...1_000_000, expected: "a whole number of compute units such as 100") }
        if perTiB != nil, let u = f["units"] { u.fail("`units` goes with `per_compute_hour`; on-demand pricing bills bytes scanned", expected: form); return nil }
        if perHour != nil, units == nil { node.fail("`per_compute_hour` needs `units`: the compute units the job holds", expected: form); return nil }
        guard let prices = cloudPrices(perTiB ?? perHour!, clouds: clouds) else { return nil }
        if perTiB != nil { return .perTiBScanned(prices) }
        guard let u = units, let u else { return nil }
        return .perComputeHour(prices, units: Double(u))
    }

    /// `{gcp: 6.25 USD, aws: 5, azure: $5}`: an exact amount ≥ 0 for each of `clouds`.
    static func cloudPrices(_ node: ConfigNode, clouds: [String]) -> [String: Decimal]? {
        guard let f = node.fields(BatchSectionFields.cloudPriceFields.names) else { return nil }
        var prices: [String: Decimal] = [:]
        var ok = true
        for cloud in BatchSectionFields.cloudPriceFields.map(\.name) {
            guard let n = f[cloud] else { continue }
            guard let t = n.text(expected: "an amount such as 5 USD") else { ok = false; continue }
            do {
                let m = try Money.parse(t, field: n.path)
                if m.usd < 0 { n.fail("a price cannot be negative, got \(t)", expected: "an amount such as 5 USD"); ok = false } else { prices[cloud] = m.usd }
            } catch let e as PlanningError { n.fail(e.message, expected: "an amount such as 5 USD"); ok = false } catch { n.fail("\(error)"); ok = false }
        }
        let missing = clouds.filter { prices[$0] == nil && f[$0] == nil }
        if !missing.isEmpty {
            node.fail("no warehouse price for \(missing.joined(separator: ", ")) (the scenario prices \(clouds.joined(separator: ", ")))",
                      expected: clouds.map { "\($0): 5 USD" }.joined(separator: ", "))
            ok = false
        }
        return ok ? prices : nil
    }

    /// `analytics: {revenue: transactions, bets: bets, …}`.
    static func analytics(_ node: ConfigNode, datasets: [String]?, workload: Workload?) -> BatchAnalyticsConfiguration? {
        guard let f = node.fields(BatchSectionFields.analyticsFields.names) else { return nil }
        var a = BatchAnalyticsConfiguration()
        var ok = true
        func input(_ field: String, kind: RecordKind) -> String?? {
            guard let n = f[field] else { return .some(nil) }
            guard let name = dataset(n, datasets: datasets) else { return nil }
            let streams = workload?.streams.filter { $0.kind == kind }.map(\.name) ?? []
            if streams.isEmpty {
                n.fail("the \(field) analytics run on the \(kind.rawValue) records the sinks received: the workload needs a stream of kind \(kind.rawValue)"
                       + (workload == nil ? " (this scenario has no workload:)" : " (its streams: \(workload!.streams.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", ")))"),
                       expected: "workload: {streams: {\(kind.rawValue): {rate: 100/s}}}")
                return nil
            }
            return .some(name)
        }
        if let r = input("revenue", kind: .transactions) { a.revenueDataset = r } else { ok = false }
        if let b = input("bets", kind: .bets) { a.betsDataset = b } else { ok = false }
        func whole(_ field: String, _ keep: (Int) -> Void) {
            guard let n = f[field] else { return }
            if let v = n.integer(expected: "a whole number") { keep(v) } else { ok = false }
        }
        whole("revenue_days") { a.revenueDays = $0 }
        whole("top_players_days") { a.topPlayersDays = $0 }
        whole("top") { a.topPlayers = $0 }
        whole("escalation_min_days") { a.escalationMinDays = $0 }
        if let n = f["dedup_window"] { if let v = nanos(n) { a.dedupWindowNanos = v } else { ok = false } }
        if let n = f["escalation_threshold"], let t = n.text(expected: "a decimal such as 0.5") {
            if let v = FixedDecimal(t) { a.escalationThreshold = v } else {
                n.fail("\"\(t)\" is not \(FixedDecimal.expectedForm)", expected: "a growth such as 0.5 (+50%)"); ok = false
            }
        } else if f["escalation_threshold"] != nil { ok = false }
        return ok ? a : nil
    }
}
