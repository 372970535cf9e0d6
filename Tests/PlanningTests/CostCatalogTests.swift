import Foundation
import Testing
@testable import Planning

@Suite("Cost catalogs")
struct CostCatalogTests {
    @Test("every shipped price has a source URL, a reading date, a region and a valid price", arguments: CostCatalog.clouds)
    func shippedEntries(cloud: String) throws {
        let catalog = try CostCatalog.shipped(cloud)
        #expect(catalog.cloud == cloud && catalog.currency == "USD")
        #expect(!catalog.entries.isEmpty)
        for e in catalog.entries {
            #expect(e.source.hasPrefix("https://"), "\(cloud) \(e.id) has no source")
            #expect(CostCatalog.isDate(e.readOn), "\(cloud) \(e.id) has no reading date")
            #expect(!e.region.isEmpty)
            #expect(try e.money() > .zero)
            #expect(ServiceMapping.row(e.component) != nil, "\(e.component) is not in the service mapping")
        }
        // Every cloud prices the same components, so the breakdown compares like with like.
        let components = Set(catalog.entries.map(\.component))
        #expect(components == Set(try CostCatalog.shipped("aws").entries.map(\.component)))
    }

    @Test("an entry without a source or a date is rejected", arguments: [
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"","readOn":"2024-06-01"}"#,
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"1","unit":"GB","region":"r","source":"https://example.com","readOn":"June"}"#,
        #"{"id":"x","component":"c","service":"s","metric":"m","price":"-1","unit":"GB","region":"r","source":"https://example.com","readOn":"2024-06-01"}"#,
    ])
    func rejects(entry: String) {
        let json = #"{"cloud":"aws","currency":"USD","entries":["# + entry + "]}"
        #expect(throws: PlanningError.self) { try CostCatalog.load(Data(json.utf8), origin: "test.json") }
    }

    @Test("a user price file overrides an entry by id")
    func overrides() throws {
        let file = #"""
        {"catalogs": [{"cloud": "aws", "currency": "USD", "entries": [
          {"id": "storage.hot", "component": "object-storage-hot", "service": "S3 Standard (negotiated)", "metric": "storage-hot-gb-months",
           "price": "0.018", "unit": "GB-month", "region": "us-east-1", "source": "https://example.com/contract", "readOn": "2025-01-15"}]}]}
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
        #expect(b.markdown.contains("https://aws.amazon.com/s3/pricing/"))
    }
}
