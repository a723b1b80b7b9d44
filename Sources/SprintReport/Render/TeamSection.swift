/// One team's page (or section): every mode it has, story points first.
struct TeamSection {
    let settings: PageSettings
    /// The team's reports, one per mode, story points first.
    let reports: [TeamReport]

    var team: Team { reports[0].team }
    var slug: String { settings.links.teamSlug(team.key) }

    func context() -> TeamSectionContext {
        var units: [String] = []  // once each, also for a team exported at two levels
        for r in reports where !units.contains(r.mode.unitName) { units.append(r.mode.unitName) }
        let findings = settings.findings(of: team)
        let c = TeamSectionContext(
            heading: settings.heading, id: slug, title: team.name,
            meta: "\(team.pathString) · \(settings.windowText) · \(units.joined(separator: " and "))",
            breadcrumb: settings.breadcrumb(team.path, name: team.name),
            modes: reports.map(mode),
            findings: findings.isEmpty ? nil : FindingsContext(
                count: findings.count,
                table: QualitySection.table(findings, id: slug + "-findings", caption: "Data-quality findings for \(team.name)",
                                           links: nil)
                    .context(place: PageSettings.place(team.name))))
        c.sinceLastReport = SinceLastReportSection(settings: settings).sentence(team: team.key)
        return c
    }

    private func mode(_ r: TeamReport) -> ModeContext {
        // Read once: `TeamReport.series` builds the points from the report's rows on each read.
        let series = r.series
        let noun = LatestPeriod.noun(level: r.level, series: series)
        // A team exported at two levels (a sprint-level file and a team-level one) has two
        // reports of one mode: both are shown, told apart by the level in their ids and titles.
        let twoLevels = reports.contains { $0.mode == r.mode && $0.level != r.level }
        let periods = twoLevels ? noun + "s" : nil
        let m = PageSettings.modeId(r.mode) + (twoLevels ? "-" + r.level.rawValue : "")
        let mId = settings.idPrefix(slug) + m
        let prefix = mId + "-"
        let place = PageSettings.place(team.name, mode: r.mode, periods: periods)
        let tiles = TileBuilder(mode: r.mode, periodNoun: noun, total: nil, idPrefix: prefix)
        var charts: [RenderedChart] = []
        if !series.isEmpty {
            // The last 26 periods; their numbers (and every other period's) are in the period table
            // below the charts, which each chart links to instead of repeating them in a table of
            // its own. Hover titles on the planned-vs-delivered chart only, whose stacked bars
            // are the hardest to read exactly; the line charts read against their gridlines.
            // (Each chart's own table and hover titles on all four would put a 78-sprint team
            // page at ≈ 80 KB instead of ≤ 60 KB.) What a page leaves out, the charts do not make.
            let span = ChartSpan(total: series.count, limit: ChartSpan.pageLimit)
            charts = [
                ChartKit.plannedVsDelivered(series, mode: r.mode, periodNoun: noun, idPrefix: prefix + "pvd-", span: span,
                                            baselineMean: settings.comparison?.team(r)?.baselineMeanDelivered, table: false),
                ChartKit.deliveredForecast(series, forecast: r.summary.forecast, mode: r.mode, periodNoun: noun,
                                           idPrefix: prefix + "fc-", span: span, hover: false, table: false),
                ChartKit.sayDo(series, limits: settings.report.thresholds.limits[.sayDoPercent]!,
                               periodNoun: noun, idPrefix: prefix + "sd-", span: span, hover: false, table: false),
                ChartKit.creepAndChurn(series, periodNoun: noun, idPrefix: prefix + "cc-", span: span, hover: false, table: false),
            ]
        }
        let c = ModeContext(id: mId, title: PageSettings.modeTitle(r.mode, periods: periods),
                            summary: "\(PageSettings.count(r.summary.periods, noun)) with data, amounts in \(r.mode.unitName)")
        c.tiles = tiles.tiles(r.summary, series: series, baseline: settings.baseline(of: r),
                              compared: settings.comparison != nil)
        c.latest = LatestPeriod.context(series, noun: noun, mode: r.mode, id: prefix + "latest", place: place)
        c.charts = charts.enumerated().map { i, chart in
            FigureContext(chart, id: "\(prefix)chart\(i + 1)", place: place,
                          data: .link(href: "#\(mId)-periods-heading", text: "Every \(noun)’s numbers: the table “Every period”"))
        }
        c.periods = PeriodTable.model(series, extraMetrics: settings.report.extraMetrics, mode: r.mode,
                                      noun: noun, id: prefix + "periods").context(place: place)
        return c
    }
}
