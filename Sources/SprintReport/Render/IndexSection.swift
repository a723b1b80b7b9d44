/// The organisation at a glance: headline tiles, the org tree, the say/do heatmap and the
/// count of data-quality findings.
struct IndexSection {
    let settings: PageSettings

    static let slug = SiteLinks.indexSlug

    /// Above this many teams the index shows the tree down to the groups only (a row and a
    /// heatmap row per group); each team is listed on its group's page. A row per team
    /// (≈ 1.7 KB with its sparkline, plus a heatmap row) would make the index of a
    /// 2,000-team organisation 35 MB.
    static let teamRowLimit = 40

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
                           idPrefix: prefix + "tree-", index: settings.index)
        let byGroup = teams.count > IndexSection.teamRowLimit
        let table = TableModel(id: prefix + "tree", caption: byGroup ? "Every group" : "Every group and team",
                               note: byGroup ? "(\(mode.unitName); band in each cell; each group's page lists its teams)"
                                   : "(\(mode.unitName); band in each cell)",
                               columns: TreeRows.columns, rows: tree.rows(under: [], teams: !byGroup))
        var c: Context = [
            "mId": "\(IndexSection.slug)-\(m)",
            "mTitle": PageSettings.modeTitle(mode),
            "mSummary": "\(PageSettings.count(teams.count, "team")), amounts in \(mode.unitName)",
            "mChildren": table.context,
        ]
        if let root = report.nodes.first(where: { $0.path.isEmpty && $0.mode == mode }) {
            let tiles = TileBuilder(mode: mode, velocityPer: "per sprint", idPrefix: prefix,
                                    templates: settings.templates)
            c["mTiles"] = tiles.tiles(root.summary, series: root.series, teamsBelow: settings.teams(under: root))
        }
        let heat = byGroup ? SayDoHeatmap.data(groups(mode)) : SayDoHeatmap.data(teams)
        if !heat.columns.isEmpty {
            let chart = ChartKit.heatmap(rows: heat.rows, columns: heat.columns,
                                         title: "Say/do % per \(byGroup ? "group" : "team") and month",
                                         idPrefix: prefix + "heat-",
                                         library: settings.templates.library)
            c["mCharts"] = [FigureView.context(chart, id: prefix + "heatmap", wide: true)]
        }
        return c
    }

    /// The heatmap rows of a big organisation: the org tree's nodes down to the deepest level
    /// that keeps at most `teamRowLimit` rows (for 2,000 teams: the top and its divisions;
    /// every group is in the table above), in tree order, indented by depth.
    private func groups(_ mode: ComputationMode) -> [HeatmapRow.Labelled] {
        let nodes = settings.report.nodes.filter { $0.mode == mode && !$0.path.isEmpty }
            .sorted { $0.path.lexicographicallyPrecedes($1.path) }
        var depth = 1
        while nodes.contains(where: { $0.path.count > depth }),
              nodes.count(where: { $0.path.count <= depth + 1 }) <= IndexSection.teamRowLimit { depth += 1 }
        return nodes.filter { $0.path.count <= depth }
            .map { HeatmapRow.Labelled(label: $0.path.last ?? "", indent: $0.path.count - 1, points: $0.series) }
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
