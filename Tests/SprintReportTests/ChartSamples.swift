import Foundation
import Mustache
import Testing
@testable import SprintReport

/// Sample series and the chart template library for the chart tests (templates read from
/// the repository's `Templates/charts`, so a template edit is tested without a rebuild).
enum ChartSamples {
    static let templateDirectory = Fixtures.repository.appendingPathComponent("Templates/charts")

    /// Every chart template of the folder; throws when the folder, a template, or one that a
    /// chart needs is missing or does not parse.
    static func library() throws -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: templateDirectory.path)
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: templateDirectory.appendingPathComponent(file), encoding: .utf8)
            templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        for name in ChartTemplates.names where templates[name] == nil {
            throw Missing(what: "chart template \(name).mustache in \(templateDirectory.path)")
        }
        return MustacheLibrary(templates: templates)
    }

    static func css() throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent("Resources/charts.css"), encoding: .utf8)
    }

    struct Missing: Error, CustomStringConvertible {
        let what: String
        var description: String { "missing \(what)" }
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
    static func allCharts(_ points: [SeriesPoint], prefix: String, span: ChartSpan? = nil,
                          library: MustacheLibrary) -> [RenderedChart] {
        let limits = BandThresholds.defaults.limits[.sayDoPercent]!
        return [
            ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: prefix + "-pd", library: library,
                                        span: span),
            ChartKit.deliveredForecast(points, forecast: points.count >= 3 ? forecast : nil, mode: .storyPoints, periodNoun: "sprint",
                                       idPrefix: prefix + "-df", library: library, span: span),
            ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: prefix + "-sd", library: library, span: span),
            ChartKit.creepAndChurn(points, periodNoun: "sprint", idPrefix: prefix + "-cc", library: library, span: span),
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
