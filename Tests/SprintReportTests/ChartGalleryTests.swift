import Foundation
import Testing
@testable import SprintReport

/// Writes every chart kind for 1, 6, 13 and 78 periods (plus sparklines and heatmaps) to the
/// HTML file named by `CHART_GALLERY`, with charts.css inlined, for looking at in Chromium.
@Suite struct ChartGalleryTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHART_GALLERY"] != nil))
    func writeGallery() throws {
        let path = ProcessInfo.processInfo.environment["CHART_GALLERY"]!
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        html += "<title>Chart gallery</title><style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:1rem auto;padding:0 1rem;"
        html += "background:#fff;color:#1A1A1A}@media (prefers-color-scheme:dark){body{background:#121417;color:#ECECEC}}"
        html += "section{margin:2rem 0}h3{font-size:1rem;margin:.5rem 0}p{margin:.25rem 0;font-size:.85rem}"
        html += ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,560px),1fr));gap:1.5rem}\n"
        html += try ChartSamples.css() + "</style></head><body><main>"
        let long: (Int) -> String = { "Platform Sprint 2026-\($0 + 1)" }
        for (n, labels) in [(1, nil), (6, nil), (13, long), (78, nil)] as [(Int, ((Int) -> String)?)] {
            let points = ChartSamples.sprints(n, gaps: n >= 6 ? [2] : [], labels: labels)
            html += "<section><h2>\(n) period\(n == 1 ? "" : "s")</h2><div class=\"grid\">"
            for chart in ChartSamples.allCharts(points, prefix: "n\(n)") {
                html += "<div><h3>\(chart.title)</h3><div class=\"chart-figure\">\(chart.svg)</div><p>\(chart.description)</p></div>"
            }
            html += "</div>"
            let values = points.map { $0.values[.totalWorkDelivered] }
            html += "<p>Sparkline: " + ChartKit.sparkline(values, label: "Delivered per sprint", idPrefix: "sp\(n)") + " end</p>"
            html += "</section>"
        }
        for (rows, cols) in [(5, 6), (12, 24)] {
            let columns = (0..<cols).map { "2025-\(String(format: "%02d", $0 % 12 + 1))" }
            let chart = ChartKit.heatmap(rows: ChartSamples.heatmapRows(rows, columns: cols), columns: columns,
                                         title: "Say/do % by team and month", idPrefix: "hm\(rows)")
            html += "<section><h3>\(chart.title)</h3><div class=\"chart-figure\">\(chart.svg)</div><p>\(chart.description)</p></section>"
        }
        html += "</main></body></html>"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
