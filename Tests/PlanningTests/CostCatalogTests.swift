import Foundation
import Testing
@testable import Planning

@Suite("Cost catalogs")
struct CostCatalogTests {
    @Test("every shipped price has a source URL, a provenance date, a region and a valid price", arguments: CostCatalog.clouds)
    func shippedEntries(cloud: String) throws {
        let catalog = try CostCatalog.shipped(cloud)
        #expect(catalog.cloud == cloud && catalog.currency == "USD")
        #expect(!catalog.entries.isEmpty)
        #expect(!(catalog.readingNote ?? "").isEmpty, "\(cloud) says nothing of how its prices were obtained")
        for e in catalog.entries {
            #expect(e.source.hasPrefix("https://"), "\(cloud) \(e.id) has no source")
            if e.verified {
                #expect(CostCatalog.isDate(e.readOn ?? ""), "\(cloud) \(e.id) is verified without a reading date")
                #expect(e.asOf == nil)
            } else {
                #expect(CostCatalog.isDate(e.asOf ?? ""), "\(cloud) \(e.id) is unverified without the date it was recorded")
                #expect(e.readOn == nil, "\(cloud) \(e.id) claims a reading it did not have")
            }
            #expect(!(e.note ?? "").isEmpty, "\(cloud) \(e.id) has no note on what its source says")
            #expect(!e.region.isEmpty)
            #expect(try e.money() > .zero)
            #expect(ServiceMapping.row(e.component) != nil, "\(e.component) is not in the service mapping")
        }
        // Every cloud prices the same components, so the breakdown compares like with like.
        let components = Set(catalog.entries.map(\.component))
        #expect(components == Set(try CostCatalog.shipped("aws").entries.map(\.component)))
    }

    @Test("an entry without a source, a provenance or the date its provenance calls for is rejected", arguments: [
        // no source
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"","verified":true,"readOn":"2026-11-23"}"#,
        // no date at all
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":true}"#,
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":false}"#,
        // not a date
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":true,"readOn":"June"}"#,
        // no verified flag (the old format): provenance unknown
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","readOn":"2024-06-01"}"#,
        // unverified but claiming a reading date; verified with only a recording date
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":false,"readOn":"2024-06-01"}"#,
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":true,"asOf":"2024-06-01"}"#,
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","verified":false,"asOf":"2024-06-01","readOn":"2024-06-01"}"#,
        // negative price
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"-1","unit":"GB","region":"r","source":"https://example.com","verified":true,"readOn":"2024-06-01"}"#,
    ])
    func rejects(entry: String) {
        let json = #"{"cloud":"aws","currency":"USD","entries":["# + entry + "]}"
        #expect(throws: PlanningError.self) { try CostCatalog.load(Data(json.utf8), origin: "test.json") }
    }

    @Test("a verified entry with readOn and an unverified one with asOf both load", arguments: [
        (#""verified":true,"readOn":"2026-11-23""#, true, "read 2026-11-23"),
        (#""verified":false,"asOf":"2026-11-23""#, false, "unverified, recorded 2026-11-23"),
    ])
    func accepts(provenance: String, verified: Bool, words: String) throws {
        let json = #"{"cloud":"aws","currency":"USD","entries":[{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","# + provenance + "}]}"
        let e = try #require(try CostCatalog.load(Data(json.utf8), origin: "test.json").entries.first)
        #expect(e.verified == verified && e.date == "2026-11-23" && e.provenance == words)
    }

    @Test("a user price file overrides an entry by id")
    func overrides() throws {
        let file = #"""
        {"catalogs": [{"cloud": "aws", "currency": "USD", "entries": [
          {"id": "storage.hot", "component": "object-storage-hot", "service": "S3 Standard (negotiated)", "metric": "storage-hot-gb-months",
           "price": "0.018", "unit": "GB-month", "region": "us-east-1", "source": "https://example.com/contract", "verified": true, "readOn": "2025-01-15"}]}]}
        """#
        let overrides = try PriceOverrides.load(Data(file.utf8), origin: "prices.json")
        let aws = try CostCatalog.shipped("aws").overridden(by: overrides.entries(for: "aws"))
        let hot = try #require(aws.entries.first { $0.id == "storage.hot" })
        #expect(hot.price == "0.018" && hot.service.contains("negotiated"))
        #expect(aws.entries.count == (try CostCatalog.shipped("aws")).entries.count)
        #expect(overrides.entries(for: "gcp").isEmpty)
    }

    @Test("the breakdown multiplies price by quantity per component")
    func breakdown() throws {
        let inputs = SizingInputs()
        let plan = CapacityPlan.derive(inputs)
        let usage = UsageProfile.from(inputs, plan: plan)
        let b = try CostBreakdown(usage: usage, catalogs: CostCatalog.clouds.map { try CostCatalog.shipped($0) })
        // 30 days × 4.32 TB = 129,600 GB in the hot tier at $0.023 per GB-month.
        #expect(b.total(cloud: "aws", component: "object-storage-hot") == Money(usd: Decimal(string: "2980.8")!))
        let sum = b.components.reduce(Money.zero) { $0 + b.total(cloud: "gcp", component: $1) }
        #expect(sum == b.total(cloud: "gcp"))
        #expect(b.markdown.contains("https://aws.amazon.com/msk/pricing/"))
    }

    @Test("unverified prices are marked with * and a footnote; verified ones are not")
    func unverifiedMarks() throws {
        func entry(_ id: String, _ component: String, verified: Bool) -> PriceEntry {
            PriceEntry(id: id, component: component, service: "svc \(id)", metric: "m-\(id)", price: "1", unit: "GB",
                       region: "r", source: "https://example.com/\(id)", verified: verified,
                       readOn: verified ? "2026-11-23" : nil, asOf: verified ? nil : "2026-11-23")
        }
        let mixed = CostCatalog(cloud: "aws", currency: "USD", entries: [entry("a", "hot", verified: true), entry("b", "cold", verified: false)])
        let usage = UsageProfile(quantities: ["m-a": 10, "m-b": 20])
        let b = try CostBreakdown(usage: usage, catalogs: [mixed])
        #expect(b.unverifiedEntries == ["aws b"])
        #expect(!b.usesUnverified(cloud: "aws", component: "hot") && b.usesUnverified(cloud: "aws", component: "cold"))
        #expect(b.usesUnverified(cloud: "aws"))
        #expect(b.markdown.contains("$1/GB* (r)") && b.markdown.contains("$1/GB (r)"))
        #expect(b.markdown.contains("(unverified, recorded 2026-11-23)") && b.markdown.contains("(read 2026-11-23)"))
        #expect(b.text.contains("$20.00*") && !b.text.contains("$10.00*"))
        #expect(b.text.contains(CostBreakdown.unverifiedFootnote) && b.markdown.contains(CostBreakdown.unverifiedFootnote))
        let allVerified = CostCatalog(cloud: "aws", currency: "USD", entries: [entry("a", "hot", verified: true)])
        let clean = try CostBreakdown(usage: usage, catalogs: [allVerified])
        #expect(clean.unverifiedEntries.isEmpty && !clean.text.contains("*") && !clean.markdown.contains(CostBreakdown.unverifiedFootnote))
    }
}
