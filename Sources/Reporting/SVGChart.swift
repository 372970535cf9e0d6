/// Draws a ``LineChart`` as inline SVG: axes with round-number ticks, one
/// polyline per series, dashed vertical markers and a legend.
///
/// Coordinates are printed with two decimals, so output is deterministic and
/// compact. Series with many points are drawn as given: callers bin their
/// time series (``Metrics/TimeSeries``) before charting.

/// SVG rendering of line charts.
public enum SVGChart {
    static let width = 720.0, height = 300.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 44.0
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// The chart as an `<svg>` element.
    public static func render(_ chart: LineChart) -> String {
        let xs = chart.series.flatMap(\.x) + chart.markers.map(\.x)
        let ys = chart.series.flatMap(\.y).filter(\.isFinite)
        let xRange = niceRange(xs.min() ?? 0, xs.max() ?? 1)
        let yRange = niceRange(min(0, ys.min() ?? 0), ys.max() ?? 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Double) -> Double { left + (x - xRange.low) / (xRange.high - xRange.low) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yRange.low) / (yRange.high - yRange.low) * plotH }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(chart.title))\">\n"
        svg += "<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(plotW))\" height=\"\(c(plotH))\" fill=\"none\" stroke=\"#999\"/>\n"
        for tick in ticks(xRange) {
            svg += "<line x1=\"\(c(px(tick)))\" y1=\"\(c(top + plotH))\" x2=\"\(c(px(tick)))\" y2=\"\(c(top + plotH + 4))\" stroke=\"#999\"/>"
            svg += "<text x=\"\(c(px(tick)))\" y=\"\(c(top + plotH + 16))\" font-size=\"11\" text-anchor=\"middle\">\(NumberText.short(tick))</text>\n"
        }
        for tick in ticks(yRange) {
            svg += "<line x1=\"\(c(left))\" y1=\"\(c(py(tick)))\" x2=\"\(c(left + plotW))\" y2=\"\(c(py(tick)))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(c(left - 6))\" y=\"\(c(py(tick) + 4))\" font-size=\"11\" text-anchor=\"end\">\(NumberText.short(tick))</text>\n"
        }
        svg += "<text x=\"\(c(left + plotW / 2))\" y=\"\(c(height - 6))\" font-size=\"12\" text-anchor=\"middle\">\(HTMLRenderer.escape(chart.xLabel))</text>\n"
        svg += "<text x=\"12\" y=\"\(c(top + plotH / 2))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(c(top + plotH / 2)))\">\(HTMLRenderer.escape(chart.yLabel))</text>\n"
        for marker in chart.markers {
            svg += "<line x1=\"\(c(px(marker.x)))\" y1=\"\(c(top))\" x2=\"\(c(px(marker.x)))\" y2=\"\(c(top + plotH))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(c(px(marker.x) + 3))\" y=\"\(c(top + 11))\" font-size=\"10\">\(HTMLRenderer.escape(marker.label))</text>\n"
        }
        for (index, series) in chart.series.enumerated() {
            let color = palette[index % palette.count]
            let points = zip(series.x, series.y).filter { $0.1.isFinite }.map { "\(c(px($0.0))),\(c(py($0.1)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>\n"
            let ly = top + 12 + Double(index) * 14
            svg += "<line x1=\"\(c(left + plotW - 150))\" y1=\"\(c(ly - 4))\" x2=\"\(c(left + plotW - 134))\" y2=\"\(c(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(c(left + plotW - 130))\" y=\"\(c(ly))\" font-size=\"11\">\(HTMLRenderer.escape(series.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A range widened to round numbers (1, 2 or 5 × 10ⁿ steps), never empty.
    static func niceRange(_ low: Double, _ high: Double) -> (low: Double, high: Double, step: Double) {
        var lo = low, hi = high
        if !(hi > lo) { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.1) }
        let rough = (hi - lo) / 5
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        return (lo, hi, step)
    }

    static func ticks(_ range: (low: Double, high: Double, step: Double)) -> [Double] {
        let n = Int(((range.high - range.low) / range.step).rounded())
        return (0...max(n, 1)).map { range.low + Double($0) * range.step }
    }

    /// A coordinate with two decimals.
    private static func c(_ v: Double) -> String { NumberText.fixed(v, 2) }
}
