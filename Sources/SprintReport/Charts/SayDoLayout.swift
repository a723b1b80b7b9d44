/// Say/do % (committed work delivered %) per period against the band thresholds,
/// each threshold a dashed line labelled with its band at the right.
enum SayDoLayout {
    static func make(_ points: [SeriesPoint], limits: BandThresholds.Limits, periodNoun: String, idPrefix: String,
                     span: ChartSpan? = nil, parts: ChartParts = .all) -> ChartLayout {
        let span = span ?? .all(points.count)
        let allP = points.map { $0.chartValue(.committedWorkDeliveredPercent) }
        let allC = points.map { $0.chartValue(.sprintCommit) }, allDC = points.map { $0.chartValue(.deliveredCommit) }
        let shown = points[span.range]
        let p = Array(allP[span.range]), c = Array(allC[span.range]), dc = Array(allDC[span.range])
        let labels = ChartText.shortLabels(shown.map { ChartText.oneLine($0.period.label) })
        let n = shown.count
        let cmp = limits.higherIsBetter ? "≥" : "≤"
        let thresholds: [(Band, Double)] = [(.elite, limits.elite), (.high, limits.high), (.medium, limits.medium)]
        let thresholdTexts = thresholds.map { "\($0.0.rawValue) \(cmp) \(NumberFormat.fixed($0.1, NiceScale.decimals(of: $0.1)))" }
        let fs = CartesianFrame.tickFontSize
        let labelWidth = (thresholdTexts.map { TextMetrics.width($0, fontSize: fs) }.max() ?? 0) + 8
        let frame = CartesianFrame(labels: labels, values: p.compactMap { $0 } + [100] + thresholds.map(\.1), minStep: 1,
                                   unit: "% of committed work delivered", legend: [], rightLabelWidth: labelWidth)
        var groups = frame.groups
        var items: [(y: Double, text: String, cls: String)] = []
        var rules = PathData()
        for (k, (band, limit)) in thresholds.enumerated() {
            let y = frame.y(limit)
            rules.horizontal(from: frame.left, to: frame.right, y: y)
            items.append((y, thresholdTexts[k], "chart-threshold-label chart-band-\(band.rawValue.lowercased())"))
        }
        var lines: [ChartMark] = [.path(PathMark(d: rules.text, cls: "chart-threshold"))]
        lines += DirectLabels.place(items, x: frame.right + 6, top: frame.top, bottom: frame.bottom, fontSize: fs)
        groups.append(MarkGroup(cls: "chart-thresholds", marks: lines))
        let missing = (0..<n).filter { p[$0] == nil }.map { frame.missingMark($0, label: labels[$0]) }
        groups.append(MarkGroup(cls: "chart-lines", marks: missing + SeriesLine.marks(p, frame: frame, cls: "chart-saydo")))
        if parts.contains(.hover) {
            groups.append(frame.hoverAreas((0..<n).map { i in
                p[i].map { v in
                    var t = "\(labels[i]): \(NumberFormat.percent(v)) of committed work delivered"
                    if let dc = dc[i], let c = c[i] { t += " (\(NumberFormat.amount(dc)) of \(NumberFormat.amount(c)))" }
                    return t + ", \(band(v, limits).rawValue)"
                }
            }))
        }
        let overall = SeriesStats.ratioOfSums(allDC, allC) ?? mean(allP)
        let allPresent = SeriesStats.present(allP)
        let present = SeriesStats.present(p)
        let heading: String
        if let overall {
            let elite = allPresent.filter { band($0.value, limits) == .elite }.count
            let times = elite == 0 ? "none" : "\(elite)"
            heading = "Say/do \(ChartText.percent(overall)) overall (\(band(overall, limits).rawValue)); Elite in \(times) of \(ChartText.count(allPresent.count, periodNoun))"
        } else {
            heading = "No say/do figures: no committed work recorded"
        }
        let description: String
        if let lo = present.min(by: { $0.value < $1.value }), let hi = present.max(by: { $0.value < $1.value }), let last = present.last {
            description = present.count == 1
                ? "Committed work delivered was \(ChartText.percent(last.value)) in \(labels[last.index]), against the band limits."
                : "Committed work delivered ranged from \(ChartText.percent(lo.value)) to \(ChartText.percent(hi.value)) over \(span.over(periodNoun)), last \(ChartText.percent(last.value)), against the band limits."
        } else {
            description = "No committed work delivered figures in \(span.over(periodNoun))."
        }
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading, description: description, groups: groups)
        guard parts.contains(.table) else { return ChartLayout(geometry: geometry, heading: heading, table: .omitted) }
        let table = ChartTable(caption: "Say/do % (committed work delivered) per \(periodNoun); bands: " + thresholdTexts.joined(separator: ", "),
                               columns: [ChartText.capitalised(periodNoun), "Committed", "Delivered commitment", "Say/do %", "Band"],
                               rows: span.tableRange.map { i in
                                   [ChartText.oneLine(points[i].period.label), NumberFormat.amount(allC[i]),
                                    NumberFormat.amount(allDC[i]), NumberFormat.percent(allP[i]),
                                    allP[i].map { band($0, limits).rawValue } ?? NumberFormat.undefined]
                               })
        return ChartLayout(geometry: geometry, heading: heading, table: table)
    }

    /// The band of a value under these limits.
    static func band(_ v: Double, _ l: BandThresholds.Limits) -> Band {
        if l.higherIsBetter {
            return v >= l.elite ? .elite : v >= l.high ? .high : v >= l.medium ? .medium : .low
        }
        return v <= l.elite ? .elite : v <= l.high ? .high : v <= l.medium ? .medium : .low
    }

    static func mean(_ v: [Double?]) -> Double? {
        let p = v.compactMap { $0 }
        return p.isEmpty ? nil : p.reduce(0, +) / Double(p.count)
    }
}
