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

    func context() -> IndexSectionContext {
        let report = settings.report
        let teamCount = Set(report.teams.map(\.team.key)).count
        let modes = ComputationMode.allCases.filter { m in report.teams.contains { $0.mode == m } }
        let findings = report.findings.count
        let c = IndexSectionContext(
            heading: settings.heading, id: IndexSection.slug, title: settings.title,
            meta: "\(PageSettings.count(teamCount, "team")) · \(settings.windowText)",
            empty: report.teams.isEmpty,
            findingsText: findings == 1 ? "1 data-quality finding" : "\(findings) data-quality findings",
            qualityHref: settings.links.quality,
            modes: modes.map(mode),
            thresholds: thresholds.context(place: PageSettings.place(settings.title)))
        c.sinceLastReport = SinceLastReportSection(settings: settings).context()
        c.summaryJSONHref = settings.links.singleFile ? nil : SummaryJSON.siteFile
        return c
    }

    private func mode(_ mode: ComputationMode) -> ModeContext {
        let report = settings.report
        let m = PageSettings.modeId(mode)
        let prefix = "\(IndexSection.slug)-\(m)-"
        let place = PageSettings.place(settings.title, mode: mode)
        let teams = report.teams.filter { $0.mode == mode }
        let tree = TreeRows(report: report, mode: mode, links: settings.links, idPrefix: prefix + "tree-",
                            index: settings.index)
        let byGroup = teams.count > IndexSection.teamRowLimit
        let table = TableModel(id: prefix + "tree", caption: byGroup ? "Every group" : "Every group and team",
                               note: byGroup ? "(\(mode.unitName); band in each cell; each group's page lists its teams)"
                                   : "(\(mode.unitName); band in each cell)",
                               columns: TreeRows.columns, rows: tree.rows(under: [], teams: !byGroup))
        let c = ModeContext(id: "\(IndexSection.slug)-\(m)", title: PageSettings.modeTitle(mode),
                            summary: "\(PageSettings.count(teams.count, "team")), amounts in \(mode.unitName)")
        c.tree = table.context(place: place)
        c.movers = Movers(settings: settings).table(mode, id: prefix + "movers")?.context(place: place)
        if let root = report.nodes.first(where: { $0.path.isEmpty && $0.mode == mode }) {
            let noun = root.rolledUp ? "month" : LatestPeriod.noun(level: .team, series: root.series)
            let tiles = TileBuilder(mode: mode, periodNoun: noun, total: root.rolledUp ? "all teams' total" : nil,
                                    idPrefix: prefix)
            c.tiles = tiles.tiles(root.summary, series: root.series, teamsBelow: settings.teams(under: root),
                                  baseline: settings.baseline(of: root), compared: settings.comparison != nil)
        }
        let heat = byGroup ? SayDoHeatmap.data(groups(mode)) : SayDoHeatmap.data(teams)
        if !heat.columns.isEmpty {
            let chart = ChartKit.heatmap(rows: heat.rows, columns: heat.columns,
                                         title: "Say/do % per \(byGroup ? "group" : "team") and month",
                                         idPrefix: prefix + "heat-")
            c.charts = [FigureContext(chart, id: prefix + "heatmap", place: place, wide: true)]
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
