/// An org-tree node's page (or section): rollup tiles, children, a monthly chart.
struct NodeSection {
    let settings: PageSettings
    /// The node's reports, one per mode, story points first.
    let reports: [NodeReport]

    var path: [String] { reports[0].path }
    var slug: String { settings.links.nodeSlug(path) }

    func context() -> NodeSectionContext {
        let title = path.last ?? settings.title
        return NodeSectionContext(heading: settings.heading, id: slug, title: title,
                                  meta: "\(Team.pathString(path)) · \(settings.windowText)",
                                  breadcrumb: settings.breadcrumb(path, name: title),
                                  modes: reports.map { mode($0, title: title) })
    }

    private func mode(_ r: NodeReport, title: String) -> ModeContext {
        let m = PageSettings.modeId(r.mode)
        let mId = settings.idPrefix(slug) + m
        let prefix = mId + "-"
        let place = PageSettings.place(title, mode: r.mode)
        let noun = r.rolledUp ? "month" : LatestPeriod.noun(level: .team, series: r.series)
        let tiles = TileBuilder(mode: r.mode, periodNoun: noun, total: r.rolledUp ? "all teams' total" : nil,
                                idPrefix: prefix)
        let tree = TreeRows(report: settings.report, mode: r.mode, links: settings.links, idPrefix: prefix + "tree-",
                            index: settings.index)
        let children = TableModel(id: prefix + "children", caption: "Groups and teams in \(path.last ?? "")",
                                  note: "(\(r.mode.unitName); band in each cell)", columns: TreeRows.columns,
                                  rows: tree.rows(under: path, depth: 1))
        let c = ModeContext(id: mId, title: PageSettings.modeTitle(r.mode),
                            summary: "\(PageSettings.count(r.teams, "team")), amounts in \(r.mode.unitName)"
                                + (r.rolledUp ? ", rolled up from the teams by calendar month" : ", as exported for this group"))
        c.tiles = tiles.tiles(r.summary, series: r.series, teamsBelow: settings.teams(under: r),
                              baseline: settings.baseline(of: r), compared: settings.comparison != nil)
        c.tree = children.context(place: place)
        if !r.series.isEmpty {
            // The last 26 periods drawn; the data table keeps every one (no other table of them here).
            let span = ChartSpan(total: r.series.count, limit: ChartSpan.pageLimit, tableAll: true,
                                 note: "every \(noun) is in the data table below")
            let chart = ChartKit.plannedVsDelivered(r.series, mode: r.mode, periodNoun: noun, idPrefix: prefix + "pvd-",
                                                    span: span)
            c.charts = [FigureContext(chart, id: prefix + "chart1", place: place)]
        }
        return c
    }
}
