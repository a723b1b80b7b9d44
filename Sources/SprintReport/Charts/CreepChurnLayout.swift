/// Scope creep % and churn % per period: two lines with different dash patterns, each
/// labelled directly at its right end.
enum CreepChurnLayout {
    static func make(_ points: [SeriesPoint], periodNoun: String, idPrefix: String, span: ChartSpan? = nil,
                     parts: ChartParts = .all) -> ChartLayout {
        let span = span ?? .all(points.count)
        let allCreep = points.map { $0.chartValue(.scopeCreepPercent) }
        let allChurn = points.map { $0.chartValue(.churnRate) }
        let allC = points.map { $0.chartValue(.sprintCommit) }, allA = points.map { $0.chartValue(.sprintCreep) }
        let shown = points[span.range]
        let creep = Array(allCreep[span.range]), churn = Array(allChurn[span.range])
        let c = Array(allC[span.range]), a = Array(allA[span.range])
        let labels = ChartText.shortLabels(shown.map { ChartText.oneLine($0.period.label) })
        let n = shown.count
        let hasChurn = churn.contains { $0 != nil }
        let fs = CartesianFrame.tickFontSize
        let names = ["Scope creep", "Churn"]
        let labelWidth = names.map { TextMetrics.width($0, fontSize: fs) }.max()! + 8
        let frame = CartesianFrame(labels: labels, values: creep.compactMap { $0 } + churn.compactMap { $0 }, minStep: 1,
                                   unit: "% of committed work", legend: [], rightLabelWidth: labelWidth)
        var groups = frame.groups
        var marks = (0..<n).filter { creep[$0] == nil && churn[$0] == nil }.map { frame.missingMark($0, label: labels[$0]) }
        marks += SeriesLine.marks(creep, frame: frame, cls: "chart-creep")
        if hasChurn { marks += SeriesLine.marks(churn, frame: frame, cls: "chart-churn") }
        let titles: [String?] = !parts.contains(.hover) ? [] : (0..<n).map { i in
            var parts: [String] = []
            if let v = creep[i] {
                var t = "scope creep \(NumberFormat.percent(v))"
                if let a = a[i], let c = c[i] { t += " (\(NumberFormat.amount(a)) added to \(NumberFormat.amount(c)) committed)" }
                parts.append(t)
            }
            if let h = churn[i] { parts.append("churn \(NumberFormat.percent(h))") }
            return parts.isEmpty ? nil : "\(labels[i]): " + parts.joined(separator: ", ")
        }
        var items: [(y: Double, text: String, cls: String)] = []
        if let last = SeriesStats.present(creep).last { items.append((frame.y(last.value), names[0], "chart-label chart-creep-label")) }
        if let last = SeriesStats.present(churn).last { items.append((frame.y(last.value), names[1], "chart-label chart-churn-label")) }
        marks += DirectLabels.place(items, x: frame.right + 6, top: frame.top, bottom: frame.bottom, fontSize: fs)
        groups.append(MarkGroup(cls: "chart-lines", marks: marks))
        if parts.contains(.hover) { groups.append(frame.hoverAreas(titles)) }
        let overall = SeriesStats.ratioOfSums(allA, allC) ?? SayDoLayout.mean(allCreep)
        let present = SeriesStats.present(creep)
        let allPresent = SeriesStats.present(allCreep)
        var heading: String
        if let overall {
            heading = overall == 0 ? "No scope creep" : "Scope creep added \(ChartText.percent(overall)) to commitments"
            if let hi = allPresent.max(by: { $0.value < $1.value }), allPresent.count > 1, hi.value > 0 {
                heading += "; highest \(ChartText.percent(hi.value)) in \(ChartText.oneLine(points[hi.index].period.label))"
            }
        } else {
            heading = "No scope creep figures"
        }
        var description = "Scope creep %" + (hasChurn ? " and churn %" : "") + " per \(periodNoun) over \(span.over(periodNoun))"
        if !hasChurn { description += " (churn not in the data)" }
        if let last = present.last {
            description += "; last creep \(ChartText.percent(last.value))"
            if hasChurn, let h = SeriesStats.present(churn).last { description += ", last churn \(ChartText.percent(h.value))" }
        }
        description += "."
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading, description: description, groups: groups)
        guard parts.contains(.table) else { return ChartLayout(geometry: geometry, heading: heading, table: .omitted) }
        let table = ChartTable(caption: "Scope creep % and churn % per \(periodNoun) (percent of committed work)",
                               columns: [ChartText.capitalised(periodNoun), "Scope creep %", "Churn %"],
                               rows: span.tableRange.map { i in
                                   [ChartText.oneLine(points[i].period.label), NumberFormat.percent(allCreep[i]),
                                    NumberFormat.percent(allChurn[i])]
                               })
        return ChartLayout(geometry: geometry, heading: heading, table: table)
    }
}
