import Foundation
import Testing
@testable import SprintReport

@Suite struct ChartKitTests {
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
        let pd = ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "g")
        #expect(!pd.svg.contains("<title>Sprint 3: planned") && !pd.svg.contains("<title>Sprint 3: delivered"))
        #expect(pd.svg.contains("<title>Sprint 3: no data</title>—</text>"))
        #expect(pd.svg.contains("<title>Sprint 2: planned "), "one title per period, on its hover area")
        #expect(pd.table.rows[2] == ["Sprint 3", "—", "—", "—", "—", "—", "—"])
        let sd = SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "g")
        let paths = sd.geometry.groups.flatMap(\.marks).compactMap { m -> String? in
            if case .path(let p) = m, p.cls == "chart-saydo" { p.d } else { nil }
        }
        #expect(paths.count == 1)
        #expect(paths[0].filter { $0 == "M" }.count == 2, "the line breaks at the gap: \(paths[0])")
        // The dots are one path of zero-length steps, one per present value.
        let dots = sd.geometry.groups.flatMap(\.marks).compactMap { m -> String? in
            if case .path(let p) = m, p.cls == "chart-saydo-dot" { p.d } else { nil }
        }
        #expect(dots.count == 1 && dots[0].components(separatedBy: "h0").count - 1 == 5)
        // A period without data has no hover area: its `—` keeps its own title.
        let hovers = sd.geometry.groups.filter { $0.cls == CartesianFrame.hoverGroup }.flatMap(\.marks)
        #expect(hovers.count == 5)
        #expect(LinePath.d([(1, 1), nil, (2, 2), (3, 3)]) == "M1 1M2 2l1 1")
        #expect(LinePath.d([(1.25, 10), (0.5, 9.96), (-0.04, 12)]) == "M1.3 10l-.8 0-.5 2")
        #expect(LinePath.isolated([(1, 1), nil, (2, 2), (3, 3)]) == [0])
    }

    @Test func hostileLabelsAreEscaped() {
        let points = ChartSamples.sprints(3, labels: { _ in Self.hostile })
        var svgs = ChartSamples.allCharts(points, prefix: "x\"><script>").map(\.svg)
        svgs.append(ChartKit.sparkline([1, 2], label: Self.hostile, idPrefix: "s"))
        svgs.append(ChartKit.heatmap(rows: [HeatmapRow(label: Self.hostile, href: "a\"b<c>.html", cells: [50])],
                                     columns: [Self.hostile], title: Self.hostile, idPrefix: "h").svg)
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
        #expect(ChartKit.heatmap(rows: rows, columns: cols, title: "t", idPrefix: "h").svg
            == ChartKit.heatmap(rows: rows, columns: cols, title: "t", idPrefix: "h").svg)
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
            #expect(!svg.contains("=\"\""), "no attribute is written empty")
            #expect(!svg.contains("xlink") && !svg.contains("<script") && !svg.contains("style="))
            #expect(!chart.title.isEmpty && chart.description.hasSuffix("."))
            #expect(chart.table.rows.count >= n)
        }
    }

    @Test func everyPeriodWithDataHasOneHoverTitle() {
        for layout in layouts(ChartSamples.sprints(13, gaps: [3])) where layout.geometry.groups.contains(where: {
            $0.cls == "chart-x-axis"
        }) {
            // Marks carry no titles (bars, lines and dots are path data); each period with data
            // has one hover area with one title, the period without data its `—` with its own.
            let hovers = layout.geometry.groups.filter { $0.cls == CartesianFrame.hoverGroup }.flatMap(\.marks)
            #expect(hovers.count == 12, "\(layout.heading)")
            for mark in hovers {
                guard case .path(let p) = mark else { Issue.record("a hover area is a path"); continue }
                #expect(p.cls == "chart-hit" && p.title?.hasPrefix("Sprint ") == true)
            }
            for group in layout.geometry.groups where group.cls == "chart-bars" || group.cls == "chart-lines" {
                for mark in group.marks {
                    switch mark {
                    case .rect, .circle: Issue.record("\(layout.heading): bars and dots are path data")
                    case .text(let t) where t.cls == "chart-missing": #expect(t.title == "Sprint 4: no data")
                    default: break
                    }
                }
            }
        }
    }

    @Test func longWindowsDrawTheLastPeriodsAndSaySo() {
        let points = ChartSamples.sprints(78)
        let span = ChartSpan(total: 78, limit: ChartSpan.pageLimit, note: "every sprint is in the table below")
        let whole = ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: "w")
        for chart in ChartSamples.allCharts(points, prefix: "p", span: span) {
            #expect(chart.description.contains("the last 26 of 78 sprints"), "\(chart.description)")
            #expect(chart.description.hasSuffix(" Every sprint is in the table below."))
            #expect(chart.table.rows.filter { $0[0].hasPrefix("Sprint") }.count == 26)
            #expect(chart.table.rows.first?.first == "Sprint 53")
            #expect(chart.table.caption.hasSuffix(", the last 26 of 78 sprints"))
            #expect(matches(chart.svg, #"<path d="[^"]*" class="chart-hit"><title>"#).count <= 26)
            #expect(!chart.svg.contains(">Sprint 52<") && !chart.svg.contains("<title>Sprint 52:"))
        }
        // The heading (the finding) covers the whole window, like the tiles.
        let cut = ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: "w", span: span)
        #expect(cut.title == whole.title && cut.title.contains("of 78 sprints"))
        // A page with no other table of its periods keeps them all in the chart's table.
        let node = ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "month", idPrefix: "n", span: ChartSpan(total: 78, limit: 26, tableAll: true))
        #expect(node.table.rows.count == 78 && !node.table.caption.contains("last 26"))
        #expect(ChartSpan(total: 13, limit: 26).isCut == false)
    }

    /// A chart made without hover titles or its table (a team page) is the chart made with
    /// them, less those: the same SVG as the full chart with its hover areas removed, the same
    /// heading and sentence, and no table.
    @Test func chartsLeaveOutOnlyWhatTheyAreNotAskedFor() {
        let points = ChartSamples.sprints(78, gaps: [3, 60, 70])
        let span = ChartSpan(total: 78, limit: ChartSpan.pageLimit)
        let pairs: [(full: RenderedChart, lean: RenderedChart, hover: Bool)] = [
            (ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a", span: span,
                                         baselineMean: 20),
             ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a", span: span,
                                         baselineMean: 20, table: false), true),
            (ChartKit.deliveredForecast(points, forecast: ChartSamples.forecast, mode: .tickets, periodNoun: "sprint",
                                        idPrefix: "b", span: span, hover: false),
             ChartKit.deliveredForecast(points, forecast: ChartSamples.forecast, mode: .tickets, periodNoun: "sprint",
                                        idPrefix: "b", span: span, hover: false, table: false), false),
            (ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: "c", span: span, hover: false),
             ChartKit.sayDo(points, limits: limits, periodNoun: "sprint", idPrefix: "c", span: span, hover: false, table: false),
             false),
            (ChartKit.creepAndChurn(points, periodNoun: "sprint", idPrefix: "d", span: span, hover: false),
             ChartKit.creepAndChurn(points, periodNoun: "sprint", idPrefix: "d", span: span, hover: false, table: false),
             false),
        ]
        for (full, lean, hover) in pairs {
            #expect(lean.svg == full.svg && lean.title == full.title && lean.description == full.description)
            #expect(full.table.rows.filter { $0[0].hasPrefix("Sprint") }.count == 26)
            #expect(lean.table.rows.isEmpty && lean.table.columns.isEmpty && lean.table.caption.isEmpty)
            #expect(full.svg.contains("class=\"chart-hit\"") == hover)
        }
        // Hover areas left out by the layout are what `render` removed before.
        let made = SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "c", span: span)
        let lean = SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "c", span: span, parts: [.table])
        #expect(made.geometry.groups.filter { $0.cls != CartesianFrame.hoverGroup } == lean.geometry.groups)
        #expect(made.geometry.groups.count == lean.geometry.groups.count + 1)
    }

    @Test func teamNamesAreDroppedFromChartLabels() {
        #expect(ChartText.shortLabels(["Scarlet Hawk Sprint 6", "Scarlet Hawk Sprint 7"]) == ["Sprint 6", "Sprint 7"])
        #expect(ChartText.shortLabels(["Sprint 6", "Sprint 7"]) == ["Sprint 6", "Sprint 7"])
        #expect(ChartText.shortLabels(["2026-01", "2026-02"]) == ["2026-01", "2026-02"])
        #expect(ChartText.shortLabels(["A B C", "A B C"]) == ["A B C", "A B C"], "identical labels stay whole")
        #expect(ChartText.shortLabels(["Hawk Sprint 6", "Owl Sprint 7"]) == ["Hawk Sprint 6", "Owl Sprint 7"])
    }

    @Test func asciiLabelsShortenAsWordByWord() {
        // Words with empty ones (double, leading and trailing spaces) and prefixes of each other.
        let vocabulary = ["", "A", "AB", "Hawk", "Sprint", "6", "7"]
        var seed: UInt64 = 12345
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<3000 {
            let labels = (0..<(1 + next(4))).map { _ in
                (0..<(1 + next(5))).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ")
            }
            #expect(ChartText.shortLabels(labels) == ChartText.shortLabelsByWords(labels), "\(labels)")
        }
    }

    @Test func pathDataIsCompactAndDoesNotDrift() {
        var p = PathData()
        p.rect(x: 10.04, y: 20.06, width: 8.77, height: 0.52)
        p.dot(3, -0.5)
        p.horizontal(from: 1, to: 5.55, y: 2)
        #expect(p.text == "M10 20.1h8.8v.5h-8.8zM3-.5h0M1 2h4.6")
        // Steps are differences of rounded points: the end is where it should be after 1,000 steps.
        let xs = (0...1000).map { Double($0) * 0.123 }
        var line = PathData()
        line.move(0, 0)
        for x in xs.dropFirst() { line.line(x, 0) }
        #expect(line.text.hasPrefix("M0 0l.1 0 .1 0 .2 0 .1 0"))
        let steps = matches(String(line.text.dropFirst(5)), #"(-?[0-9]*\.?[0-9]+)"#).compactMap(Double.init)
        let xSteps = stride(from: 0, to: steps.count, by: 2).map { steps[$0] }
        #expect(xSteps.count == 1000)
        #expect(abs(xSteps.reduce(0, +) - 123) < 1e-6, "the steps add up to the last point exactly")
        #expect(PathData.number(-5) == "-.5" && PathData.number(0) == "0" && PathData.number(123) == "12.3")
        for t in -2100...2100 {
            let a = abs(t), whole = a >= 10 ? String(a / 10) : ""
            let tenths = a % 10 != 0 ? "." + String(a % 10) : a < 10 ? "0" : ""
            #expect(PathData.number(t) == (t < 0 ? "-" : "") + whole + tenths)
        }
    }

    @Test func sentencesStateTheFinding() {
        var points = ChartSamples.sprints(6)
        for (i, d) in [21.0, 25, 22, 30, 28, 34].enumerated() { points[i].values[.totalWorkDelivered] = d }
        let pd = PlannedVsDeliveredLayout.make(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a")
        #expect(pd.geometry.description == "Delivered work rose from 21 to 34 story points over 6 sprints; trend +2.3 per sprint.")
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
        let svg = ChartKit.heatmap(rows: rows, columns: ["2026-01", "2026-02", "2026-03"], title: "Say/do", idPrefix: "h").svg
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
        let svg = ChartKit.sparkline([], label: "none", idPrefix: "s")
        #expect(svg.contains(">—</text>") && svg.contains("role=\"img\""))
    }

    func matches(_ s: String, _ pattern: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
            let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
            return String(s[Range(r, in: s)!])
        }
    }
}
