/// Say/do % per row (a team or an org-tree node) per calendar month (ratio of sums of the
/// month's periods, aligned by the period's end date as in `docs/metrics.md#rolled-up-groups` (the heatmap: `docs/metrics.md#figures-on-the-pages`)): the index
/// page's heatmap.
enum SayDoHeatmap {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// One row per team.
    static func data(_ teams: [TeamReport]) -> (rows: [HeatmapRow], columns: [String]) {
        data(teams.map { HeatmapRow.Labelled(label: $0.team.name, indent: 0, points: $0.series) })
    }

    /// One row per labelled series (teams, or groups of an org too big for a row per team).
    static func data(_ series: [HeatmapRow.Labelled]) -> (rows: [HeatmapRow], columns: [String]) {
        var months = Set<Day>()
        for s in series { for p in s.points { if let d = p.period.alignmentDay { months.insert(d.monthStart) } } }
        let ordered = months.sorted()
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        let rows = series.map { s in
            var dc = [Double](repeating: 0, count: ordered.count)
            var c = [Double](repeating: 0, count: ordered.count)
            for p in s.points {
                guard let day = p.period.alignmentDay, let i = index[day.monthStart],
                      let pc = p.values[.sprintCommit], let pdc = p.values[.deliveredCommit] else { continue }
                c[i] += pc
                dc[i] += pdc
            }
            let cells: [Double?] = ordered.indices.map { c[$0] > 0 ? 100 * dc[$0] / c[$0] : nil }
            // No links inside the chart: an `<svg role="img">` must not hold focusable
            // elements (the org table above links every row).
            return HeatmapRow(label: s.label, href: nil, indent: s.indent, cells: cells)
        }
        let labels = ordered.map { "\(monthNames[$0.month - 1]) \($0.year)" }
        return (rows, labels)
    }
}

extension HeatmapRow {
    /// A heatmap row before its cells are computed: a label, its indent and its periods.
    struct Labelled {
        var label: String
        var indent: Int
        var points: [SeriesPoint]
    }
}
