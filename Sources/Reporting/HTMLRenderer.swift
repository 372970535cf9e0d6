/// Renders a ``ReportDocument`` as one self-contained HTML page.
///
/// No scripts, no fonts, no network: styles are inline in a `<style>` block
/// and charts are inline SVG (``SVGChart``), so the file opens anywhere,
/// offline, and diffs cleanly in review.

/// HTML output for reports.
public enum HTMLRenderer {
    /// The document as a complete HTML page.
    public static func render(_ document: ReportDocument) -> String {
        var body = "<h1>\(escape(document.title))</h1>\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let h = max(2, min(level, 6))
                body += "<h\(h)>\(escape(text))</h\(h)>\n"
            case .paragraph(let text):
                body += "<p>\(escape(text))</p>\n"
            case .bullets(let items):
                body += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case .verdict(let passed, let text):
                body += "<p class=\"verdict \(passed ? "pass" : "fail")\"><strong>\(passed ? "PASS" : "FAIL")</strong> \(escape(text))</p>\n"
            case .table(let table):
                body += renderTable(table)
            case .chart(let chart):
                body += "<figure>\n" + SVGChart.render(chart) + "<figcaption>\(escape(chart.title))</figcaption>\n</figure>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; }
            th { background: #f3f3f3; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .verdict { padding: 0.5rem 0.8rem; border-radius: 4px; }
            .pass { background: #e6f4ea; } .fail { background: #fce8e6; }
            figure { margin: 1rem 0; } figcaption { font-size: 0.9rem; color: #555; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func renderTable(_ table: ReportTable) -> String {
        var out = "<table>\n<tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in table.rows {
            out += "<tr>" + zip(row, table.numeric).map { $1 ? "<td class=\"n\">\(escape($0))</td>" : "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// Escapes `& < > "` for text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
