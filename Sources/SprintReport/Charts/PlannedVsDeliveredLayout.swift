/// Planned vs delivered per period: two stacked bars per period (planned = commit + creep,
/// delivered = delivered commit + delivered creep; creep outlined) and the least-squares
/// trend of delivered work; with `--compare`, the baseline window's mean of delivered work
/// as a reference line across the plot.
enum PlannedVsDeliveredLayout {
    /// - Parameter baselineMean: the mean delivered work per period of the baseline window
    ///   (`SummaryComparison.baselineMeanDelivered`), drawn as a labelled reference line.
    static func make(_ points: [SeriesPoint], mode: ComputationMode, periodNoun: String, idPrefix: String,
                     span: ChartSpan? = nil, baselineMean: Double? = nil, parts: ChartParts = .all) -> ChartLayout {
        let baselineMean = baselineMean.flatMap { $0.isFinite ? $0 : nil }
        let span = span ?? .all(points.count)
        func series(_ m: Metric) -> [Double?] { points.map { $0.chartValue(m) } }
        let heading = heading(c: series(.sprintCommit), a: series(.sprintCreep), dc: series(.deliveredCommit),
                              d: series(.totalWorkDelivered), mode: mode, periodNoun: periodNoun)
        let tableTable = parts.contains(.table) ? table(points[span.tableRange], mode: mode, periodNoun: periodNoun) : .omitted
        let shown = points[span.range]
        let c = shown.map { $0.chartValue(.sprintCommit) }, a = shown.map { $0.chartValue(.sprintCreep) }
        let s = shown.map { $0.chartValue(.sprintSize) }
        let dc = shown.map { $0.chartValue(.deliveredCommit) }, da = shown.map { $0.chartValue(.deliveredCreep) }
        let d = shown.map { $0.chartValue(.totalWorkDelivered) }
        let labels = ChartText.shortLabels(shown.map { ChartText.oneLine($0.period.label) })
        let trend = SeriesStats.trend(d)
        let n = shown.count
        var scaleValues: [Double] = []
        for i in 0..<n {
            scaleValues += [c[i], a[i], s[i], d[i], dc[i], da[i]].compactMap { $0 }
            scaleValues.append((c[i] ?? 0) + (a[i] ?? 0))
            scaleValues.append((dc[i] ?? 0) + (da[i] ?? 0))
        }
        if let trend { scaleValues += [trend.intercept, trend.intercept + trend.slope * Double(max(n - 1, 0))] }
        var legend = [
            LegendItem(swatch: .box(cls: "chart-planned"), text: "Committed"),
            LegendItem(swatch: .box(cls: "chart-planned-creep"), text: "Creep"),
            LegendItem(swatch: .box(cls: "chart-delivered"), text: "Delivered commitment"),
            LegendItem(swatch: .box(cls: "chart-delivered-creep"), text: "Delivered creep"),
        ]
        if trend != nil { legend.append(LegendItem(swatch: .line(cls: "chart-trend"), text: "Trend of delivered")) }
        if let baselineMean {
            scaleValues.append(baselineMean)
            legend.append(LegendItem(swatch: .line(cls: "chart-baseline-mean"), text: "Baseline mean delivered"))
        }
        let frame = CartesianFrame(labels: labels, values: scaleValues, minStep: 1, unit: mode.unitName, legend: legend)
        let bw = max(frame.groupWidth / 2 - 0.5, 0.6)
        // Four paths (solid commit, outlined creep; planned and delivered) instead of four
        // elements per period; each period's figures are the `<title>` of its hover area.
        var planned = PathData(), plannedCreep = PathData(), delivered = PathData(), deliveredCreep = PathData()
        var missing: [ChartMark] = []
        var titles: [String?] = []
        for i in 0..<n {
            if [c[i], a[i], s[i], dc[i], da[i], d[i]].allSatisfy({ $0 == nil }) {
                missing.append(frame.missingMark(i, label: labels[i]))
                titles.append(nil)
                continue
            }
            if parts.contains(.hover) { titles.append(title(labels[i], c: c[i], a: a[i], s: s[i], dc: dc[i], da: da[i], d: d[i])) }
            let xp = frame.centers[i] - bw / 2 - 0.5, xd = frame.centers[i] + bw / 2 + 0.5
            stack(frame, x: xp, width: bw, base: c[i], top: a[i], total: s[i], into: &planned, creep: &plannedCreep)
            stack(frame, x: xd, width: bw, base: dc[i], top: da[i], total: d[i], into: &delivered, creep: &deliveredCreep)
        }
        let classes = ["chart-planned", "chart-planned-creep", "chart-delivered", "chart-delivered-creep"]
        let paths = [planned, plannedCreep, delivered, deliveredCreep]
        var bars = zip(paths, classes).compactMap { p, cls in p.isEmpty ? nil : ChartMark.path(PathMark(d: p.text, cls: cls)) }
        bars += missing
        var groups = frame.groups
        groups.append(MarkGroup(cls: "chart-bars", marks: bars))
        if let trend, let first = d.firstIndex(where: { $0 != nil }), let last = d.lastIndex(where: { $0 != nil }) {
            let p0 = (frame.centers[first], frame.y(trend.intercept + trend.slope * Double(first)))
            let p1 = (frame.centers[last], frame.y(trend.intercept + trend.slope * Double(last)))
            let d = LinePath.d([p0, p1])
            groups.append(MarkGroup(cls: "chart-lines", marks: [.path(PathMark(d: d, cls: "chart-halo")),
                                                                 .path(PathMark(d: d, cls: "chart-trend"))]))
        }
        if let baselineMean {
            let y = frame.y(baselineMean)
            let d = LinePath.d([(frame.left, y), (frame.right, y)])
            groups.append(MarkGroup(cls: "chart-reference", marks: [.path(PathMark(d: d, cls: "chart-halo")),
                                                                    .path(PathMark(d: d, cls: "chart-baseline-mean"))]))
        }
        if parts.contains(.hover) { groups.append(frame.hoverAreas(titles)) }
        var description = describe(d, labels: labels, mode: mode, periodNoun: periodNoun, span: span)
        if let trend, n > 1 {
            let sign = trend.slope >= 0 ? "+" : ""
            description.removeLast()
            description += "; trend \(sign)\(NumberFormat.amount(trend.slope)) per \(periodNoun)."
        }
        if let baselineMean {
            description += " The baseline window's mean: \(NumberFormat.amount(baselineMean)) per \(periodNoun)."
        }
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading, description: description, groups: groups)
        return ChartLayout(geometry: geometry, heading: geometry.title, table: tableTable)
    }

    /// The chart's data: one row per period.
    static func table(_ points: ArraySlice<SeriesPoint>, mode: ComputationMode, periodNoun: String) -> ChartTable {
        let f = NumberFormat.amount
        return ChartTable(
            caption: "Planned and delivered work per \(periodNoun) (\(mode.unitName))",
            columns: [ChartText.capitalised(periodNoun), "Committed", "Creep", "Planned", "Delivered commitment",
                      "Delivered creep", "Delivered"],
            rows: points.map { p in
                let v = { p.chartValue($0) }
                return [ChartText.oneLine(p.period.label), f(v(.sprintCommit)), f(v(.sprintCreep)),
                        f(v(.sprintSize) ?? sum(v(.sprintCommit), v(.sprintCreep))), f(v(.deliveredCommit)),
                        f(v(.deliveredCreep)), f(v(.totalWorkDelivered) ?? sum(v(.deliveredCommit), v(.deliveredCreep)))]
            })
    }

    /// x + y when both are present.
    static func sum(_ x: Double?, _ y: Double?) -> Double? {
        guard let x, let y else { return nil }
        return x + y
    }

    /// A stacked bar: the solid base, the outlined creep on it; only the total when the parts
    /// are missing.
    static func stack(_ frame: CartesianFrame, x: Double, width: Double, base: Double?, top: Double?, total: Double?,
                      into solid: inout PathData, creep: inout PathData) {
        func add(_ path: inout PathData, from: Double, to: Double) {
            let r = frame.bar(x: x, width: width, from: from, to: to, cls: "", title: nil)
            path.rect(x: r.x, y: r.y, width: r.width, height: r.height)
        }
        if base == nil && top == nil {
            if let total, total != 0 { add(&solid, from: 0, to: total) }
            return
        }
        let b = base ?? 0
        if b != 0 { add(&solid, from: 0, to: b) }
        if let top, top != 0 { add(&creep, from: b, to: b + top) }
    }

    /// "Sprint 6: planned 37 = 29.5 + 7.5 creep; delivered 30 = 26 + 4 creep" (the unit is named
    /// once, on the chart).
    static func title(_ label: String, c: Double?, a: Double?, s: Double?, dc: Double?, da: Double?, d: Double?) -> String {
        let f = NumberFormat.amount
        return "\(label): planned \(f(s ?? sum(c, a))) = \(f(c)) + \(f(a)) creep; "
            + "delivered \(f(d ?? sum(dc, da))) = \(f(dc)) + \(f(da)) creep"
    }

    /// "Delivered 81 % of committed work; creep grew in the last 3 sprints".
    static func heading(c: [Double?], a: [Double?], dc: [Double?], d: [Double?], mode: ComputationMode, periodNoun: String) -> String {
        let n = c.count
        var first: String
        if let sayDo = SeriesStats.ratioOfSums(dc, c) {
            first = "Delivered \(ChartText.percent(sayDo)) of committed work"
        } else if !SeriesStats.present(d).isEmpty {
            let total = SeriesStats.present(d).map(\.value).reduce(0, +)
            first = "Delivered \(ChartText.amount(total, mode)) in \(ChartText.count(n, periodNoun))"
        } else {
            return "No planned or delivered work recorded in \(ChartText.count(n, periodNoun))"
        }
        let creep = a.suffix(3)
        if creep.count == 3, creep.allSatisfy({ $0 != nil }) {
            let v = creep.map { $0! }
            if v[0] < v[1] && v[1] < v[2] { return first + "; creep grew in the last 3 \(ChartText.plural(periodNoun))" }
            if v[0] > v[1] && v[1] > v[2] { return first + "; creep fell in the last 3 \(ChartText.plural(periodNoun))" }
        }
        if let creepPercent = SeriesStats.ratioOfSums(a, c) {
            first += creepPercent == 0 ? "; no scope creep" : "; creep added \(ChartText.percent(creepPercent)) to the commitment"
        }
        return first
    }

    /// "Delivered work rose from 21 to 34 story points over 6 sprints".
    static func describe(_ d: [Double?], labels: [String], mode: ComputationMode, periodNoun: String,
                         span: ChartSpan? = nil) -> String {
        let present = SeriesStats.present(d)
        let over = (span ?? .all(d.count)).over(periodNoun)
        guard let first = present.first, let last = present.last else {
            return "No delivered work recorded in \(over)."
        }
        if present.count == 1 {
            return "Delivered \(ChartText.amount(first.value, mode)) in \(labels[first.index])."
        }
        let f = NumberFormat.amount
        let verb = f(last.value) == f(first.value) ? "stayed at \(f(first.value))"
            : (last.value > first.value ? "rose" : "fell") + " from \(f(first.value)) to \(f(last.value))"
        if verb.hasPrefix("stayed") {
            return "Delivered work \(verb) \(mode.unitName) from the first to the last of \(over)."
        }
        return "Delivered work \(verb) \(mode.unitName) over \(over)."
    }
}
