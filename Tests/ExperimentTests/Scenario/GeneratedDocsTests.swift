import Foundation
import Testing
@testable import Experiment

/// Scenarios/schema.json and the field tables of Scenarios/README.md are
/// generated from the field definitions the decoder uses.
@Suite struct GeneratedDocsTests {
    @Test func committedSchemaEqualsTheGeneratedOne() throws {
        let committed = try String(contentsOf: ScenarioRunTests.root.appendingPathComponent("Scenarios/schema.json"), encoding: .utf8)
        #expect(committed == ScenarioSchema.json().serialized(), "regenerate: headroom validate --schema > Scenarios/schema.json")
    }

    @Test func readmeFieldTablesEqualTheGeneratedOnes() throws {
        let readme = try String(contentsOf: ScenarioRunTests.root.appendingPathComponent("Scenarios/README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: ScenarioFieldTables.begin + "\n"))
        let end = try #require(readme.range(of: ScenarioFieldTables.end))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == ScenarioFieldTables.markdown(),
                "regenerate the README tables with headroom validate --field-tables")
    }

    /// Every field the decoder accepts is in the schema, and an unknown one is refused by both.
    @Test func schemaListsEveryTopLevelField() throws {
        let schema = ScenarioSchema.json()
        let properties = try #require(schema["properties"])
        for f in ScenarioFields.topLevel { #expect(properties[f.name] != nil, "schema lacks \(f.name)") }
        #expect(schema["additionalProperties"] == .bool(false))
    }

    /// The shipped scenarios are all valid.
    @Test func shippedScenariosValidate() throws {
        let dir = ScenarioRunTests.root.appendingPathComponent("Scenarios")
        let files = (FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("workloads") }
        #expect(files.count >= 3)
        for f in files { _ = try ScenarioFile.load(path: dir.appendingPathComponent(f).path) }
    }
}
