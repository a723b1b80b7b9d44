/// The organisation at a glance: headline tiles, the org tree, the say/do heatmap and the
/// count of data-quality findings.
struct IndexSection {
    let settings: PageSettings

    static let slug = SiteLinks.indexSlug

    func context() -> Context {
        let report = settings.report
        var c = settings.headings
        c["sId"] = IndexSection.slug
        c["sTitle"] = settings.title
        let teamCount = Set(report.teams.map(\.team.key)).count
        c["sMeta"] = "\(PageSettings.count(teamCount, "team")) · \(settings.windowText)"
        if report.teams.isEmpty { c["sEmpty"] = "No period of the inputs lies in the window: there is nothing to show." }
        let modes = ComputationMode.allCases.filter { m in report.teams.contains { $0.mode == m } }
        c["sModes"] = modes.map(mode)
        c["sFindingsCount"] = report.findings.count
        c["sFindingsText"] = report.findings.count == 1 ? "1 data-quality finding" : "\(report.findings.count) data-quality findings"
        c["sQualityHref"] = settings.links.quality
        c["sThresholds"] = thresholds.context
        return c
    }

    private func mode(_ mode: ComputationMode) -> Context {
        let report = settings.report
        let m = PageSettings.modeId(mode)
        let prefix = "\(IndexSection.slug)-\(m)-"
        let teams = report.teams.filter { $0.mode == mode }
        let tree = TreeRows(report: report, mode: mode, links: settings.links, templates: settings.templates,
                           idPrefix: prefix + "tree-")
        let table = TableModel(id: prefix + "tree", caption: "Every group and team",
                               note: "(\(mode.unitName); band in each cell)", columns: TreeRows.columns,
                               rows: tree.rows(under: []))
        var c: Context = [
            "mId": "\(IndexSection.slug)-\(m)",
            "mTitle": PageSettings.modeTitle(mode),
            "mSummary": "\(PageSettings.count(teams.count, "team")), amounts in \(mode.unitName)",
            "mChildren": table.context,
        ]
        if let root = report.nodes.first(where: { $0.path.isEmpty && $0.mode == mode }) {
            let tiles = TileBuilder(mode: mode, velocityPer: "per sprint", idPrefix: prefix,
                                    templates: settings.templates)
            c["mTiles"] = tiles.tiles(root.summary, series: root.series, teamPoints: settings.teamPoints(under: root))
        }
        let heat = SayDoHeatmap.data(teams, links: settings.links)
        if !heat.columns.isEmpty {
            let chart = ChartKit.heatmap(rows: heat.rows, columns: heat.columns,
                                         title: "Say/do % per team and month", idPrefix: prefix + "heat-",
                                         library: settings.templates.library)
            c["mCharts"] = [FigureView.context(chart, id: prefix + "heatmap", wide: true)]
        }
        return c
    }

    private var thresholds: TableModel {
        let t = settings.report.thresholds
        let names: [(BandedFigure, String)] = [
            (.sayDoPercent, "Say/do %"), (.scopeCreepPercent, "Scope creep %"),
            (.totalDeliveredPercent, "Delivered %"), (.coefficientOfVariation, "Predictability (CV)"),
        ]
        let rows: [[TableCell]] = names.compactMap { figure, name in
            guard let l = t.limits[figure] else { return nil }
            let f: (Double) -> String = figure == .coefficientOfVariation ? { NumberFormat.ratio($0) }
                : { NumberFormat.fixed($0, 0) }
            let better = l.higherIsBetter ? "≥" : "≤"
            let worse = l.higherIsBetter ? "<" : ">"
            return [TableCell(text: name, header: true),
                    .number("\(better) \(f(l.elite))"), .number("\(better) \(f(l.high))"),
                    .number("\(better) \(f(l.medium))"), .number("\(worse) \(f(l.medium))")]
        }
        return TableModel(id: "band-thresholds", caption: "Band thresholds used in this report", note: nil,
                          columns: [("Figure", false), ("Elite", true), ("High", true), ("Medium", true), ("Low", true)],
                          rows: rows)
    }
}
