/// What every page and section builder shares.
struct PageSettings {
    let report: Report
    let templates: PageTemplates
    var links: SiteLinks
    /// The site's title (`--title`).
    let title: String
    /// "2026-04-01 12:00 UTC" from SOURCE_DATE_EPOCH, or nil (then no time is shown).
    let generated: String?
    /// The report's tree and findings indexed once, for the lookups of every page.
    let index: OrgIndex
    /// `--compare`: tiles compare with the baseline window, the index lists the movers, team
    /// charts draw the baseline's mean.
    var comparison: WindowComparison? = nil
    /// `--previous`: "Since the last report" on the index and a sentence on each team page.
    var sinceLastReport: SinceLastReport? = nil

    /// "2025-07-01 to 2025-09-30": the baseline window of `--compare`.
    var baselineText: String? {
        comparison.map { c in
            let w = c.baselineWindow
            return "\(w.from.map(\.description) ?? "start") to \(w.to.map(\.description) ?? "end")"
        }
    }

    /// What a team's tiles compare with under `--compare` (nil without it, or when the team
    /// has no period in the baseline window).
    func baseline(of team: TeamReport) -> (summary: WindowSummary, window: String)? {
        guard let text = baselineText, let c = comparison?.team(team) else { return nil }
        return (c.baseline, text)
    }

    /// What a node's tiles compare with under `--compare`.
    func baseline(of node: NodeReport) -> (summary: WindowSummary, window: String)? {
        guard let text = baselineText, let c = comparison?.node(node) else { return nil }
        return (c.baseline, text)
    }

    /// Heading elements for a section's title, its parts and their sub-parts: h1/h2/h3 on a
    /// page of the site, h2/h3/h4 inside the single-file report (whose h1 is its title).
    var heading: HeadingContext { links.singleFile ? .singleFile : .page }

    /// Where a table or figure is, for the accessible name of its scrolling region: the
    /// section's title, and the mode's inside a mode ("Falcon, In story points").
    static func place(_ sectionTitle: String, mode: ComputationMode? = nil, periods: String? = nil) -> String {
        mode.map { "\(sectionTitle), \(modeTitle($0, periods: periods))" } ?? sectionTitle
    }

    /// The start of the ids inside a section: a page of the site holds one section, so its ids
    /// need no slug (`sp-chart1`); the single-file report holds many (`team-x-1a2b3c4d-sp-chart1`).
    func idPrefix(_ slug: String) -> String { links.singleFile ? slug + "-" : "" }

    /// "1 sprint", "13 sprints".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Modes in the order pages show them: story points first. `periods` tells apart the two
    /// reports of a team exported at two levels: "In story points (sprints)", "… (weeks)".
    static func modeTitle(_ mode: ComputationMode, periods: String? = nil) -> String {
        (mode == .storyPoints ? "In story points" : "In tickets") + (periods.map { " (\($0))" } ?? "")
    }

    static func modeId(_ mode: ComputationMode) -> String { mode == .storyPoints ? "sp" : "tk" }

    /// "2026-01-05 to 2026-04-03" (the coverage of the data in the window).
    var windowText: String {
        let from = report.window.from ?? report.coverage.first
        let to = report.window.to ?? report.coverage.last
        switch (from, to) {
        case let (f?, t?): return "\(f) to \(t)"
        case let (f?, nil): return "from \(f)"
        case let (nil, t?): return "up to \(t)"
        default: return "all periods"
        }
    }

    /// The breadcrumb of the page `name` at `path`: the overview, then each node of the path
    /// (linked when it has a page), the last one being the current page.
    func breadcrumb(_ path: [String], name: String) -> BreadcrumbContext {
        var items = [LinkContext(label: "Overview", href: links.narrowed ? nil : links.index)]
        for i in path.indices {
            let prefix = Array(path[...i])
            if i == path.count - 1 {
                items.append(LinkContext(label: path[i], href: nil, current: true))
            } else {
                let linked = !links.narrowed && index.nodePaths.contains(prefix)
                items.append(LinkContext(label: path[i], href: linked ? links.node(prefix) : nil))
            }
        }
        return BreadcrumbContext(name: name, items: items)
    }

    /// For a rolled-up node, the teams below it (nil for a node with own rows).
    func teams(under node: NodeReport) -> [TeamReport]? {
        node.rolledUp ? index.teams(below: node.path, mode: node.mode) : nil
    }

    /// The findings that name a team (by name or key).
    func findings(of team: Team) -> [Finding] { index.findings(of: team) }
}
