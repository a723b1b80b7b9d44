import Foundation
import Mustache
import Testing
@testable import SprintReport

@Suite struct ChartKitTests {
    let library = ChartSamples.library
    let limits = BandThresholds.defaults.limits[.sayDoPercent]!

    /// All layouts of one series (geometry level), for checks on every chart kind.
    func layouts(_ points: [SeriesPoint]) -> [ChartLayout] {
        [
            PlannedVsDeliveredLayout.make(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a"),
            DeliveredForecastLayout.make(points, forecast: ChartSamples.forecast, mode: .tickets, periodNoun: "sprint", idPrefix: "b"),
            DeliveredForecastLayout.make(points, forecast: nil, mode: .tickets, periodNoun: "month", idPrefix: "b"),
            SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "c"),
            CreepChurnLayout.make(points, periodNoun: "sprint", idPrefix: "d"),
        ]
    }

    static let hostile = "<script>alert(\"x\")</script> & 'q' \n../\u{1F680}"

    @Test(arguments: [0, 1, 2, 6, 13, 78])
    func everyTextStaysInsideTheViewBox(n: Int) {
        let plain = ChartSamples.sprints(n, gaps: n > 3 ? [1, 2] : [])
        let long = ChartSamples.sprints(n, labels: { i in Self.hostile + " Platform Sprint 2026-\(i)" })
        var huge = ChartSamples.sprints(n)
        for i in huge.indices {
            for m in Metric.allCases { huge[i].values[m] = huge[i].values[m].map { $0 * (i % 2 == 0 ? 3e7 : -1e5) } }
            huge[i].rolling = huge[i].rolling.map { $0 * 3e7 }
        }
        var geometries = (layouts(plain) + layouts(long) + layouts(huge)).map(\.geometry)
        geometries.append(SparklineLayout.make(plain.map { $0.values[.totalWorkDelivered] }, label: "x", idPrefix: "s"))
        geometries.append(HeatmapLayout.make(rows: ChartSamples.heatmapRows(max(n, 1), columns: max(n / 3, 1)) + [
            HeatmapRow(label: Self.hostile + String(repeating: "W", count: 60), indent: 7, cells: [1e6, -3]),
        ], columns: (0..<max(n / 3, 1)).map { "2026-\($0) " + Self.hostile }, title: "t", idPrefix: "h").geometry)
        for g in geometries {
            for t in g.texts {
                let b = t.bounds
                #expect(b.minX >= 0 && b.maxX <= g.width && b.minY >= 0 && b.maxY <= g.height,
                        "\(g.title): \(t.text) at \(b) outside \(g.width)×\(g.height)")
            }
        }
    }

    @Test func missingValuesAreGapsNotZeros() {
        let points = ChartSamples.sprints(6, gaps: [2])
        let pd = ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "g", library: library)
        #expect(!pd.svg.contains("<title>Sprint 3: planned") && !pd.svg.contains("<title>Sprint 3: delivered"))
        #expect(pd.svg.contains("<title>Sprint 3: no data</title>—</text>"))
        #expect(pd.table.rows[2] == ["Sprint 3", "—", "—", "—", "—", "—", "—"])
        let sd = SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "g")
        let paths = sd.geometry.groups.flatMap(\.marks).compactMap { m -> String? in
            if case .path(let p) = m, p.cls == "chart-saydo" { p.d } else { nil }
        }
        #expect(paths.count == 1)
        #expect(paths[0].filter { $0 == "M" }.count == 2, "the line breaks at the gap: \(paths[0])")
        let dots = sd.geometry.groups.flatMap(\.marks).filter { if case .circle = $0 { true } else { false } }
        #expect(dots.count == 5)
        #expect(LinePath.d([(1, 1), nil, (2, 2), (3, 3)]) == "M1 1 M2 2 L3 3")
        #expect(LinePath.isolated([(1, 1), nil, (2, 2), (3, 3)]) == [0])
    }

    @Test func hostileLabelsAreEscaped() {
        let points = ChartSamples.sprints(3, labels: { _ in Self.hostile })
        var svgs = ChartSamples.allCharts(points, prefix: "x\"><script>").map(\.svg)
        svgs.append(ChartKit.sparkline([1, 2], label: Self.hostile, idPrefix: "s", library: library))
        svgs.append(ChartKit.heatmap(rows: [HeatmapRow(label: Self.hostile, href: "a\"b<c>.html", cells: [50])],
                                     columns: [Self.hostile], title: Self.hostile, idPrefix: "h", library: library).svg)
        for svg in svgs {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("\"x\""))
            #expect(!svg.contains("'q'"))
            #expect(svg.contains("&lt;script&gt;"))
            #expect(svg.contains("&amp; &#39;q&#39;"))
            #expect(!svg.contains("a\"b"))
        }
        #expect(ChartID.clean("x\"><script>") == "x---script-")
        #expect(ChartID.clean("7 days") == "c7-days")
    }

    @Test func sameInputSameBytes() {
        let points = ChartSamples.sprints(13, gaps: [4])
        let a = ChartSamples.allCharts(points, prefix: "p").map(\.svg)
        let b = ChartSamples.allCharts(ChartSamples.sprints(13, gaps: [4]), prefix: "p").map(\.svg)
        #expect(a == b)
        let rows = ChartSamples.heatmapRows(4, columns: 5)
        let cols = ["a", "b", "c", "d", "e"]
        #expect(ChartKit.heatmap(rows: rows, columns: cols, title: "t", idPrefix: "h", library: library).svg
            == ChartKit.heatmap(rows: rows, columns: cols, title: "t", idPrefix: "h", library: library).svg)
    }

    @Test(arguments: [1, 78])
    func accessibleFrameWithUniqueIds(n: Int) throws {
        for chart in ChartSamples.allCharts(ChartSamples.sprints(n), prefix: "team-1") {
            let svg = chart.svg
            #expect(svg.hasPrefix("<svg "))
            #expect(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
            #expect(svg.contains("role=\"img\""))
            let ids = matches(svg, #"id="([^"]+)""#)
            #expect(Set(ids).count == ids.count)
            #expect(ids.allSatisfy { $0.hasPrefix("team-1-") })
            let labelled = try #require(matches(svg, #"aria-labelledby="([^"]+)""#).first)
            #expect(labelled.split(separator: " ").allSatisfy { ids.contains(String($0)) })
            #expect(svg.contains("viewBox=\"0 0 640 "))
            #expect(svg.contains("width=\"100%\""))
            #expect(!svg.contains("=\"\""), "an empty attribute means a misspelt template variable")
            #expect(!svg.contains("xlink") && !svg.contains("<script") && !svg.contains("style="))
            #expect(!chart.title.isEmpty && chart.description.hasSuffix("."))
            #expect(chart.table.rows.count >= n)
        }
    }

    @Test func everyDataMarkHasATitle() {
        for layout in layouts(ChartSamples.sprints(13, gaps: [3])) {
            for group in layout.geometry.groups where ["chart-bars", "chart-lines", "chart-forecast-band"].contains(group.cls) {
                // Stacked bars: the title of the whole stack sits on its base, so a hatched
                // top segment needs one only when no base segment lies under it.
                let titledX = Set(group.marks.compactMap { m -> Double? in
                    if case .rect(let r) = m, r.title != nil { return r.x }
                    return nil
                })
                for mark in group.marks {
                    switch mark {
                    case .rect(let r):
                        #expect(r.title != nil || (r.cls.hasSuffix("-creep") && titledX.contains(r.x)))
                    case .circle(let c): #expect(c.title != nil)
                    case .path(let p):
                        // Series lines carry their titles on the dots; a halo is decoration.
                        if !["chart-creep", "chart-churn", "chart-saydo", "chart-halo"].contains(p.cls) { #expect(p.title != nil) }
                    default: break
                    }
                }
            }
        }
    }

    @Test func sentencesStateTheFinding() {
        var points = ChartSamples.sprints(6)
        for (i, d) in [21.0, 25, 22, 30, 28, 34].enumerated() { points[i].values[.totalWorkDelivered] = d }
        let pd = PlannedVsDeliveredLayout.make(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a")
        #expect(pd.geometry.description == "Delivered work rose from 21 to 34 story points over 6 sprints.")
        #expect(pd.heading.hasPrefix("Delivered ") && pd.heading.contains("% of committed work"))
        let one = PlannedVsDeliveredLayout.make(Array(points.prefix(1)), mode: .tickets, periodNoun: "sprint", idPrefix: "a")
        #expect(one.geometry.description == "Delivered 21 tickets in Sprint 1.")
        let df = DeliveredForecastLayout.make(points, forecast: Forecast(low: 18, median: 21, high: 24), mode: .storyPoints,
                                              periodNoun: "sprint", idPrefix: "b")
        #expect(df.heading == "Next sprint: 18–24 story points expected (median 21)")
        #expect(df.table.rows.last == ["Next sprint (forecast)", "18–24, median 21", "—"])
        let empty = PlannedVsDeliveredLayout.make(ChartSamples.sprints(4, gaps: [0, 1, 2, 3]), mode: .storyPoints,
                                                  periodNoun: "month", idPrefix: "a")
        #expect(empty.heading == "No planned or delivered work recorded in 4 months")
    }

    @Test func sayDoBandsFollowTheLimits() {
        #expect(SayDoLayout.band(85, limits) == .elite)
        #expect(SayDoLayout.band(84.9, limits) == .high)
        #expect(SayDoLayout.band(59.9, limits) == .low)
        let creep = BandThresholds.defaults.limits[.scopeCreepPercent]!
        #expect(SayDoLayout.band(10, creep) == .elite && SayDoLayout.band(41, creep) == .low)
        let layout = SayDoLayout.make(ChartSamples.sprints(6), limits: limits, periodNoun: "sprint", idPrefix: "c")
        let labels = layout.geometry.texts.filter { $0.cls.hasPrefix("chart-threshold-label") }.map(\.text)
        #expect(labels == ["Elite ≥ 85", "High ≥ 70", "Medium ≥ 60"])
        var low = ChartSamples.sprints(3)
        for i in low.indices { low[i].values[.committedWorkDeliveredPercent] = 50; low[i].values[.deliveredCommit] = 10; low[i].values[.sprintCommit] = 20 }
        #expect(SayDoLayout.make(low, limits: limits, periodNoun: "month", idPrefix: "c").heading
            == "Say/do 50\u{202F}% overall (Low); Elite in none of 3 months")
    }

    @Test func heatmapPrintsEveryCell() {
        let rows = [HeatmapRow(label: "A", href: "a.html", indent: 0, cells: [81.26, nil, 30]),
                    HeatmapRow(label: "B", indent: 1, cells: [99.6])]
        let layout = HeatmapLayout.make(rows: rows, columns: ["2026-01", "2026-02", "2026-03"], title: "Say/do", idPrefix: "h")
        let cellTexts = layout.geometry.texts.filter { $0.cls.hasPrefix("chart-heat-text") }.map(\.text)
        #expect(cellTexts == ["81", "—", "30", "100", "—", "—"])
        #expect(layout.table.rows == [["A", "81.3 %", "—", "30.0 %"], ["B", "99.6 %", "—", "—"]].map { $0.map { $0.replacingOccurrences(of: " %", with: "\u{202F}%") } })
        let svg = ChartKit.heatmap(rows: rows, columns: ["2026-01", "2026-02", "2026-03"], title: "Say/do", idPrefix: "h",
                                   library: library).svg
        #expect(svg.contains("<a href=\"a.html\">"))
        #expect(matches(svg, "<a ").count == 1)
        #expect(HeatmapLayout.step(39.9) == 0 && HeatmapLayout.step(85) == 4)
    }

    @Test func sparklineMarksLastMinAndMax() {
        let g = SparklineLayout.make([3, nil, 9, 1, 5], label: "Delivered", idPrefix: "s")
        let classes = g.groups.flatMap(\.marks).compactMap { m -> String? in if case .circle(let c) = m { c.cls } else { nil } }
        #expect(classes == ["chart-spark-min", "chart-spark-max", "chart-spark-last"])
        #expect(g.texts.map(\.text) == ["5"])
        #expect(g.width == 120 && g.height == 24)
        let percent = SparklineLayout.make([60, 81.4], label: "Say/do", idPrefix: "s", format: .percent)
        #expect(percent.texts.map(\.text) == ["81\u{202F}%"])
        #expect(percent.texts.allSatisfy { $0.bounds.minX >= 0 })
        let svg = ChartKit.sparkline([], label: "none", idPrefix: "s", library: library)
        #expect(svg.contains(">—</text>") && svg.contains("role=\"img\""))
    }

    @Test func embeddedTemplatesMatchTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ChartSamples.templateDirectory.path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(files) == Set(ChartTemplates.names))
        for (name, text) in ChartTemplates.embedded {
            let file = try String(contentsOf: ChartSamples.templateDirectory.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            #expect(file == text, "\(name)")
        }
        var library = MustacheLibrary()
        try ChartTemplates.register(into: &library)
        let svg = ChartKit.sayDo(ChartSamples.sprints(3), limits: limits, periodNoun: "sprint", idPrefix: "e", library: library).svg
        #expect(svg == ChartKit.sayDo(ChartSamples.sprints(3), limits: limits, periodNoun: "sprint", idPrefix: "e",
                                      library: ChartSamples.library).svg)
        #expect(ChartTemplates.css.contains("--chart-planned"))
    }

    func matches(_ s: String, _ pattern: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
            let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
            return String(s[Range(r, in: s)!])
        }
    }
}
