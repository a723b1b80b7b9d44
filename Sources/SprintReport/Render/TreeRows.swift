/// The org tree as table rows, in tree order: nodes (rolled up or with own rows) and teams, indented.
struct TreeRows {
    let report: Report
    let mode: ComputationMode
    let links: SiteLinks
    let idPrefix: String
    /// The tree by path, made once per build (not once per page: `OrgIndex`).
    let index: OrgIndex

    private var nodesByPath: [[String]: NodeReport] { index.nodes[mode] ?? [:] }
    private var teamsByPath: [[String]: [TeamReport]] { index.teams[mode] ?? [:] }

    static let columns: [(label: String, numeric: Bool)] = [
        ("Name", false), ("Velocity", true), ("Say/do", true), ("Scope creep", true), ("Delivered", true),
        ("Predictability (CV)", true), ("Delivered per period", false), ("Teams", true), ("Periods", true),
    ]

    /// Rows under `path` (the whole tree from the root, or one node's direct children);
    /// `teams: false` leaves out the team rows (the index of a big organisation).
    func rows(under path: [String], depth: Int? = nil, teams withTeams: Bool = true) -> [[TableCell]] {
        let nodes = nodesByPath, teams = teamsByPath
        var out: [[TableCell]] = []
        var counter = 0
        func visit(_ path: [String], indent: Int) {
            let children: [[String]]
            if let node = nodes[path] {
                children = node.children
            } else if path.isEmpty {
                // No node reports: teams hang from the root in report order.
                children = report.teams.filter { $0.mode == mode }.map(\.team.path)
            } else {
                children = []
            }
            for child in children {
                if let node = nodes[child] {
                    out.append(row(name: child.last ?? "", href: links.node(child), teams: node.teams,
                                   summary: node.summary, series: node.series, indent: indent, counter: &counter))
                    if depth.map({ indent + 1 < $0 }) ?? true { visit(child, indent: indent + 1) }
                }
                for t in withTeams ? teams[child] ?? [] : [] {
                    out.append(row(name: t.team.name, href: links.team(t.team.key), teams: nil, summary: t.summary,
                                   series: t.series, indent: nodes[child] == nil ? indent : indent + 1,
                                   counter: &counter))
                }
            }
        }
        visit(path, indent: 0)
        return out
    }

    private func row(name: String, href: String, teams: Int?, summary s: WindowSummary, series: [SeriesPoint],
                     indent: Int, counter: inout Int) -> [TableCell] {
        counter += 1
        func banded(_ text: String, _ f: BandedFigure, _ why: String) -> TableCell {
            var c = TableCell.number(text, undefinedReason: why)
            c.band = s.bands[f]
            return c
        }
        let spark = ChartKit.sparkline(series.map { $0.values[.totalWorkDelivered] }, label: "Delivered work of \(name)",
                                       idPrefix: "\(idPrefix)r\(counter)-")
        return [
            TableCell(text: name, header: true, href: href, indent: indent),
            .number(NumberFormat.amount(s.velocity), undefinedReason: "no delivered work"),
            banded(NumberFormat.percent(s.sayDoPercent), .sayDoPercent, "no committed work"),
            banded(NumberFormat.percent(s.scopeCreepPercent), .scopeCreepPercent, "no committed work"),
            banded(NumberFormat.percent(s.totalDeliveredPercent), .totalDeliveredPercent, "no planned work"),
            banded(NumberFormat.ratio(s.coefficientOfVariation), .coefficientOfVariation,
                   "needs 2 periods with delivered work"),
            TableCell(text: "", svg: spark),
            .number(teams.map(String.init) ?? "team"),
            .number(String(s.periods)),
        ]
    }
}
