/// A report as data: a title and a list of blocks, rendered by
/// ``MarkdownRenderer`` and ``HTMLRenderer`` into `report.md` and
/// `report.html`. The machine-readable `report.json` is a ``JSONValue`` built
/// alongside it, and time series go to CSV files (``CSVTable``).
///
/// The document holds text that is already formatted: renderers only lay it
/// out, so the Markdown and HTML of one report always show the same numbers.

/// A report: a title and its blocks in order.
public struct ReportDocument: Sendable, Equatable {
    /// The title, shown as the top heading.
    public var title: String
    /// The content, in order.
    public var blocks: [ReportBlock]

    /// Creates a document.
    public init(title: String, blocks: [ReportBlock] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Appends a block.
    public mutating func append(_ block: ReportBlock) {
        blocks.append(block)
    }
}

/// One piece of a report.
public enum ReportBlock: Sendable, Equatable {
    /// A section heading; level 2 is a section, 3 a subsection.
    case heading(level: Int, text: String)
    /// A paragraph of plain text.
    case paragraph(String)
    /// A bulleted list.
    case bullets([String])
    /// A table of formatted cells.
    case table(ReportTable)
    /// A verdict line, shown prominently (for example, the SLO verdict).
    case verdict(passed: Bool, text: String)
    /// A line chart of one or more series.
    case chart(LineChart)
}

/// A table whose cells are already formatted text.
public struct ReportTable: Sendable, Equatable {
    /// The header cells.
    public var columns: [String]
    /// Which columns hold numbers (right-aligned); same count as `columns`.
    public var numeric: [Bool]
    /// The rows; each has one cell per column.
    public var rows: [[String]]

    /// Creates a table.
    /// - Precondition: every row has one cell per column.
    public init(columns: [String], numeric: [Bool]? = nil, rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "ReportTable: every row needs \(columns.count) cells")
        self.columns = columns
        self.numeric = numeric ?? columns.map { _ in false }
        precondition(self.numeric.count == columns.count, "ReportTable: numeric needs one flag per column")
        self.rows = rows
    }
}

/// A line chart: x and y in the units named by the labels.
public struct LineChart: Sendable, Equatable {
    /// The chart's title.
    public var title: String
    /// The x axis label, with its unit ("time (s)").
    public var xLabel: String
    /// The y axis label, with its unit ("lag (records)").
    public var yLabel: String
    /// The series drawn, in legend order.
    public var series: [ChartSeries]
    /// Vertical markers (for example a spike's start and end), x and label.
    public var markers: [ChartMarker]

    /// Creates a chart.
    public init(title: String, xLabel: String, yLabel: String, series: [ChartSeries], markers: [ChartMarker] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.markers = markers
    }
}

/// One named line of a chart.
public struct ChartSeries: Sendable, Equatable {
    /// The legend name.
    public var name: String
    /// The x values, ascending.
    public var x: [Double]
    /// The y values, one per x.
    public var y: [Double]

    /// Creates a series.
    /// - Precondition: `x.count == y.count`.
    public init(name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "ChartSeries \(name): x and y need the same length")
        self.name = name
        self.x = x
        self.y = y
    }
}

/// A vertical line at `x` with a label.
public struct ChartMarker: Sendable, Equatable {
    /// Where, in x units.
    public var x: Double
    /// What happens there.
    public var label: String

    /// Creates a marker.
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}
