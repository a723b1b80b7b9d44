/// An org-tree node's page (or section): rollup tiles, children, a monthly chart.
struct NodeSection {
    let settings: PageSettings
    /// The node's reports, one per mode, story points first.
    let reports: [NodeReport]

    var path: [String] { reports[0].path }
    var slug: String { settings.links.nodeSlug(path) }

    func context() -> Context {
        var c = settings.headings
        c["sId"] = slug
        c["sTitle"] = path.last ?? settings.title
        c["sCrumbsOn"] = true
        c["sCrumbs"] = settings.breadcrumb(path, currentIsTeam: false)
        c["sMeta"] = "\(path.joined(separator: "/")) · \(settings.windowText)"
        c["sModes"] = reports.map(mode)
        return c
    }

    private func mode(_ r: NodeReport) -> Context {
        let m = PageSettings.modeId(r.mode)
        let mId = settings.idPrefix(slug) + m
        let prefix = mId + "-"
        let noun = r.rolledUp ? "month" : LatestPeriod.noun(level: .team, series: r.series)
        let lib = settings.templates.library
        let tiles = TileBuilder(mode: r.mode, velocityPer: "per sprint",
                                idPrefix: prefix, templates: settings.templates)
        let tree = TreeRows(report: settings.report, mode: r.mode, links: settings.links, templates: settings.templates,
                           idPrefix: prefix + "tree-", index: settings.index)
        let children = TableModel(id: prefix + "children", caption: "Groups and teams in \(path.last ?? "")",
                                  note: "(\(r.mode.unitName); band in each cell)", columns: TreeRows.columns,
                                  rows: tree.rows(under: path, depth: 1))
        var c: Context = [
            "mId": mId,
            "mTitle": PageSettings.modeTitle(r.mode),
            "mSummary": "\(PageSettings.count(r.teams, "team")), amounts in \(r.mode.unitName)"
                + (r.rolledUp ? ", rolled up from the teams by calendar month" : ", as exported for this group"),
            "mTiles": tiles.tiles(r.summary, series: r.series, teamsBelow: settings.teams(under: r)),
            "mChildren": children.context,
        ]
        if !r.series.isEmpty {
            // The last 26 periods drawn; the data table keeps every one (no other table of them here).
            let span = ChartSpan(total: r.series.count, limit: ChartSpan.pageLimit, tableAll: true,
                                 note: "every \(noun) is in the data table below")
            let chart = ChartKit.plannedVsDelivered(r.series, mode: r.mode, periodNoun: noun, idPrefix: prefix + "pvd-",
                                                    library: lib, span: span)
            c["mCharts"] = [FigureView.context(chart, id: prefix + "chart1")]
        }
        return c
    }
}
