import Foundation
import Testing
@testable import Reporting

@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(NumberText.fixed(1234.5678, 2) == "1234.57")
        #expect(NumberText.fixed(0.125, 2) == "0.13")
        #expect(NumberText.fixed(-0.125, 2) == "-0.13")
        #expect(NumberText.fixed(2.5, 0) == "3")
        #expect(NumberText.fixed(0.004, 2) == "0.00")
        #expect(NumberText.fixed(-0.004, 2) == "0.00")
        #expect(NumberText.fixed(0.05, 3) == "0.050")
    }

    @Test func shortAndGrouped() {
        #expect(NumberText.short(0.0012345) == "0.00123")
        #expect(NumberText.short(12.34) == "12.3")
        #expect(NumberText.short(1234.5) == "1235")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-999) == "-999")
        #expect(NumberText.grouped(0) == "0")
    }
}

@Suite struct RendererTests {
    let document = ReportDocument(title: "fraud <detection>", blocks: [
        .verdict(passed: false, text: "p99 7.1 s > SLO 5 s"),
        .heading(level: 2, text: "Latency"),
        .table(ReportTable(columns: ["stage", "p99 (s)"], numeric: [false, true], rows: [["kafka|ingest", "0.120"], ["score", "0.004"]])),
        .chart(LineChart(title: "lag", xLabel: "time (s)", yLabel: "records",
                         series: [ChartSeries(name: "partition 0", x: [0, 1, 2, 3], y: [0, 50, 20, 0])],
                         markers: [ChartMarker(x: 1, label: "spike")])),
    ])

    @Test func markdownHasVerdictEscapedTableAndChartSummary() {
        let md = MarkdownRenderer.render(document)
        #expect(md.hasPrefix("# fraud \\<detection\\>\n"))
        #expect(md.contains("**FAIL** — p99 7.1 s \\> SLO 5 s"))
        #expect(md.contains("| kafka\\|ingest | 0.120 |"))
        #expect(md.contains("| --- | ---: |"))
        #expect(md.contains("| partition 0 | 0 at 0 | 50 at 1 | 0 at 3 |"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = HTMLRenderer.render(document)
        #expect(html.contains("<title>fraud &lt;detection&gt;</title>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<td class=\"n\">0.120</td>"))
        // One polyline with the four points of the series.
        let polyline = html.components(separatedBy: "<polyline").dropFirst().first ?? ""
        let points = polyline.components(separatedBy: "points=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        #expect(points.split(separator: " ").count == 4)
        #expect(html.contains("stroke-dasharray"))
    }

    @Test func renderingIsDeterministic() {
        #expect(HTMLRenderer.render(document) == HTMLRenderer.render(document))
        #expect(MarkdownRenderer.render(document) == MarkdownRenderer.render(document))
    }

    @Test func niceRangesUseRoundSteps() {
        let r = SVGChart.niceRange(0, 87)
        #expect(r.low == 0 && r.high == 100 && r.step == 20)
        let flat = SVGChart.niceRange(5, 5)
        #expect(flat.high > flat.low)
    }
}

@Suite struct JSONAndCSVTests {
    @Test func jsonKeepsKeyOrderAndPrintsNumbersStably() {
        let value = JSONValue.object([
            ("schema_version", .int(1)), ("b", .number(0.1)), ("a", .array([.number(2), .null, .bool(true)])),
            ("nan", .number(.nan)), ("text", .string("quote \" and \\ and \n")), ("empty", .object([])),
        ])
        #expect(value.serialized() == """
            {
              "schema_version": 1,
              "b": 0.1,
              "a": [
                2,
                null,
                true
              ],
              "nan": null,
              "text": "quote \\" and \\\\ and \\n",
              "empty": {}
            }

            """)
        #expect(value["b"] == .number(0.1))
        #expect(value["missing"] == nil)
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        let csv = CSVTable(header: ["t", "note"], rows: [["1", "plain"], ["2", "a,b"], ["3", "say \"hi\""]])
        #expect(csv.serialized() == "t,note\n1,plain\n2,\"a,b\"\n3,\"say \"\"hi\"\"\"\n")
    }
}

@Suite struct ReportFilesTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAllFilesAndReplacesAnOldReport() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("fraud")
        var first = ReportFiles()
        first.add("report.md", "old\n")
        first.add("stale.csv", "x\n")
        try first.write(to: target)
        var second = ReportFiles()
        second.add("report.md", "new\n")
        second.add("report.json", "{}\n")
        try second.write(to: target)
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(names == ["report.json", "report.md"])
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["fraud"])
    }

    @Test func aFailedWriteLeavesThePreviousReportAndNoDebris() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("fraud")
        var good = ReportFiles()
        good.add("report.md", "kept\n")
        try good.write(to: target)
        // A parent that is a regular file makes the staging step fail.
        let blocker = root.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        var bad = ReportFiles()
        bad.add("report.md", "never\n")
        #expect(throws: (any Error).self) { try bad.write(to: blocker.appendingPathComponent("fraud")) }
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["blocker", "fraud"])
    }
}
