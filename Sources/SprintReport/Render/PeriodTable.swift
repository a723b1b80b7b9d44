/// The table of every period with every metric present (derived values marked, missing as —),
/// the rolling average and the export's extra numeric columns.
enum PeriodTable {
    static func model(_ series: [SeriesPoint], extraMetrics: [String], mode: ComputationMode, noun: String,
                      id: String) -> TableModel {
        var present = MetricSet()
        for p in series { present.bits |= p.values.present.bits }
        let metrics = Metric.allCases.filter { present.contains($0) }
        let extras = extraMetrics.indices.filter { i in
            series.contains { i < $0.extras.count && !$0.extras[i].isNaN }
        }
        let hasDates = series.contains { $0.period.start != nil || $0.period.end != nil }
        var columns: [(label: String, numeric: Bool)] = [(noun.prefix(1).uppercased() + noun.dropFirst(), false)]
        if hasDates { columns += [("Start", false), ("End", false)] }
        columns += metrics.map { ($0.displayName, true) }
        columns.append(("Rolling mean of delivered (3)", true))
        columns += extras.map { (extraMetrics[$0], true) }
        var anyDerived = false
        let rows: [[TableCell]] = series.map { p in
            // The row header stays on one line through `.num-cols th` in site.css, not a class per row.
            var cells: [TableCell] = []
            cells.reserveCapacity(columns.count)
            cells.append(TableCell(text: p.period.label, header: true))
            if hasDates {
                cells.append(TableCell(text: p.period.start?.description ?? NumberFormat.undefined, nowrap: true))
                cells.append(TableCell(text: p.period.end?.description ?? NumberFormat.undefined, nowrap: true))
            }
            for m in metrics {
                let text = NumberFormat.value(p.values[m], of: m)
                // Each cell made in its place in the row (a cell built, changed, then appended
                // was copied and destroyed: two of each per value of the table).
                if p.derived.contains(m) && p.values[m] != nil {
                    cells.append(TableCell(text: text, numeric: true, title: "derived from the other figures, not exported",
                                           mark: "*", muted: true))
                    anyDerived = true
                } else {
                    cells.append(.number(text, undefinedReason: "not in the export"))
                }
            }
            cells.append(.number(NumberFormat.amount(p.rolling), undefinedReason: "no delivered work yet"))
            for i in extras {
                let x = i < p.extras.count ? p.extras[i] : .nan
                cells.append(.number(NumberFormat.amount(x.isNaN ? nil : x), undefinedReason: "not in the export"))
            }
            return cells
        }
        var note = "Amounts in \(mode.unitName). — means missing or undefined."
        if anyDerived { note += " * marks a value derived from the other figures (not exported)." }
        return TableModel(id: id, caption: "Every \(noun), every metric", note: note, columns: columns, rows: rows)
    }
}
