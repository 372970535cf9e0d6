/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Tables become pipe tables (numeric columns right-aligned); a chart, which
/// Markdown cannot draw, becomes a short table of each series' first, peak and
/// last values, with a pointer to the HTML report and CSV for the full line.

/// Markdown output for reports.
public enum MarkdownRenderer {
    /// The document as Markdown text, ending with a newline.
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n"
        for block in document.blocks {
            out += "\n"
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: max(2, min(level, 6))) + " " + escape(text) + "\n"
            case .paragraph(let text):
                out += escape(text) + "\n"
            case .bullets(let items):
                for item in items { out += "- " + escape(item) + "\n" }
            case .verdict(let passed, let text):
                out += "**\(passed ? "PASS" : "FAIL")** — \(escape(text))\n"
            case .table(let table):
                out += renderTable(table)
            case .chart(let chart):
                out += "*\(escape(chart.title))* (chart in report.html; data in CSV)\n\n"
                out += renderTable(summary(of: chart))
            }
        }
        return out
    }

    /// A pipe table.
    static func renderTable(_ table: ReportTable) -> String {
        var out = "| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + table.numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// First, peak and last point of each series.
    static func summary(of chart: LineChart) -> ReportTable {
        let rows = chart.series.map { series -> [String] in
            guard let peak = series.y.indices.max(by: { series.y[$0] < series.y[$1] }) else {
                return [series.name, "-", "-", "-"]
            }
            return [series.name,
                    "\(NumberText.short(series.y[0])) at \(NumberText.short(series.x[0]))",
                    "\(NumberText.short(series.y[peak])) at \(NumberText.short(series.x[peak]))",
                    "\(NumberText.short(series.y[series.y.count - 1])) at \(NumberText.short(series.x[series.x.count - 1]))"]
        }
        return ReportTable(columns: ["series (\(chart.yLabel) at \(chart.xLabel))", "first", "peak", "last"], rows: rows)
    }

    private static func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Escapes the characters that would start Markdown markup mid-text.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "*" || c == "_" || c == "`" || c == "<" || c == ">" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
