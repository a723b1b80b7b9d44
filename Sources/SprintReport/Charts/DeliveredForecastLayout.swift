/// Delivered work per period, its 3-period rolling average, and the forecast band
/// (25th–75th percentile, median marked) in a trailing "next" slot.
enum DeliveredForecastLayout {
    static func make(_ points: [SeriesPoint], forecast: Forecast?, mode: ComputationMode, periodNoun: String,
                     idPrefix: String, span: ChartSpan? = nil, parts: ChartParts = .all) -> ChartLayout {
        let span = span ?? .all(points.count)
        let all = points.map { $0.chartValue(.totalWorkDelivered) }
        let tablePoints = points[span.tableRange]
        let fullLabels = tablePoints.map { ChartText.oneLine($0.period.label) }
        let tableRolling = tablePoints.map { p in p.rolling.flatMap { $0.isFinite ? $0 : nil } }
        let shown = points[span.range]
        let d = shown.map { $0.chartValue(.totalWorkDelivered) }
        let rolling = shown.map { p in p.rolling.flatMap { $0.isFinite ? $0 : nil } }
        let labels = ChartText.shortLabels(shown.map { ChartText.oneLine($0.period.label) })
        let n = shown.count
        let fc = forecast.flatMap { [$0.low, $0.median, $0.high].allSatisfy(\.isFinite) ? $0 : nil }
        var values = d.compactMap { $0 } + rolling.compactMap { $0 }
        if let fc { values += [fc.low, fc.median, fc.high] }
        let averageName = "3-\(periodNoun) average"
        var legend = [
            LegendItem(swatch: .box(cls: "chart-delivered"), text: "Delivered"),
            LegendItem(swatch: .line(cls: "chart-rolling"), text: averageName),
        ]
        if fc != nil { legend.append(LegendItem(swatch: .box(cls: "chart-forecast"), text: "Forecast (middle half of last 6)")) }
        let rangeText = fc.map { "\(NumberFormat.amount($0.low))–\(NumberFormat.amount($0.high))" }
        let trailing = fc.map { _ in CartesianFrame.Trailing(label: "Next", width: 52) }
        let frame = CartesianFrame(labels: labels, values: values, minStep: 1, unit: mode.unitName, legend: legend,
                                   trailing: trailing)
        let bw = max(frame.groupWidth * 0.6, 0.8)
        var barPath = PathData()
        var missing: [ChartMark] = []
        var titles: [String?] = []
        for i in 0..<n {
            guard let v = d[i] else {
                missing.append(frame.missingMark(i, label: labels[i]))
                titles.append(nil)
                continue
            }
            if parts.contains(.hover) {
                var title = "\(labels[i]): delivered \(ChartText.amount(v, mode))"
                if let r = rolling[i] { title += ", \(averageName) \(NumberFormat.amount(r))" }
                titles.append(title)
            }
            if v == 0 { continue }
            let r = frame.bar(x: frame.centers[i], width: bw, from: 0, to: v, cls: "", title: nil)
            barPath.rect(x: r.x, y: r.y, width: r.width, height: r.height)
        }
        var groups = frame.groups
        let bars = (barPath.isEmpty ? [] : [ChartMark.path(PathMark(d: barPath.text, cls: "chart-delivered"))]) + missing
        groups.append(MarkGroup(cls: "chart-bars", marks: bars))
        let pts: [(x: Double, y: Double)?] = (0..<n).map { i in rolling[i].map { (frame.centers[i], frame.y($0)) } }
        var line: [ChartMark] = []
        let d3 = LinePath.d(pts)
        if !d3.isEmpty {
            // A halo in the background colour keeps the line readable where it crosses bars.
            line.append(.path(PathMark(d: d3, cls: "chart-halo")))
            line.append(.path(PathMark(d: d3, cls: "chart-rolling")))
        }
        var dots = PathData()
        for i in LinePath.isolated(pts) { dots.dot(pts[i]!.x, pts[i]!.y) }
        if !dots.isEmpty { line.append(.path(PathMark(d: dots.text, cls: "chart-rolling-dot"))) }
        groups.append(MarkGroup(cls: "chart-lines", marks: line))
        if let fc, let x = frame.trailingCenter {
            let w = min(frame.trailingWidth * 0.7, 36.0)
            let title = "Next \(periodNoun) forecast: \(rangeText!) \(mode.unitName), median \(NumberFormat.amount(fc.median))"
            var marks: [ChartMark] = [
                .rect(frame.bar(x: x, width: w, from: fc.low, to: fc.high, cls: "chart-forecast", title: title)),
                .line(LineMark(x1: x - w / 2, y1: frame.y(fc.median), x2: x + w / 2, y2: frame.y(fc.median), cls: "chart-forecast-median")),
            ]
            let fs = CartesianFrame.tickFontSize
            let labelW = TextMetrics.width(rangeText!, fontSize: fs)
            let lx = min(x, CartesianFrame.width - 2 - labelW / 2)
            marks.append(.text(TextMark(x: lx, y: max(frame.y(fc.high) - 5, frame.top - 2), text: rangeText!, cls: "chart-label",
                                        fontSize: fs, anchor: .middle)))
            groups.append(MarkGroup(cls: "chart-forecast-band", marks: marks))
        }
        if parts.contains(.hover) { groups.append(frame.hoverAreas(titles)) }
        let heading: String
        let present = SeriesStats.present(d)
        let allPresent = SeriesStats.present(all)
        if let fc {
            heading = "Next \(periodNoun): \(rangeText!) \(mode.unitName) expected (median \(NumberFormat.amount(fc.median)))"
        } else if !allPresent.isEmpty {
            let mean = allPresent.map(\.value).reduce(0, +) / Double(allPresent.count)
            heading = "Delivered \(ChartText.amount(mean, mode)) per \(periodNoun) on average"
        } else {
            heading = "No delivered work recorded in \(ChartText.count(span.total, periodNoun))"
        }
        var description = "Delivered work per \(periodNoun) over \(span.over(periodNoun))"
        if let last = present.last { description += ", last \(ChartText.amount(last.value, mode))" }
        if let r = rolling.compactMap({ $0 }).last { description += ", \(averageName) \(NumberFormat.amount(r))" }
        if fc != nil {
            description += "; the forecast is the middle half of the last 6 \(ChartText.plural(periodNoun))"
        } else if allPresent.count < 3 {
            description += "; too few \(ChartText.plural(periodNoun)) for a forecast"
        }
        description += "."
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading, description: description, groups: groups)
        guard parts.contains(.table) else { return ChartLayout(geometry: geometry, heading: heading, table: .omitted) }
        var rows = tablePoints.indices.map { i in
            [fullLabels[i - tablePoints.startIndex], NumberFormat.amount(tablePoints[i].chartValue(.totalWorkDelivered)),
             NumberFormat.amount(tableRolling[i - tablePoints.startIndex])]
        }
        if let fc {
            rows.append(["Next \(periodNoun) (forecast)", "\(rangeText!), median \(NumberFormat.amount(fc.median))", NumberFormat.undefined])
        }
        let table = ChartTable(caption: "Delivered work per \(periodNoun) (\(mode.unitName))",
                               columns: [ChartText.capitalised(periodNoun), "Delivered", ChartText.capitalised(averageName)], rows: rows)
        return ChartLayout(geometry: geometry, heading: heading, table: table)
    }
}
