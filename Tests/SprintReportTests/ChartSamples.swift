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
