/// Say/do % heatmap: rows (teams and nodes, indented by depth) × columns (months); a
/// single-hue sequential scale of five steps with the number printed in every cell, `—`
/// for an empty one. Wide grids grow the viewBox rather than shrink the cells.
enum HeatmapLayout {
    static let fontSize = 11.0
    static let rowHeight = 22.0
    static let minCellWidth = 34.0
    /// Few columns do not stretch into wide blocks: the chart gets narrower instead.
    static let maxCellWidth = 60.0
    static let indentStep = 12.0
    /// Lower limits of steps 1–4 (step 0 is below 40 %).
    static let steps: [Double] = [40, 55, 70, 85]

    static func step(_ v: Double) -> Int { steps.lastIndex(where: { v >= $0 }).map { $0 + 1 } ?? 0 }

    static func make(rows: [HeatmapRow], columns: [String], title: String, idPrefix: String) -> ChartLayout {
        let fs = fontSize
        let cols = columns.map(ChartText.oneLine)
        let labels = rows.map { ChartText.oneLine($0.label) }
        let indents = rows.map { Double(min(max($0.indent, 0), 8)) * indentStep }
        let naturalLabel = zip(labels, indents).map { TextMetrics.width($0, fontSize: fs) + $1 }.max() ?? 0
        let labelWidth = min(max(naturalLabel + 12, 60), 200)
        let cellWidth = min(maxCellWidth, max(minCellWidth, (CartesianFrame.width - labelWidth - 2) / Double(max(cols.count, 1))))
        let width = labelWidth + cellWidth * Double(cols.count) + 2
        // Key: the unit once, then the steps.
        let unit = "Say/do %"
        var marks: [ChartMark] = [.text(TextMark(x: 2, y: 14, text: unit, cls: "chart-unit", fontSize: fs))]
        var keyItems = (0...steps.count).map { k -> LegendItem in
            let text = k == 0 ? "< \(Int(steps[0]))" : k == steps.count ? "≥ \(Int(steps[k - 1]))" : "\(Int(steps[k - 1]))–\(Int(steps[k]))"
            return LegendItem(swatch: .box(cls: "chart-heat-\(k)"), text: text)
        }
        keyItems.append(LegendItem(swatch: .box(cls: "chart-heat-empty"), text: "— no committed work"))
        let key = Legend.layout(keyItems, startX: 2 + TextMetrics.width(unit, fontSize: fs) + 14, maxX: width - 2,
                                firstBaseline: 14, rowHeight: 17, fontSize: fs)
        marks += key.marks
        var groups = [MarkGroup(cls: "chart-key", marks: marks)]
        // Column header, thinned like a period axis.
        let headerBaseline = 14 + Double(key.rows - 1) * 17 + 22
        let shown = cols.map { TextMetrics.truncateMiddle($0, fontSize: fs, maxWidth: 110) }
        let widest = shown.map { TextMetrics.width($0, fontSize: fs) }.max() ?? 0
        let k = Int(clamping: ((widest + PeriodAxis.gap) / cellWidth).rounded(.up), to: 1...PeriodAxis.maxStride)
        var header: [ChartMark] = []
        for j in PeriodAxis.thin(cols.count, k) {
            let cx = labelWidth + cellWidth * (Double(j) + 0.5)
            let w = TextMetrics.width(shown[j], fontSize: fs)
            header.append(.text(TextMark(x: PeriodAxis.clampedCenter(cx, width: w, chartWidth: width), y: headerBaseline,
                                         text: shown[j], cls: "chart-tick", fontSize: fs, anchor: .middle,
                                         title: shown[j] == cols[j] ? nil : cols[j])))
        }
        groups.append(MarkGroup(cls: "chart-x-axis", marks: header))
        let top = headerBaseline + 8
        for (r, row) in rows.enumerated() {
            let y = top + rowHeight * Double(r)
            let text = TextMetrics.truncateMiddle(labels[r], fontSize: fs, maxWidth: labelWidth - 10 - indents[r])
            groups.append(MarkGroup(cls: "chart-heat-label", href: row.href, marks: [
                .text(TextMark(x: 2 + indents[r], y: y + rowHeight / 2 + fs * 0.35, text: text, cls: "chart-row-label", fontSize: fs,
                               title: text == labels[r] ? nil : labels[r])),
            ]))
            var cells: [ChartMark] = []
            for j in cols.indices {
                let v = j < row.cells.count ? row.cells[j].flatMap { $0.isFinite ? $0 : nil } : nil
                let x = labelWidth + cellWidth * Double(j)
                let cls = v.map { "chart-heat-\(step($0))" } ?? "chart-heat-empty"
                let title = "\(labels[r]), \(cols[j]): " + (v.map { "say/do \(NumberFormat.percent($0))" } ?? "no say/do figure (no committed work)")
                cells.append(.rect(RectMark(x: x + 1, y: y + 1, width: cellWidth - 2, height: rowHeight - 2, cls: cls, title: title)))
                cells.append(.text(TextMark(x: x + cellWidth / 2, y: y + rowHeight / 2 + fs * 0.35,
                                            text: v.map { NumberFormat.fixed($0, 0) } ?? NumberFormat.undefined,
                                            cls: v.map { "chart-heat-text-\(step($0))" } ?? "chart-heat-text-empty", fontSize: fs, anchor: .middle)))
            }
            groups.append(MarkGroup(cls: "chart-heat-cells", marks: cells))
        }
        let height = top + rowHeight * Double(rows.count) + 4
        let geometry = ChartGeometry(width: width, height: height, idPrefix: idPrefix, title: ChartText.oneLine(title),
                                     description: describe(rows, labels: labels, columns: cols), groups: groups)
        let table = ChartTable(caption: "Say/do % (committed work delivered) by row and month",
                               columns: ["Team or group"] + cols,
                               rows: rows.enumerated().map { r, row in
                                   [labels[r]] + cols.indices.map { j in NumberFormat.percent(j < row.cells.count ? row.cells[j] : nil) }
                               })
        return ChartLayout(geometry: geometry, heading: geometry.title, table: table)
    }

    static func describe(_ rows: [HeatmapRow], labels: [String], columns: [String]) -> String {
        var cells: [(v: Double, r: Int, c: Int)] = []
        var empty = 0
        for (r, row) in rows.enumerated() {
            for c in columns.indices {
                if c < row.cells.count, let v = row.cells[c], v.isFinite { cells.append((v, r, c)) } else { empty += 1 }
            }
        }
        var s = "Say/do % of \(ChartText.count(rows.count, "row")) over \(ChartText.count(columns.count, "column"))"
        if let lo = cells.min(by: { $0.v < $1.v }), let hi = cells.max(by: { $0.v < $1.v }) {
            s += ", from \(ChartText.percent(lo.v)) (\(labels[lo.r]), \(columns[lo.c])) to \(ChartText.percent(hi.v)) (\(labels[hi.r]), \(columns[hi.c]))"
        }
        if empty > 0 { s += "; \(ChartText.count(empty, "cell")) without committed work" }
        return s + "."
    }
}
