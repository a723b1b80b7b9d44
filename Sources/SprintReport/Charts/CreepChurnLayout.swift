/// Scope creep % and churn % per period: two lines with different dash patterns, each
/// labelled directly at its right end.
enum CreepChurnLayout {
    static func make(_ points: [SeriesPoint], periodNoun: String, idPrefix: String) -> ChartLayout {
        let creep = points.map { $0.chartValue(.scopeCreepPercent) }
        let churn = points.map { $0.chartValue(.churnRate) }
        let c = points.map { $0.chartValue(.sprintCommit) }, a = points.map { $0.chartValue(.sprintCreep) }
        let labels = points.map { ChartText.oneLine($0.period.label) }
        let n = points.count
        let hasChurn = churn.contains { $0 != nil }
        let fs = CartesianFrame.tickFontSize
        let names = ["Scope creep", "Churn"]
        let labelWidth = names.map { TextMetrics.width($0, fontSize: fs) }.max()! + 8
        let frame = CartesianFrame(labels: labels, values: creep.compactMap { $0 } + churn.compactMap { $0 }, minStep: 1,
                                   unit: "% of committed work", legend: [], rightLabelWidth: labelWidth)
        var groups = frame.groups
        var marks = (0..<n).filter { creep[$0] == nil && churn[$0] == nil }.map { frame.missingMark($0, label: labels[$0]) }
        marks += SeriesLine.marks(creep, frame: frame, cls: "chart-creep") { i, v in
            var t = "\(labels[i]): scope creep \(NumberFormat.percent(v))"
            if let a = a[i], let c = c[i] { t += " (\(NumberFormat.amount(a)) added to \(NumberFormat.amount(c)) committed)" }
            if let h = churn[i] { t += ", churn \(NumberFormat.percent(h))" }
            return t
        }
        if hasChurn {
            marks += SeriesLine.marks(churn, frame: frame, cls: "chart-churn") { i, v in
                "\(labels[i]): churn \(NumberFormat.percent(v))" + (creep[i].map { ", scope creep \(NumberFormat.percent($0))" } ?? "")
            }
        }
        var items: [(y: Double, text: String, cls: String)] = []
        if let last = SeriesStats.present(creep).last { items.append((frame.y(last.value), names[0], "chart-label chart-creep-label")) }
        if let last = SeriesStats.present(churn).last { items.append((frame.y(last.value), names[1], "chart-label chart-churn-label")) }
        marks += DirectLabels.place(items, x: frame.right + 6, top: frame.top, bottom: frame.bottom, fontSize: fs)
        groups.append(MarkGroup(cls: "chart-lines", marks: marks))
        let overall = SeriesStats.ratioOfSums(a, c) ?? SayDoLayout.mean(creep)
        let present = SeriesStats.present(creep)
        var heading: String
        if let overall {
            heading = overall == 0 ? "No scope creep" : "Scope creep added \(ChartText.percent(overall)) to commitments"
            if let hi = present.max(by: { $0.value < $1.value }), present.count > 1, hi.value > 0 {
                heading += "; highest \(ChartText.percent(hi.value)) in \(labels[hi.index])"
            }
        } else {
            heading = "No scope creep figures"
        }
        var description = "Scope creep %" + (hasChurn ? " and churn %" : "") + " per \(periodNoun) over \(ChartText.count(n, periodNoun))"
        if !hasChurn { description += " (churn not in the data)" }
        if let last = present.last {
            description += "; last creep \(ChartText.percent(last.value))"
            if hasChurn, let h = SeriesStats.present(churn).last { description += ", last churn \(ChartText.percent(h.value))" }
        }
        description += "."
        let geometry = ChartGeometry(width: CartesianFrame.width, height: frame.height, idPrefix: idPrefix,
                                     title: heading, description: description, groups: groups)
        let table = ChartTable(caption: "Scope creep % and churn % per \(periodNoun) (percent of committed work)",
                               columns: [ChartText.capitalised(periodNoun), "Scope creep %", "Churn %"],
                               rows: (0..<n).map { [labels[$0], NumberFormat.percent(creep[$0]), NumberFormat.percent(churn[$0])] })
        return ChartLayout(geometry: geometry, heading: heading, table: table)
    }
}
