/// Planned vs delivered per period: two stacked bars per period (planned = commit + creep,
/// delivered = delivered commit + delivered creep; creep hatched) and the least-squares
/// trend of delivered work.
enum PlannedVsDeliveredLayout {
    static func make(_ points: [SeriesPoint], mode: ComputationMode, periodNoun: String, idPrefix: String) -> ChartLayout {
        let c = points.map { $0.chartValue(.sprintCommit) }, a = points.map { $0.chartValue(.sprintCreep) }
        let s = points.map { $0.chartValue(.sprintSize) }
        let dc = points.map { $0.chartValue(.deliveredCommit) }, da = points.map { $0.chartValue(.deliveredCreep) }
        let d = points.map { $0.chartValue(.totalWorkDelivered) }
        let labels = points.map { ChartText.oneLine($0.period.label) }
        let trend = SeriesStats.trend(d)
        let n = points.count
        var scaleValues: [Double] = []
        for i in 0..<n {
            scaleValues += [c[i], a[i], s[i], d[i], dc[i], da[i]].compactMap { $0 }
            scaleValues.append((c[i] ?? 0) + (a[i] ?? 0))
            scaleValues.append((dc[i] ?? 0) + (da[i] ?? 0))
        }
        if let trend { scaleValues += [trend.intercept, trend.intercept + trend.slope * Double(max(n - 1, 0))] }
        let plannedHatch = "\(idPrefix)-hatch-planned", deliveredHatch = "\(idPrefix)-hatch-delivered"
        var legend = [
            LegendItem(swatch: .box(cls: "chart-planned", fill: nil), text: "Committed"),
            LegendItem(swatch: .box(cls: "chart-planned-creep", fill: "url(#\(plannedHatch))"), text: "Creep"),
            LegendItem(swatch: .box(cls: "chart-delivered", fill: nil), text: "Delivered commitment"),
            LegendItem(swatch: .box(cls: "chart-delivered-creep", fill: "url(#\(deliveredHatch))"), text: "Delivered creep"),
        ]
        if trend != nil { legend.append(LegendItem(swatch: .line(cls: "chart-trend"), text: "Trend of delivered")) }
        let frame = CartesianFrame(labels: labels, values: scaleValues, minStep: 1, unit: mode.unitName, legend: legend)
        let bw = max(frame.groupWidth / 2 - 0.5, 0.6)
        var bars: [ChartMark] = []
        for i in 0..<n {
            if [c[i], a[i], s[i], dc[i], da[i], d[i]].allSatisfy({ $0 == nil }) {
                bars.append(frame.missingMark(i, label: labels[i]))
                continue
            }
            let planned = plannedTitle(labels[i], c[i], a[i], s[i], mode)
            let delivered = deliveredTitle(labels[i], dc[i], da[i], d[i], mode)
            let xp = frame.centers[i] - bw / 2 - 0.5, xd = frame.centers[i] + bw / 2 + 0.5
            bars += stack(frame, x: xp, width: bw, base: c[i], top: a[i], total: s[i], cls: "chart-planned",
                          hatch: plannedHatch, title: planned)
            bars += stack(frame, x: xd, width: bw, base: dc[i], top: da[i], total: d[i], cls: "chart-delivered",
                          hatch: deliveredHatch, title: delivered)
        }
        var groups = frame.groups
        groups.append(MarkGroup(cls: "chart-bars", marks: bars))
        if let trend, let first = d.firstIndex(where: { $0 != nil }), let last = d.lastIndex(where: { $0 != nil }) {
            let p0 = (frame.centers[first], frame.y(trend.intercept + trend.slope * Double(first)))
            let p1 = (frame.centers[last], frame.y(trend.intercept + trend.slope * Double(last)))
            let sign = trend.slope >= 0 ? "+" : ""
            let title = "Trend of delivered work: \(sign)\(NumberFormat.amount(trend.slope)) \(mode.unitName) per \(periodNoun)"
            let d = LinePath.d([p0, p1])
            groups.append(MarkGroup(cls: "chart-lines", marks: [.path(PathMark(d: d, cls: "chart-halo")),
                                                                 .path(PathMark(d: d, cls: "chart-trend", title: title))]))
        }
        let description = describe(d, labels: labels, mode: mode, periodNoun: periodNoun)
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading(c: c, a: a, dc: dc, d: d, mode: mode, periodNoun: periodNoun),
                                     description: description,
                                     hatches: [Hatch(id: plannedHatch, cls: "chart-hatch-planned"),
                                               Hatch(id: deliveredHatch, cls: "chart-hatch-delivered")],
                                     groups: groups)
        let noun = ChartText.capitalised(periodNoun)
        let f = NumberFormat.amount
        let table = ChartTable(
            caption: "Planned and delivered work per \(periodNoun) (\(mode.unitName))",
            columns: [noun, "Committed", "Creep", "Planned", "Delivered commitment", "Delivered creep", "Delivered"],
            rows: (0..<n).map { i in [labels[i], f(c[i]), f(a[i]), f(s[i] ?? sum(c[i], a[i])), f(dc[i]), f(da[i]), f(d[i] ?? sum(dc[i], da[i]))] })
        return ChartLayout(geometry: geometry, heading: geometry.title, table: table)
    }

    /// x + y when both are present.
    static func sum(_ x: Double?, _ y: Double?) -> Double? {
        guard let x, let y else { return nil }
        return x + y
    }

    /// A stacked bar: the solid base, the hatched top on it; only the total when the parts are missing.
    /// The title (the whole stack's figures) goes on the base only, or on the top when there is no
    /// base: the same sentence twice per bar was ≈ 15 % of a 78-sprint team page.
    static func stack(_ frame: CartesianFrame, x: Double, width: Double, base: Double?, top: Double?, total: Double?,
                      cls: String, hatch: String, title: String) -> [ChartMark] {
        var marks: [ChartMark] = []
        if base == nil && top == nil {
            if let total, total != 0 {
                marks.append(.rect(frame.bar(x: x, width: width, from: 0, to: total, cls: cls, title: title)))
            }
            return marks
        }
        let b = base ?? 0
        if b != 0 { marks.append(.rect(frame.bar(x: x, width: width, from: 0, to: b, cls: cls, title: title))) }
        if let top, top != 0 {
            marks.append(.rect(frame.bar(x: x, width: width, from: b, to: b + top, cls: cls + "-creep", fill: "url(#\(hatch))",
                                         title: b == 0 ? title : nil)))
        }
        return marks
    }

    static func plannedTitle(_ label: String, _ c: Double?, _ a: Double?, _ s: Double?, _ mode: ComputationMode) -> String {
        let f = NumberFormat.amount
        return "\(label): planned \(f(s ?? sum(c, a))) \(mode.unitName) (committed \(f(c)) + creep \(f(a)))"
    }

    static func deliveredTitle(_ label: String, _ dc: Double?, _ da: Double?, _ d: Double?, _ mode: ComputationMode) -> String {
        let f = NumberFormat.amount
        return "\(label): delivered \(f(d ?? sum(dc, da))) \(mode.unitName) (of the commitment \(f(dc)) + of the creep \(f(da)))"
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
    static func describe(_ d: [Double?], labels: [String], mode: ComputationMode, periodNoun: String) -> String {
        let present = SeriesStats.present(d)
        let n = d.count
        guard let first = present.first, let last = present.last else {
            return "No delivered work recorded in \(ChartText.count(n, periodNoun))."
        }
        if present.count == 1 {
            return "Delivered \(ChartText.amount(first.value, mode)) in \(labels[first.index])."
        }
        let f = NumberFormat.amount
        let verb = f(last.value) == f(first.value) ? "stayed at \(f(first.value))"
            : (last.value > first.value ? "rose" : "fell") + " from \(f(first.value)) to \(f(last.value))"
        if verb.hasPrefix("stayed") {
            return "Delivered work \(verb) \(mode.unitName) from the first to the last of \(ChartText.count(n, periodNoun))."
        }
        return "Delivered work \(verb) \(mode.unitName) over \(ChartText.count(n, periodNoun))."
    }
}
