import Foundation
import Testing
@testable import SprintReport

/// Sample series for the chart tests.
enum ChartSamples {
    /// The repository's `Resources/charts.css` (read, not embedded: an edit shows without a rebuild).
    static func css() throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent("Resources/charts.css"), encoding: .utf8)
    }

    /// A deterministic sprint series of `n` periods with a realistic spread; `gaps` are
    /// indices whose values are all missing.
    static func sprints(_ n: Int, gaps: Set<Int> = [], labels: ((Int) -> String)? = nil, seed: UInt64 = 7) -> [SeriesPoint] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 33) / Double(1 << 31)
        }
        var out: [SeriesPoint] = []
        var deliveredSoFar: [Double] = []
        for i in 0..<n {
            let label = labels?(i) ?? "Sprint \(i + 1)"
            let start = Day(year: 2025, month: 1, day: 6)!.adding(days: 14 * i)
            let period = Period(label: label, start: start, end: start.adding(days: 13), sequence: i)
            var v = MetricValues()
            if !gaps.contains(i) {
                let c = (20 + 14 * next()).rounded()
                let a = (c * 0.35 * next()).rounded()
                let dc = (c * (0.55 + 0.45 * next())).rounded()
                let da = (a * next()).rounded()
                let removed = (3 * next()).rounded()
                v[.sprintCommit] = c
                v[.sprintCreep] = a
                v[.sprintSize] = c + a
                v[.deliveredCommit] = dc
                v[.deliveredCreep] = da
                v[.totalWorkDelivered] = dc + da
                v[.committedWorkDeliveredPercent] = 100 * dc / c
                v[.scopeCreepPercent] = 100 * a / c
                v[.churnRate] = 100 * (a + removed) / c
                deliveredSoFar.append(dc + da)
            }
            let window = deliveredSoFar.suffix(gaps.contains(i) ? 0 : 3)
            let rolling = window.isEmpty ? nil : window.reduce(0, +) / Double(window.count)
            out.append(SeriesPoint(period: period, values: v, rolling: rolling))
        }
        return out
    }

    static let forecast = Forecast(low: 21, median: 24.5, high: 28)

    /// Every chart kind for `points`, as rendered SVG.
    static func allCharts(_ points: [SeriesPoint], prefix: String, span: ChartSpan? = nil) -> [RenderedChart] {
        let limits = BandThresholds.defaults.limits[.sayDoPercent]!
        return [
            ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: prefix + "-pd",
                                        span: span),
            ChartKit.deliveredForecast(points, forecast: points.count >= 3 ? forecast : nil, mode: .storyPoints, periodNoun: "sprint",
                                       idPrefix: prefix + "-df", span: span),
            ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: prefix + "-sd", span: span),
            ChartKit.creepAndChurn(points, periodNoun: "sprint", idPrefix: prefix + "-cc", span: span),
        ]
    }

    static func heatmapRows(_ rows: Int, columns: Int) -> [HeatmapRow] {
        (0..<rows).map { r -> HeatmapRow in
            let label: String = r == 0 ? "Engineering" : (r % 4 == 1 ? "Platform group" : "Team \(r) — Payments & Billing")
            let indent: Int = r == 0 ? 0 : (r % 4 == 1 ? 1 : 2)
            let cells: [Double?] = (0..<columns).map { c -> Double? in
                (r + c) % 7 == 3 ? nil : Double(35 + (r * 37 + c * 13) % 65)
            }
            return HeatmapRow(label: label, href: "teams/team-\(r).html", indent: indent, cells: cells)
        }
    }
}

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
